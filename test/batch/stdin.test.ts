// Standard input as grading tasks: lines split as chunks arrive, and which way the input is read.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { byteLines, stdinTasks } from '../../src/batch/stdin.js';
import type { Task } from '../../src/batch/task.js';
import { leadingId } from '../../src/transcripts/json.js';
import { fixture } from '../helpers.js';

async function* chunksOf(...parts: (string | Buffer)[]): AsyncGenerator<Uint8Array> {
  for (const p of parts) yield typeof p === 'string' ? Buffer.from(p) : p;
}

async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const i of items) out.push(i);
  return out;
}

const lines = async (max: number, ...parts: string[]) =>
  (await all(byteLines(chunksOf(...parts), max))).map((l) =>
    'tooLarge' in l ? { line: l.line, tooLarge: l.start.toString() } : { line: l.line, text: l.bytes.toString() },
  );

const kinds = (tasks: Task[]) => tasks.map((t) => (t.kind === 'refused' ? `refused:${t.failure.line ?? ''}` : t.kind));

describe('lines of standard input', () => {
  it('are split wherever the chunks break, the last one with or without its newline', async () => {
    expect(await lines(100, 'ab', 'c\nde', 'f\n\ng', 'h')).toEqual([
      { line: 1, text: 'abc' },
      { line: 2, text: 'def' },
      { line: 3, text: '' },
      { line: 4, text: 'gh' },
    ]);
    expect(await lines(100, 'one\n')).toEqual([{ line: 1, text: 'one' }]);
  });

  it('a line past the limit is reported by its number and its first bytes, and the lines after it are whole', async () => {
    expect(await lines(5, 'ok\n12345', '678', '9\nfine\n', '0123456789')).toEqual([
      { line: 1, text: 'ok' },
      { line: 2, tooLarge: '12345678' },
      { line: 3, text: 'fine' },
      { line: 4, tooLarge: '0123456789' },
    ]);
  });
});

describe('standard input read as tasks', () => {
  const conversations = readFileSync(fixture('transcripts/interviews.jsonl'), 'utf8');

  it('JSON Lines of conversations: a task per line that is not blank, numbered as they come', async () => {
    const [a, b] = conversations.trim().split('\n');
    const tasks = await all(stdinTasks(chunksOf('\n', `${a!.slice(0, 30)}`, `${a!.slice(30)}\r\n\n${b}`)));
    expect(tasks).toEqual([
      { kind: 'line', file: '<stdin>', line: 2, conversation: 1, text: `${a}\r` },
      { kind: 'line', file: '<stdin>', line: 4, conversation: 2, text: b },
    ]);
  });

  it('a bad line is a task of its own, so it fails alone', async () => {
    const tasks = await all(stdinTasks(chunksOf(`${conversations.trim().split('\n')[0]}\nnot json\n\u0000\u0001\u0002\u0003\n`)));
    expect(kinds(tasks)).toEqual(['line', 'line', 'refused:3']);
  });

  it.each([
    ['a message a line (one conversation)', 'transcripts/chat-messages.jsonl'],
    ['plain text', 'transcripts/interview.txt'],
    ['WebVTT', 'transcripts/interview-zoom.vtt'],
    ['pretty-printed chat JSON', 'transcripts/interview-chat.json'],
    ['a rehearse session', 'transcripts/interview-session.json'],
  ])('%s: one transcript, the whole of the input, as the file would be', async (_what, name) => {
    const bytes = readFileSync(fixture(name));
    // In small chunks, as a pipe hands them over.
    const parts = Array.from({ length: Math.ceil(bytes.length / 100) }, (_, i) => bytes.subarray(i * 100, i * 100 + 100));
    const tasks = await all(stdinTasks(chunksOf(...parts)));
    expect(tasks).toEqual([{ kind: 'text', file: '<stdin>', text: bytes.toString('utf8').replace(/^\uFEFF/, '') }]);
  });

  it('two subtitle files run together are refused, naming the line where the second starts', async () => {
    const vtt = readFileSync(fixture('transcripts/interview-zoom.vtt'), 'utf8');
    const tasks = await all(stdinTasks(chunksOf(vtt + vtt)));
    expect(tasks).toEqual([
      {
        kind: 'refused',
        failure: {
          file: '<stdin>',
          line: vtt.split('\n').length,
          reason: expect.stringMatching(/^more than one transcript \(another WEBVTT header\): standard input is read as one/),
        },
      },
    ]);
  });
});

describe('the id of a line refused before it is read', () => {
  it.each([
    ['{"id": "c-17", "messages": [', { id: 'c-17' }],
    ['  {"id":42,"messages":[', { id: 42 }],
    ['{"id": "say \\"hi\\"", "messages"', { id: 'say "hi"' }],
    ['{"messages": [], "id": "late"}', {}],
    ['{"id": {"nested": 1}, "messages": []}', {}],
    ['{"id": "unfinished', {}],
  ])('%s', (start, expected) => {
    expect(leadingId(start)).toEqual(expected);
  });
});
