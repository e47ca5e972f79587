// What every batch output format shares: the interface each one implements, the transcripts kept
// for formats drawn at the end, and the run's summary.
import type { ConversationId, Failure, GradedAnswer, GradedTranscript } from './graded.js';

export type BatchFormat = 'table' | 'json' | 'csv' | 'md' | 'html' | 'jsonl';
export const BATCH_FORMATS: readonly BatchFormat[] = ['table', 'json', 'csv', 'md', 'html', 'jsonl'];

/** A transcript as a format drawn at the end keeps it until then: its answers' views, without the candidate's words. */
export type Kept = Omit<GradedTranscript, 'answers'> & { answers: Omit<GradedAnswer, 'answers'>[] };

export const keep = (t: GradedTranscript): Kept => ({ ...t, answers: t.answers.map(({ answers: _words, ...a }) => a) });

/**
 * Where a transcript came from, for a reader: its file, and the id a conversation of a stream gave
 * itself (many lines of standard input are all "<stdin>"), as the notices on standard error name it.
 */
export const sourceOf = (t: { file: string; id?: ConversationId }) => `${t.file}${idNote(t.id)}`;

/** Where a failure was: its file and line, and the id of a stream's conversation, as standard error says it. */
export const failureSource = (f: Failure) => `${f.file}${f.line ? `:${f.line}` : ''}${idNote(f.id)}`;

/** " (id …)" after where a stream's conversation was, its id as JSON ("c1", 7); nothing without one. */
export const idNote = (id: ConversationId | undefined) => (id === undefined ? '' : ` (id ${JSON.stringify(id)})`);

/** Questions whose answers went ungraded: a transcript with one is not fully graded. */
export const ungradedAnswers = (t: GradedTranscript) => t.unaligned.filter((u) => u.answers > 0).length;

export interface Summary {
  files: number;
  transcripts: number;
  answers: number;
  failures: number;
  /** Questions whose answers were not graded (they matched nothing rehearse grades). */
  ungraded: number;
  /** Mean of the answers' totals; absent when no answer was graded. */
  meanAnswer?: number;
}

export interface Counts {
  files: number;
  transcripts: number;
  answers: number;
  points: number;
  failures: number;
  ungraded: number;
}

/** The summary from the running counts of a batch: it never needs the rows themselves. */
export function summarise(counts: Counts): Summary {
  const { files, transcripts, answers, points, failures, ungraded } = counts;
  return { files, transcripts, answers, failures, ungraded, ...(answers ? { meanAnswer: Math.round(points / answers) } : {}) };
}

/** The summary in words, the same in every format. */
export function summaryLine(s: Summary): string {
  const graded = s.answers ? `${s.answers} answer(s), mean ${s.meanAnswer}/100` : 'no answer graded';
  const parts = [`${s.transcripts} transcript(s)`, graded];
  if (s.ungraded) parts.push(`${s.ungraded} question(s) with answers not graded`);
  if (s.failures) parts.push(`${s.failures} file(s) or conversation(s) not graded`);
  return parts.join(', ');
}

export interface RunEnd {
  summary: Summary;
  failures: readonly Failure[];
  /** Every transcript, for formats that keep them. */
  rows: readonly Kept[];
}

/** One batch output format. Transcripts are rendered where they are graded (maybe in a worker). */
export interface OutputFormat {
  /** Text before the first transcript. */
  head(width: number): string;
  /** The head is column names over rows, left out when there are none (a table's; JSON and CSV keep theirs). */
  headOverRows?: boolean;
  /**
   * One transcript's text, in pieces that are written one after another as they are made: JSON and
   * JSON Lines a member at a time, CSV a row at a time, Markdown and the table a transcript at a
   * time; none for a format drawn at the end.
   */
  render(t: GradedTranscript, width: number): Iterable<string>;
  /** What goes between transcripts in the stream, before each one; `first` for the first one written. */
  separator?(first: boolean): string;
  /** A failure written where it happens, among the transcripts; without this, failures are told apart (and in `tail`). */
  failure?(f: Failure): string;
  /** Whether the end needs every transcript (as `keep` leaves it). */
  keepsRows: boolean;
  /** Text after the last transcript. */
  tail(end: RunEnd, width: number): string;
}
