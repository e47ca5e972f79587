// A file the user hands rehearse, read as text: one size limit per kind of input, decode.ts's
// encodings, and one wording for a file that is missing, too large, binary or not UTF-8.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { decode, isBinary, type DecodeNotice, type Encoding } from './decode.js';
import { UsageError } from './errors.js';
import { fileErrorReason } from './files.js';
import type { StdinOverLimit } from './io.js';

const MB = 1024 * 1024;

/**
 * What a file can be read as. A limit stops a wrong file before it costs minutes and gigabytes
 * (scoring 50 MB as one answer takes 16 s and 2.3 GB); each is far above any real file.
 * `strict`: the encoding must be known (UTF-8, or UTF-16 with a byte-order mark) rather than
 * guessed, for files whose words decide grading.
 */
export const INPUT_KINDS = {
  /** An interview of hours is a few hundred KB, even as chat JSON with its metadata. */
  transcript: { maxBytes: 32 * MB, noun: 'a transcript', cannotRead: 'cannot be read', strict: false },
  /** One answer: an hour of speech is about 60 KB of text. */
  answer: { maxBytes: 1 * MB, noun: 'an answer', cannotRead: 'cannot read the answer', strict: false },
  /** An interview's answers given up front: as many answers as an interview has, so the same limit. */
  answers: { maxBytes: 1 * MB, noun: 'a file of answers', cannotRead: 'cannot read the answers', strict: false },
  /** A scenario or a rubric library: a 1,000-question scenario is about 3 MB. */
  scenario: { maxBytes: 16 * MB, noun: 'a scenario or rubric file', cannotRead: 'cannot be read', strict: true },
} as const;
export type InputKind = keyof typeof INPUT_KINDS;

/** Why a file was not read as text. */
export type InputProblem = 'missing' | 'unreadable' | 'too-large' | 'binary' | 'not-utf-8';

export type InputText =
  | { ok: true; text: string; encoding: Encoding; notice?: DecodeNotice }
  | {
      ok: false;
      problem: InputProblem;
      /** The cause in a few words ("no such file"). */
      reason: string;
      /** The refusal, to follow the file's name on one line. */
      message: string;
      /** Where in the file, when one line is at fault. */
      line?: number;
    };

type Refusal = Extract<InputText, { ok: false }>;

/** Sizes as people say them: whole megabytes, or tenths below ten, rounded up so a file just over a limit is not shown at it. */
function megabytes(bytes: number): string {
  const mb = bytes / MB;
  return `${mb >= 10 ? Math.ceil(mb) : Math.ceil(mb * 10) / 10} MB`;
}

function refuse(kind: InputKind, problem: InputProblem, reason: string, line?: number): Refusal {
  // Missing, unreadable or too large: it was not read. Binary or not UTF-8: it was, and is not text rehearse reads.
  const unread = problem === 'missing' || problem === 'unreadable' || problem === 'too-large';
  return {
    ok: false,
    problem,
    reason,
    message: unread ? `${INPUT_KINDS[kind].cannotRead}: ${reason}` : reason,
    ...(line === undefined ? {} : { line }),
  };
}

/** The bytes of a file up to `max`; past it, the file's size (unknown for a pipe). A regular file that is too large is not read at all. */
function readBytes(file: string, max: number): Uint8Array | { tooLarge: number | undefined } {
  const fd = openSync(file, 'r');
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw Object.assign(new Error('is a folder, not a file'), { code: 'EISDIR' });
    if (st.isFile() && st.size > max) return { tooLarge: st.size };
    // One byte over the size, to notice a file that grows while it is read; a pipe starts small.
    let buffer = Buffer.alloc(Math.min(st.isFile() ? st.size + 1 : 64 * 1024, max + 1));
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > max) return { tooLarge: undefined };
        const grown = Buffer.alloc(Math.min(buffer.length * 2, max + 1));
        buffer.copy(grown, 0, 0, length);
        buffer = grown;
      }
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) return buffer.subarray(0, length);
      length += n;
    }
  } finally {
    closeSync(fd);
  }
}

