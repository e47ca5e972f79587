// JSON: {"transcripts": [...], "failures": [...], "summary": {...}}, streamed a transcript at a time.
import type { Failure, GradedTranscript } from '../graded.js';
import type { OutputFormat, Summary } from '../output.js';

export const jsonHead = () => '{\n  "transcripts": [';
/** One transcript as it stands in the array: indented to its place. Made where it is graded. */
export const jsonText = (t: GradedTranscript) => JSON.stringify(t, null, 2).replace(/^/gm, '    ');
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
