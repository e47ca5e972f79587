// Standard input as grading tasks. JSON Lines of conversations (the first line that is not blank
// holds a whole conversation) is taken a line at a time as it arrives, each line a conversation
// graded on its own; anything else is one transcript, read whole as a file would be.
import { decodeInput, INPUT_KINDS, tooLargeReason } from '../input.js';
import { isSessionData, isMessage } from '../transcripts/json.js';
import { leadingId } from '../transcripts/json.js';
import type { Task } from './task.js';

/** How standard input is given on the command line, in place of a file (and standard output, to --out). */
export const STDIN = '-';
/** Its name where a file's would be in a report: a name no path has, and none a spreadsheet takes for a formula (as it would "-"). */
export const STDIN_NAME = '<stdin>';

const MAX_BYTES = INPUT_KINDS.transcript.maxBytes;
const NEWLINE = 0x0a;
/** Bytes that leave a line blank: whitespace, and the UTF-8 byte-order mark. */
const BLANK = new Set([0x20, 0x09, 0x0d, 0x0a, 0xef, 0xbb, 0xbf]);

/** A chunk as a Buffer, without copying it. */
const asBuffer = (chunk: Uint8Array) => Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);

/** A line's bytes; or, past the limit, only its first bytes (enough to say whose it was). */
type Line = { line: number; bytes: Buffer } | { line: number; tooLarge: true; start: Buffer };

/** How much of a line past the limit is kept: its start, where an id would be. */
const KEPT = 512;

/**
 * Lines of bytes, split as the chunks arrive. A line past `max` bytes is let go as it comes (so
 * memory holds at most one line of the limit) and reported by its number.
 */
export async function* byteLines(chunks: AsyncIterable<Uint8Array>, max: number): AsyncGenerator<Line> {
  let parts: Buffer[] = [];
  let size = 0;
  let start: Buffer | undefined;
  let line = 1;
  const end = (last: Buffer): Line => {
    const done: Line =
      start || size + last.length > max
        ? { line, tooLarge: true, start: start ?? Buffer.concat([...parts, last.subarray(0, KEPT)]).subarray(0, KEPT) }
        : { line, bytes: Buffer.concat([...parts, last]) };
    parts = [];
    size = 0;
    start = undefined;
    line++;
    return done;
  };
  for await (const chunk of chunks) {
    const buffer = asBuffer(chunk);
    let from = 0;
    for (let at = buffer.indexOf(NEWLINE); at >= 0; at = buffer.indexOf(NEWLINE, from)) {
      yield end(buffer.subarray(from, at));
      from = at + 1;
    }
    const rest = buffer.subarray(from);
    if (!start && size + rest.length > max) {
      start = Buffer.concat([...parts, rest.subarray(0, KEPT)]).subarray(0, KEPT);
      parts = [];
    } else if (!start && rest.length) {
      parts.push(rest);
      size += rest.length;
    }
  }
  if (start || size) yield end(Buffer.alloc(0));
}

/** Whether the first line that is not blank holds a conversation of JSON Lines (not one message, nor a session). */
function opensJsonLines(line: Buffer): boolean {
  const text = line
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trim();
  if (!text.startsWith('{') && !text.startsWith('[')) return false;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return false;
  }
  return !isMessage(data) && !isSessionData(data);
}

/** The line of a second transcript's start in text read as one (`cat a.vtt b.vtt`), if it shows one. */
function secondStart(text: string): { line: number; what: string } | undefined {
  const starts: [RegExp, string][] = [
    [/^\uFEFF?WEBVTT\b/gm, 'another WEBVTT header'],
    [/^\uFEFF?1[ \t]*\r?\n\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}[ \t]+-->/gm, 'another subtitle numbered 1'],
  ];
  for (const [start, what] of starts) {
    const found = [...text.matchAll(start)];
    const second = found[1];
    if (second) return { line: text.slice(0, second.index).split('\n').length, what };
  }
  return undefined;
}