/** The line of the first byte that is not UTF-8: a replacement character in a lenient decoding. */
function firstBadLine(bytes: Uint8Array): number | undefined {
  const text = new TextDecoder('utf-8').decode(bytes);
  const at = text.indexOf('\uFFFD');
  if (at < 0) return undefined;
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** Bytes as text of a kind, or why they are not. */
export function decodeInput(bytes: Uint8Array, kind: InputKind): InputText {
  const { text, encoding, notice } = decode(bytes);
  if (isBinary(text)) return refuse(kind, 'binary', `this is a binary file, not ${INPUT_KINDS[kind].noun}`);
  if (notice && INPUT_KINDS[kind].strict) {
    return refuse(
      kind,
      'not-utf-8',
      'not UTF-8: this line has bytes that are not valid UTF-8; save the file as UTF-8',
      firstBadLine(bytes),
    );
  }
  return notice ? { ok: true, text, encoding, notice } : { ok: true, text, encoding };
}

/** A file read as text of a kind, or why it was not; never throws. */
export function readInput(file: string, kind: InputKind): InputText {
  const { maxBytes } = INPUT_KINDS[kind];
  let bytes;
  try {
    bytes = readBytes(file, maxBytes);
  } catch (e) {
    return refuse(kind, (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'unreadable', fileErrorReason(e));
  }
  if (bytes instanceof Uint8Array) return decodeInput(bytes, kind);
  return refuse(kind, 'too-large', tooLargeReason(bytes.tooLarge, kind)!);
}

/** Why text of this many bytes (undefined: more than the limit, not counted) is too large for its kind, or undefined when it is not. */
export function tooLargeReason(bytes: number | undefined, kind: InputKind): string | undefined {
  const { maxBytes, noun } = INPUT_KINDS[kind];
  if (bytes !== undefined && bytes <= maxBytes) return undefined;
  const size = bytes === undefined ? `more than ${megabytes(maxBytes)}` : megabytes(bytes);
  return `too large to be ${noun} (${size}; the limit is ${megabytes(maxBytes)})`;
}

/**
 * Text that arrived already decoded (standard input is read as UTF-8), checked by the same
 * policy: the limit, binary, and bytes that were not UTF-8. Standard input read past the limit
 * arrives as `overLimit`, its size unknown.
 */
export function checkInput(input: string | StdinOverLimit, kind: InputKind): InputText {
  const { noun } = INPUT_KINDS[kind];
  const text = typeof input === 'string' ? input : undefined;
  const tooLarge = tooLargeReason(text === undefined ? undefined : Buffer.byteLength(text), kind);
  if (tooLarge || text === undefined) return refuse(kind, 'too-large', tooLarge!);
  if (isBinary(text)) {
    // A UTF-16 byte-order mark read as UTF-8 is two bad sequences, then a NUL beside every letter.
    if (text.startsWith('\uFFFD\uFFFD')) return refuse(kind, 'not-utf-8', 'this is UTF-16 text: save it as UTF-8, or give it as a file');
    return refuse(kind, 'binary', `this is a binary file, not ${noun}`);
  }
  let bad = 0;
  for (let at = text.indexOf('\uFFFD'); at >= 0; at = text.indexOf('\uFFFD', at + 1)) bad++;
  if (bad && INPUT_KINDS[kind].strict) return refuse(kind, 'not-utf-8', 'not UTF-8: save it as UTF-8');
  if (!bad) return { ok: true, text, encoding: 'utf-8' };
  // The bytes are gone by now, so no code page can be tried: say what was lost.
  const message = `${bad} byte sequence(s) are not valid UTF-8 and were replaced by \uFFFD`;
  return { ok: true, text, encoding: 'utf-8', notice: { reason: 'invalid-utf-8-replaced', message } };
}

/**
 * The text of input given as a command's argument, or a usage error on one line naming it.
 * A notice (an encoding that was guessed) goes to `warn`, named the same way.
 */
export function usableText(input: InputText, name: string, warn?: (line: string) => void): string {
  if (!input.ok) throw new UsageError(`${name}${input.line === undefined ? '' : `:${input.line}`}: ${input.message}`);
  if (input.notice) warn?.(`${name}: ${input.notice.message}`);
  return input.text;
}

/** A file named on the command line, read as text of a kind; see `usableText`. */
export function readInputText(file: string, kind: InputKind, warn?: (line: string) => void): string {
  return usableText(readInput(file, kind), file, warn);
}
