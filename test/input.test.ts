// The one input policy: a size limit per kind, decode.ts's encodings, and one-line refusals.
import { closeSync, ftruncateSync, mkdirSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../src/errors.js';
import { checkInput, INPUT_KINDS, readInput, readInputText, usableText } from '../src/input.js';

const dir = mkdtempSync(join(tmpdir(), 'rehearse-input-'));

function file(name: string, bytes: Uint8Array | string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

/** A file of `mb` megabytes on paper and nothing written: a refusal must not read it. */
function sparse(name: string, mb: number): string {
  const path = join(dir, name);
  const fd = openSync(path, 'w');
  ftruncateSync(fd, Math.round(mb * 1024 * 1024));
  closeSync(fd);
  return path;
}

describe('readInput', () => {
  it('the answer limit is smaller than the transcript limit', () => {
    expect(INPUT_KINDS.answer.maxBytes).toBeLessThan(INPUT_KINDS.transcript.maxBytes);
    expect(INPUT_KINDS.answers.maxBytes).toBe(INPUT_KINDS.answer.maxBytes);
  });

  it.each([
    { name: 'UTF-8', bytes: Buffer.from('I’d pick retention.'), kind: 'answer' as const, text: 'I’d pick retention.', encoding: 'utf-8' },
    {
      name: 'UTF-16 with a byte-order mark',
      bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('id: x', 'utf16le')]),
      kind: 'scenario' as const,
      text: 'id: x',
      encoding: 'utf-16le',
    },
  ])('reads $name', ({ name, bytes, kind, text, encoding }) => {
    expect(readInput(file(`${name}.txt`, bytes), kind)).toEqual({ ok: true, text, encoding });
  });

  it('reads Windows-1252 with a notice where a guess is allowed', () => {
    const cp1252 = Uint8Array.from([...Buffer.from('We chose it '), 0x93, ...Buffer.from('because'), 0x94, ...Buffer.from(' it pays.')]);
    expect(readInput(file('cp1252.txt', cp1252), 'answer')).toEqual({
      ok: true,
      text: 'We chose it “because” it pays.',
      encoding: 'windows-1252',
      notice: { reason: 'assumed-windows-1252', message: 'not UTF-8; read as Windows-1252' },
    });
  });

  it.each([
    {
      name: 'a missing file',
      path: () => join(dir, 'nope.txt'),
      kind: 'answer' as const,
      out: { problem: 'missing', reason: 'no such file', message: 'cannot read the answer: no such file' },
    },
    {
      name: 'a folder',
      path: () => {
        mkdirSync(join(dir, 'folder'), { recursive: true });
        return join(dir, 'folder');
      },
      kind: 'answers' as const,
      out: { problem: 'unreadable', message: 'cannot read the answers: is a folder, not a file' },
    },
    {
      name: 'an answer of 50 MB, refused unread',
      path: () => sparse('huge-answer.txt', 50),
      kind: 'answer' as const,
      out: { problem: 'too-large', message: 'cannot read the answer: too large to be an answer (50 MB; the limit is 1 MB)' },
    },
    {
      name: 'an answer just over its limit, shown over it',
      path: () => sparse('just-over.txt', 1.01),
      kind: 'answer' as const,
      out: { problem: 'too-large', message: 'cannot read the answer: too large to be an answer (1.1 MB; the limit is 1 MB)' },
    },
    {
      name: 'a transcript of 40 MB',
      path: () => sparse('huge.vtt', 40),
      kind: 'transcript' as const,
      out: { problem: 'too-large', message: 'cannot be read: too large to be a transcript (40 MB; the limit is 32 MB)' },
    },
    {
      name: 'a binary answer',
      path: () => file('image.png', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 1, 2])),
      kind: 'answer' as const,
      out: { problem: 'binary', message: 'this is a binary file, not an answer' },
    },
    {
      name: 'a scenario that is not UTF-8, with the line of the first bad byte',
      path: () => file('latin1.yaml', Uint8Array.from([...Buffer.from('id: x\ntitle: Caf'), 0xe9, ...Buffer.from('\n')])),
      kind: 'scenario' as const,
      out: { problem: 'not-utf-8', line: 2, message: expect.stringMatching(/^not UTF-8: .*save the file as UTF-8$/) },
    },
  ])('refuses $name', ({ path, kind, out }) => {
    expect(readInput(path(), kind)).toMatchObject({ ok: false, ...out });
  });

  it('reads from a pipe up to the limit', () => {
    // /dev/zero has no size to check first, and no end: it is read only as far as the limit.
    expect(readInput('/dev/zero', 'answer')).toMatchObject({ ok: false, problem: 'too-large', message: /more than 1 MB/ });
  });
});

describe('checkInput (standard input, already decoded)', () => {
  it.each([
    { name: 'text', text: 'We chose retention.', out: { ok: true, text: 'We chose retention.', encoding: 'utf-8' } },
    { name: 'too much', text: 'a'.repeat(1024 * 1024 + 1), out: { ok: false, problem: 'too-large' } },
    {
      name: 'binary',
      text: '\u0000\u0001PNG\u0000',
      out: { ok: false, problem: 'binary', message: 'this is a binary file, not an answer' },
    },
    {
      name: 'UTF-16 read as UTF-8',
      text: '\uFFFD\uFFFDW\u0000e\u0000 \u0000c\u0000h\u0000o\u0000s\u0000e\u0000',
      out: { ok: false, problem: 'not-utf-8' },
    },
    {
      name: 'bytes that were not UTF-8',
      text: 'We chose \uFFFDretention\uFFFD.',
      out: {
        ok: true,
        notice: { reason: 'invalid-utf-8-replaced', message: '2 byte sequence(s) are not valid UTF-8 and were replaced by \uFFFD' },
      },
    },
  ])('$name', ({ text, out }) => {
    expect(checkInput(text, 'answer')).toMatchObject(out);
  });
});

describe('usableText', () => {
  it('is the text, and a notice goes to the warning line with the name', () => {
    const warnings: string[] = [];
    const text = usableText(checkInput('a \uFFFD b', 'answer'), 'standard input', (l) => warnings.push(l));
    expect(text).toBe('a \uFFFD b');
    expect(warnings).toEqual(['standard input: 1 byte sequence(s) are not valid UTF-8 and were replaced by \uFFFD']);
  });

  it('a refusal is one usage error line naming the file (and the line, when one is at fault)', () => {
    const binary = file('answer.bin', Uint8Array.from([0, 1, 2, 3, 0, 0, 7]));
    expect(() => readInputText(binary, 'answer')).toThrow(new UsageError(`${binary}: this is a binary file, not an answer`));
    const latin1 = file('latin1-answer.yaml', Uint8Array.from([...Buffer.from('a\nb'), 0xe9]));
    expect(() => usableText(readInput(latin1, 'scenario'), latin1)).toThrow(/latin1-answer\.yaml:2: not UTF-8/);
  });
});
