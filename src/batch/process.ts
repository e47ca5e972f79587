// One file, read and graded, and its output rendered: the unit of work a worker does.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { OUTPUT_FORMATS } from '../report/formats.js';
import { compact, ungradedAnswers, type BatchFormat, type Compact } from '../report/output.js';
import { fileErrorReason } from '../files.js';
import type { Failure, GradedTranscript } from '../report/graded.js';
import { decode, type DecodeNoticeReason } from '../transcripts/decode.js';
import { gradeText, type GradeOptions } from './grade.js';

/** Files larger than this are not read: no interview transcript is this long. */
export const MAX_FILE_BYTES = 32 * 1024 * 1024;

/** Something the user should know about how a file was read, that did not stop it being graded. */
export interface FileNotice {
  file: string;
  reason: DecodeNoticeReason | 'not-a-transcript';
  message: string;
}

export interface FileOutcome {
  /** Each graded transcript as its output format renders it (none for a format drawn at the end). */
  items: string[];
  /** For the table and the HTML page. */
  compact: Compact[];
  failures: Failure[];
  notices: FileNotice[];
  /** Questions with answers that were graded under nothing. */
  ungraded: number;
  transcripts: number;
  answers: number;
  /** Sum of the answers' totals, for the mean. */
  points: number;
}

function readBytes(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size > MAX_FILE_BYTES)
      throw new Error(`too large to be a transcript (${(size / 1048576).toFixed(0)} MB; the limit is ${MAX_FILE_BYTES / 1048576} MB)`);
    const buffer = Buffer.alloc(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, buffer, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

export function processFile(file: string, format: BatchFormat, opts: GradeOptions, width = 100): FileOutcome {
  let bytes: Buffer;
  try {
    bytes = readBytes(file);
  } catch (e) {
    return {
      items: [],
      compact: [],
      failures: [{ file, reason: `cannot be read: ${fileErrorReason(e)}` }],
      notices: [],
      ungraded: 0,
      transcripts: 0,
      answers: 0,
      points: 0,
    };
  }
  const { text, notice } = decode(bytes);
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
    compact: output.keepsRows ? graded.map(compact) : [],
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
