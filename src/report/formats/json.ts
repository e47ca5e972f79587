// JSON: {"transcripts": [...], "failures": [...], "summary": {...}}, streamed a transcript at a time.
import type { Failure, GradedTranscript } from '../graded.js';
import type { OutputFormat, Summary } from '../output.js';

export const jsonHead = () => '{\n  "transcripts": [';

/** Whether JSON.stringify writes a value (in an array it writes null instead). */
const written = (v: unknown) => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol';

/**
 * The text of `JSON.stringify(value, null, indent)` with `pad` put before each of its lines, in
 * pieces: the containers of the first `depth` levels are written a member at a time, so a transcript
 * of forty thousand answers is never one string (its JSON would be some 170 MB), and each piece is
 * made only when it is taken. Joined, the pieces are exactly the text JSON.stringify gives for plain
 * data (a test compares them): members are written from `Object.keys`, the order JSON.stringify
 * uses, and a container with a `toJSON` is written whole. Lines are those "\n" ends: a line or
 * paragraph separator inside a string is no line break (indenting after one would change the string).
 */
export function* jsonPieces(value: unknown, indent?: number, pad = '', depth = 2): Generator<string> {
  const gap = indent ? ' '.repeat(indent) : '';
  function* put(v: unknown, at: string, level: number): Generator<string> {
    if (level < depth && v !== null && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON !== 'function') {
      const array = Array.isArray(v);
      const keys = array ? undefined : Object.keys(v).filter((k) => written((v as Record<string, unknown>)[k]));
      const size = keys ? keys.length : (v as unknown[]).length;
      if (!size) {
        yield array ? '[]' : '{}';
        return;
      }
      const inner = at + gap;
      const line = gap ? `\n${inner}` : '';
      yield array ? '[' : '{';
      for (let i = 0; i < size; i++) {
        const key = keys?.[i];
        const x = key === undefined ? (v as unknown[])[i] : (v as Record<string, unknown>)[key];
        yield `${i ? ',' : ''}${line}${key === undefined ? '' : `${JSON.stringify(key)}:${gap ? ' ' : ''}`}`;
        if (written(x)) yield* put(x, inner, level + 1);
        else yield 'null';
      }
      yield `${gap ? `\n${at}` : ''}${array ? ']' : '}'}`;
      return;
    }
    // A value below the split, written whole, its lines indented to where it stands. (A `toJSON`
    // that gives undefined is written as null here, where JSON.stringify would leave the member out.)
    const text = JSON.stringify(v, null, indent) ?? 'null';
    yield gap ? text.replace(/\n/g, `\n${at}`) : text;
  }
  yield pad;
  for (const piece of put(value, pad, 0)) yield safeJson(piece);
}

/** One graded transcript as JSON pieces: pretty-printed with `indent`, or on one line. */
export const transcriptJson = (t: GradedTranscript, indent?: number) => jsonPieces(t, indent);
/** One transcript as it stands in the array, indented to its place. Made where it is graded. */
export const jsonText = (t: GradedTranscript) => jsonPieces(t, 2, '    ');

/**
 * JSON.stringify escapes C0 controls but leaves DEL, C1 (an 8-bit escape sequence starts with
 * U+009B) and bidi controls raw; written as \u escapes they parse back to the same data and cannot
 * act on a terminal the JSON is printed to.
 */
export const safeJson = (json: string) =>
  json.replace(/[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
/** What goes before a transcript in the array: a comma after the first. */
export const jsonSeparator = (first: boolean) => (first ? '\n' : ',\n');
export const jsonTail = (failures: readonly Failure[], summary: Summary) =>
  `\n  ],\n  "failures": ${JSON.stringify(failures, null, 2).replace(/\n/g, '\n  ')},\n  "summary": ${JSON.stringify(summary)}\n}\n`;

export const json: OutputFormat = {
  head: jsonHead,
  render: jsonText,
  separator: jsonSeparator,
  keepsRows: false,
  tail: ({ failures, summary }) => jsonTail(failures, summary),
};
