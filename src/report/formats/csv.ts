// CSV: a row per graded answer, a row per question asked but not graded, and a row per file or
// conversation of a stream that could not be graded at all.
import { forTerminal } from '../../terminal-text.js';
import type { Failure, GradedAnswer, GradedTranscript } from '../graded.js';
import type { OutputFormat } from '../output.js';
import { belowBar, notGraded, remarks, toReach, whyNotGraded } from '../view.js';

// A report for people (a spreadsheet, a terminal): control characters and escape sequences from a
// transcript are dropped, as CSV has no way to escape them; the transcript stays the source.
const quoted = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** What a spreadsheet would run as a formula: text whose first character is one of these. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell that a spreadsheet would take for a formula (a file named `=2+5.txt`, a speaker called
 * `@admin`) is kept as text: a leading quote, and the field quoted. Numbers are written as they are,
 * so a negative figure stays a number.
 */
export const csvCell = (v: string | number | undefined) => {
  if (typeof v === 'number') return String(v);
  const s = forTerminal(v ?? '');
  if (FORMULA_START.test(s)) return quoted(`'${s}`);
  return /[",\n\r]/.test(s) ? quoted(s) : s;
};

export const CSV_COLUMNS = [
  'file',
  'conversation',
  // The id a conversation of a stream came with (a line of JSON Lines on standard input), as given.
  'id',
  'format',
  'interviewer',
  'candidate',
  // The question's key: the scenario's question id, or "<family>-<n>" for one graded by its family
  // (graded only); then the scenario's question id, empty for one matched by family; then the
  // interviewer's words.
  'question',
  'question_id',
  'prompt',
  'family',
  'matched_by',
  'line',
  'follow_ups',
  'total',
  'band',
  'criteria',
  'missing',
  // Delivery, empty when the transcript has no times.
  'wpm',
  'fillers_per_min',
  'longest_pause_s',
  'note',
] as const;

export const csvHead = () => `${CSV_COLUMNS.join(',')}\n`;

const deliveryCells = ({ delivery: d }: GradedAnswer) => [d?.wordsPerMinute, d?.fillers.perMinute, d?.longestPause?.seconds];

/** A row per graded or ungraded question, each ending its line. */
export function csvRows(t: GradedTranscript): string[] {
  const who = [t.file, t.conversation, t.id, t.format, t.interviewer, t.candidate];
  const graded = t.answers.map((a) => [
    ...who,
    a.question,
    a.questionId,
    a.prompt,
    a.family,
    a.matchedBy,
    a.line,
    a.followUps,
    a.total,
    a.band,
    a.criteria.map((c) => `${c.id}=${c.level}/${c.maxLevel}`).join(' '),
    belowBar(a)
      .map((c) => toReach(a, c)[0] ?? '')
      .filter(Boolean)
      .join('; '),
    ...deliveryCells(a),
    remarks(a).join('; '),
  ]);
  const ungraded = notGraded(t).map((n) => [
    ...who,
    undefined,
    undefined,
    n.prompt,
    undefined,
    'none',
    n.line,
    undefined,
    undefined,
    'not graded',
    undefined,
    undefined,
    undefined,
    undefined,
    undefined,
    whyNotGraded(n),
  ]);
  return [...graded, ...ungraded].map(csvRow);
}

const csvRow = (row: readonly (string | number | undefined)[]) => `${row.map(csvCell).join(',')}\n`;

/** A file, or a conversation of a stream, that could not be graded at all: its row says where, and why in the note. */
export function csvFailure(f: Failure): string {
  const cells: Partial<Record<(typeof CSV_COLUMNS)[number], string | number>> = {
    file: f.file,
    conversation: f.conversation,
    id: f.id,
    line: f.line,
    band: 'failed',
    note: f.reason,
  };
  return csvRow(CSV_COLUMNS.map((c) => cells[c]));
}

export const csv: OutputFormat = { head: csvHead, render: csvRows, failure: csvFailure, keepsRows: false, tail: () => '' };
