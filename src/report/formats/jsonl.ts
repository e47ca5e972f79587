// JSON Lines: one object a line for each conversation, written as it is graded: the graded
// transcript as the JSON format renders it, or {"error": …} for one that could not be graded.
import type { Failure } from '../graded.js';
import type { OutputFormat } from '../output.js';
import { safeJson, transcriptJson } from './json.js';

/** A conversation (or a file) that was not graded: where it was, and why, under "error". */
/** A failure's line, its fields always in one order (id first, as a graded conversation's), wherever it was found. */
export const failureLine = ({ id, file, conversation, line, reason }: Failure) =>
  `${safeJson(JSON.stringify({ ...(id === undefined ? {} : { id }), file, ...(conversation === undefined ? {} : { conversation }), ...(line === undefined ? {} : { line }), error: reason }))}\n`;

export const jsonl: OutputFormat = {
  head: () => '',
  render: function* (t) {
    yield* transcriptJson(t);
    yield '\n';
  },
  failure: failureLine,
  keepsRows: false,
  // The run's summary is no conversation: a reader of the stream gets only conversations.
  tail: () => '',
};
