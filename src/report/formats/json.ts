// JSON: {"transcripts": [...], "failures": [...], "summary": {...}}, streamed a transcript at a time.
import type { Failure, GradedTranscript } from '../graded.js';
import type { OutputFormat, Summary } from '../output.js';

export const jsonHead = () => '{\n  "transcripts": [';
/** One graded transcript as JSON: pretty-printed with `indent`, or on one line. */
export const transcriptJson = (t: GradedTranscript, indent?: number) => safeJson(JSON.stringify(t, null, indent));
/** One transcript as it stands in the array: indented to its place. Made where it is graded. */
export const jsonText = (t: GradedTranscript) => transcriptJson(t, 2).replace(/^/gm, '    ');

/**
 * JSON.stringify escapes C0 controls but leaves DEL, C1 (an 8-bit escape sequence starts with
 * U+009B) and bidi controls raw; written as \u escapes they parse back to the same data and cannot
 * act on a terminal the JSON is printed to.
 */
export const safeJson = (json: string) =>
  json.replace(/[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
/** Places one transcript's text (from jsonText) in the array. */
export const jsonItem = (text: string, first: boolean) => `${first ? '\n' : ',\n'}${text}`;
export const jsonTail = (failures: readonly Failure[], summary: Summary) =>
  `\n  ],\n  "failures": ${JSON.stringify(failures, null, 2).replace(/\n/g, '\n  ')},\n  "summary": ${JSON.stringify(summary)}\n}\n`;

export const json: OutputFormat = {
  head: jsonHead,
  render: jsonText,
  place: jsonItem,
  keepsRows: false,
  tail: ({ failures, summary }) => jsonTail(failures, summary),
};
