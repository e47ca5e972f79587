// One file, read and graded, and its output rendered: the unit of work a worker does.
import { OUTPUT_FORMATS } from '../report/formats.js';
import { keep, ungradedAnswers, type BatchFormat, type Kept } from '../report/output.js';
import type { Failure, GradedTranscript } from '../report/graded.js';
import type { DecodeNoticeReason } from '../decode.js';
import { readInput } from '../input.js';
import { gradeText, type GradeOptions } from './grade.js';

/** Something the user should know about how a file was read, that did not stop it being graded. */
export interface FileNotice {
  file: string;
  reason: DecodeNoticeReason | 'not-a-transcript';
  message: string;
}

export interface FileOutcome {
  /** Each graded transcript as its output format renders it (none for a format drawn at the end). */
  items: string[];
  /** Each graded transcript, kept for a format drawn at the end (the HTML page). */
  kept: Kept[];
  failures: Failure[];
  notices: FileNotice[];
  /** Questions with answers that were graded under nothing. */
  ungraded: number;
  transcripts: number;
  answers: number;
  /** Sum of the answers' totals, for the mean. */
  points: number;
}

/** The outcome of a file that could not be graded at all, and why. */
export function failedFile(file: string, reason: string): FileOutcome {
  return { items: [], kept: [], failures: [{ file, reason }], notices: [], ungraded: 0, transcripts: 0, answers: 0, points: 0 };
}

export function processFile(file: string, format: BatchFormat, opts: GradeOptions, width = 100): FileOutcome {
  // Missing, too large or binary: the file is refused before any parsing, by the one input policy.
  const input = readInput(file, 'transcript');
  if (!input.ok) return failedFile(file, input.message);
  const { text, notice } = input;
  const output = OUTPUT_FORMATS[format];
  let graded: GradedTranscript[];
  let failures: Failure[];
  try {
    ({ graded, failures } = gradeText(file, text, opts));
  } catch (e) {
    // A bug met on one file must not end the batch: the file is reported, the rest are graded.
    graded = [];
    failures = [{ file, reason: `rehearse could not grade it (an internal error: ${e instanceof Error ? e.message : String(e)})` }];
  }
  const notices: FileNotice[] = notice ? [{ file, ...notice }] : [];
  // A Markdown file with no conversation in it is documentation, not a transcript that failed.
  if (/\.(?:md|markdown)$/i.test(file) && graded.length === 0 && failures.length === 1 && failures[0]!.kind === 'not-a-conversation') {
    notices.push({ file, reason: 'not-a-transcript', message: 'skipped: a document with no conversation in it, not a transcript' });
    failures = [];
  }
  const answers = graded.reduce((n, t) => n + t.answers.length, 0);
  return {
    items: graded.map((t) => output.render(t, width)).filter((t) => t !== ''),
    kept: output.keepsRows ? graded.map(keep) : [],
    failures: failures.map((f) => ({ ...f, reason: oneLine(f.reason) })),
    notices,
    ungraded: graded.reduce((n, t) => n + ungradedAnswers(t), 0),
    transcripts: graded.length,
    answers,
    points: graded.reduce((n, t) => n + t.answers.reduce((m, a) => m + a.total, 0), 0),
  };
}

/** A reason on one line, whatever produced it. */
const oneLine = (reason: string) => reason.replace(/\s*\n\s*/g, ' · ').trim();
