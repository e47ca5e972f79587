// One file, read and graded, and its output rendered: the unit of work a worker does.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { compact, csvRows, jsonText, mdSection, type BatchFormat, type Compact } from '../report/batch.js';
import { fileErrorReason } from '../files.js';
import type { Failure } from '../report/graded.js';
import { gradeText, type GradeOptions } from './grade.js';

/** Files larger than this are not read: no interview transcript is this long. */
export const MAX_FILE_BYTES = 32 * 1024 * 1024;

export interface FileOutcome {
  /** For json: one JSON text per transcript, indented to its place; for csv and md, the rendered text. */
  items: string[];
  /** For the table and the HTML page. */
  compact: Compact[];
  failures: Failure[];
  transcripts: number;
  answers: number;
  /** Sum of the answers' totals, for the mean. */
  points: number;
}

function readText(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size > MAX_FILE_BYTES) throw new Error(`too large to be a transcript (${(size / 1048576).toFixed(0)} MB; the limit is ${MAX_FILE_BYTES / 1048576} MB)`);
    const buffer = Buffer.alloc(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, buffer, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    return buffer.toString('utf8', 0, read);
  } finally {
    closeSync(fd);
  }
}

export function processFile(file: string, format: BatchFormat, opts: GradeOptions): FileOutcome {
  let text: string;
  try {
    text = readText(file);
  } catch (e) {
    return { items: [], compact: [], failures: [{ file, reason: `cannot be read: ${fileErrorReason(e)}` }], transcripts: 0, answers: 0, points: 0 };
  }
  const { graded, failures } = gradeText(file, text, opts);
  const items =
    format === 'json'
      ? graded.map(jsonText)
      : format === 'csv'
        ? graded.map(csvRows)
        : format === 'md'
          ? graded.map(mdSection)
          : [];
  const answers = graded.reduce((n, t) => n + t.answers.length, 0);
  return {
    items,
    compact: format === 'table' || format === 'html' ? graded.map(compact) : [],
    failures,
    transcripts: graded.length,
    answers,
    points: graded.reduce((n, t) => n + t.answers.reduce((m, a) => m + a.total, 0), 0),
  };
}
