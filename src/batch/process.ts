// One file, read and graded, and its output rendered: the unit of work a worker does.
import { OUTPUT_FORMATS } from '../report/formats.js';
import { keep, ungradedAnswers, type BatchFormat, type Kept, type OutputFormat } from '../report/output.js';
import type { ConversationId, Failure, GradedTranscript } from '../report/graded.js';
import type { DecodeNotice, DecodeNoticeReason } from '../decode.js';
import type { Transcript } from '../transcripts/types.js';
import { readInput } from '../input.js';
import { gradeText, type GradeOptions } from './grade.js';

/** Something the user should know about how a file was read, that did not stop it being graded. */
export interface FileNotice {
  file: string;
  reason: DecodeNoticeReason | 'not-a-transcript';
  message: string;
}

/** One transcript's text as its output format renders it, encoded in UTF-8, in chunks. */
export type RenderedItem = Uint8Array[];

export interface FileOutcome {
  /**
   * Each graded transcript as its output format renders it (none for a format drawn at the end).
   * Bytes, not text: a worker hands them over without a copy, and a long transcript's report is
   * encoded as its pieces are made, not held as one string first.
   */
  items: RenderedItem[];
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

/** The outcome of a file (or a line of a stream) that could not be graded at all, and why. */
export function failedFile(failure: Failure, format: BatchFormat): FileOutcome {
  const { failure: inPlace } = OUTPUT_FORMATS[format];
  const f = { ...failure, reason: oneLine(failure.reason) };
  return {
    items: inPlace ? [encoded([inPlace(f)])] : [],
    kept: [],
    failures: [f],
    notices: [],
    ungraded: 0,
    transcripts: 0,
    answers: 0,
    points: 0,
  };
}

export function processFile(file: string, format: BatchFormat, opts: GradeOptions, width = 100): FileOutcome {
  // Missing, too large or binary: the file is refused before any parsing, by the one input policy.
  const input = readInput(file, 'transcript');
  if (!input.ok) return failedFile({ file, reason: input.message }, format);
  return processText(file, input, format, opts, width);
}

/** Where text came from when it is one line of a stream, and how that line reads as transcripts. */
export interface StreamLine {
  /** The 1-based line, given to a failure that names no line of its own. */
  line: number;
  /** The id the line gave its conversation, echoed back on what it becomes. */
  id?: ConversationId;
  /** Which conversation of the stream it is (from 1), given to a failure as a file's conversation is. */
  conversation: number;
  parse: (text: string) => Transcript[];
}

/** Text read from `file` (or a line of standard input), graded and rendered. */
export function processText(
  file: string,
  { text, notice }: { text: string; notice?: DecodeNotice },
  format: BatchFormat,
  opts: GradeOptions,
  width = 100,
  from?: StreamLine,
): FileOutcome {
  const output = OUTPUT_FORMATS[format];
  let graded: GradedTranscript[];
  let failures: Failure[];
  try {
    ({ graded, failures } = gradeText(file, text, opts, from?.parse));
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
  if (from) {
    const id = from.id === undefined ? {} : { id: from.id };
    graded = graded.map((t) => ({ ...id, ...t }));
    failures = failures.map((f) => ({ ...id, conversation: from.conversation, ...f, line: f.line ?? from.line }));
  }
  const answers = graded.reduce((n, t) => n + t.answers.length, 0);
  return {
    items: rendered(graded, failures, output, width),
    kept: output.keepsRows ? graded.map(keep) : [],
    failures: failures.map((f) => ({ ...f, reason: oneLine(f.reason) })),
    notices,
    ungraded: graded.reduce((n, t) => n + ungradedAnswers(t), 0),
    transcripts: graded.length,
    answers,
    points: graded.reduce((n, t) => n + t.answers.reduce((m, a) => m + a.total, 0), 0),
  };
}

/**
 * Each transcript as its format renders it, and for a format that writes failures where they
 * happen (JSON Lines), each failure too, in the order of the conversations.
 */
function rendered(graded: readonly GradedTranscript[], failures: readonly Failure[], output: OutputFormat, width: number): RenderedItem[] {
  const placed: [number, () => Iterable<string>][] = graded.map((t) => [t.conversation, () => output.render(t, width)]);
  const { failure } = output;
  if (failure) for (const f of failures) placed.push([f.conversation ?? 0, () => [failure({ ...f, reason: oneLine(f.reason) })]]);
  return placed
    .sort((a, b) => a[0] - b[0])
    .map(([, render]) => encoded(render()))
    .filter((chunks) => chunks.length > 0);
}

/** About how many characters of text go into one chunk of bytes. */
const CHUNK_CHARS = 1 << 18;

/**
 * Text pieces as UTF-8, a chunk at a time; no chunk for empty text. Each chunk has a buffer of its
 * own, so it can be moved to another thread, and ends on a whole piece, so it decodes alone.
 */
export function encoded(pieces: Iterable<string>): RenderedItem {
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [];
  let batch: string[] = [];
  let chars = 0;
  const flush = () => {
    if (chars) chunks.push(encoder.encode(batch.join('')));
    batch = [];
    chars = 0;
  };
  for (const piece of pieces) {
    batch.push(piece);
    chars += piece.length;
    if (chars >= CHUNK_CHARS) flush();
  }
  flush();
  return chunks;
}

/** An item's bytes as text again: for a reader in this process (and tests). */
export const itemText = (item: RenderedItem) => {
  const decoder = new TextDecoder();
  return item.map((chunk) => decoder.decode(chunk)).join('');
};

/** A reason on one line, whatever produced it. */
const oneLine = (reason: string) => reason.replace(/\s*\n\s*/g, ' · ').trim();