/** One conversation a line: a task per line that is not blank, numbered in the order they come. */
async function* lineTasks(lines: AsyncIterable<Line>): AsyncGenerator<Task> {
  let conversation = 0;
  for await (const l of lines) {
    if ('tooLarge' in l) {
      conversation++;
      const id = leadingId(l.start.toString('utf8'));
      yield {
        kind: 'refused',
        failure: { ...id, file: STDIN_NAME, conversation, line: l.line, reason: tooLargeReason(undefined, 'transcript')! },
      };
      continue;
    }
    if (l.bytes.every((b) => BLANK.has(b))) continue;
    conversation++;
    const input = decodeInput(l.bytes, 'transcript');
    if (!input.ok) yield { kind: 'refused', failure: { file: STDIN_NAME, conversation, line: l.line, reason: input.message } };
    else {
      const text = input.text.replace(/^\uFEFF/, '');
      yield { kind: 'line', file: STDIN_NAME, line: l.line, conversation, text, ...(input.notice ? { notice: input.notice } : {}) };
    }
  }
}

/** The whole of the input as one transcript, refused past the size limit without reading on. */
async function wholeTask(head: Buffer[], rest: AsyncIterator<Uint8Array>): Promise<Task> {
  let size = head.reduce((n, b) => n + b.length, 0);
  for (let r = size > MAX_BYTES ? undefined : await rest.next(); r && !r.done; r = size > MAX_BYTES ? undefined : await rest.next()) {
    head.push(asBuffer(r.value));
    size += r.value.byteLength;
  }
  if (size > MAX_BYTES) {
    await rest.return?.();
    return {
      kind: 'refused',
      failure: { file: STDIN_NAME, reason: `${INPUT_KINDS.transcript.cannotRead}: ${tooLargeReason(undefined, 'transcript')!}` },
    };
  }
  const input = decodeInput(Buffer.concat(head), 'transcript');
  if (!input.ok)
    return { kind: 'refused', failure: { file: STDIN_NAME, ...(input.line ? { line: input.line } : {}), reason: input.message } };
  const second = secondStart(input.text);
  if (second)
    return {
      kind: 'refused',
      failure: {
        file: STDIN_NAME,
        line: second.line,
        reason: `more than one transcript (${second.what}): standard input is read as one; name the files, or give JSON Lines, a conversation a line`,
      },
    };
  return { kind: 'text', file: STDIN_NAME, text: input.text, ...(input.notice ? { notice: input.notice } : {}) };
}

/** Chunks already taken, then the rest. */
async function* joined(head: readonly Buffer[], rest: AsyncIterator<Uint8Array>): AsyncGenerator<Uint8Array> {
  yield* head;
  for (let r = await rest.next(); !r.done; r = await rest.next()) yield r.value;
}

/**
 * Standard input's tasks. Chunks are read until the first line that is not blank is whole; it
 * says which way the input is read. A stream of conversations is graded as it arrives, with
 * memory for the lines in flight only.
 */
export async function* stdinTasks(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Task> {
  const it = chunks[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let size = 0;
  let start = -1;
  let end = -1;
  while (end < 0 && size <= MAX_BYTES) {
    const r = await it.next();
    if (r.done) break;
    const chunk = asBuffer(r.value);
    for (let i = 0; i < chunk.length && end < 0; i++) {
      if (start < 0 && !BLANK.has(chunk[i]!)) start = size + i;
      else if (start >= 0 && chunk[i] === NEWLINE) end = size + i;
    }
    head.push(chunk);
    size += chunk.length;
  }
  if (start < 0 && size <= MAX_BYTES) {
    // Nothing but blank lines: graded as an empty file is, with its reason.
    yield await wholeTask(head, it);
    return;
  }
  const first = start >= 0 && size <= MAX_BYTES ? Buffer.concat(head).subarray(start, end < 0 ? size : end) : undefined;
  if (first && opensJsonLines(first)) yield* lineTasks(byteLines(joined(head, it), MAX_BYTES));
  else yield await wholeTask(head, it);
}
