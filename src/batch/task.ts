// What a grading job is handed: a file to read, or text that came on standard input (whole, or
// one line of JSON Lines), or a refusal already known; and how each becomes an outcome.
import { statSync } from 'node:fs';
import type { DecodeNotice } from '../decode.js';
import type { Failure } from '../report/graded.js';
import type { BatchFormat } from '../report/output.js';
import { jsonLine } from '../json-lines.js';
import { conversationOnLine, leadingId } from '../transcripts/json.js';
import type { GradeOptions } from './grade.js';
import { failedFile, processFile, processText, type FileOutcome } from './process.js';

export type Task =
  | { kind: 'file'; file: string }
  /** Standard input read whole, as one file would be. */
  | { kind: 'text'; file: string; text: string; notice?: DecodeNotice }
  /** One line of JSON Lines: a conversation, the `conversation`-th of the stream (from 1). */
  | { kind: 'line'; file: string; line: number; conversation: number; text: string; notice?: DecodeNotice }
  /** Input refused before it could be handed on (a line past the size limit). */
  | { kind: 'refused'; failure: Failure };

export const fileTask = (file: string): Task => ({ kind: 'file', file });

/** Where a task's input is, as a failure names it. */
export function taskPlace(task: Task): Omit<Failure, 'reason'> {
  if (task.kind === 'refused') return { ...task.failure };
  return task.kind === 'line'
    ? { ...leadingId(task.text), file: task.file, conversation: task.conversation, line: task.line }
    : { file: task.file };
}

/** How many bytes a task's input has, to judge the memory grading it takes (0 when unknown). */
export function taskBytes(task: Task): number {
  if (task.kind === 'refused') return 0;
  if (task.kind !== 'file') return Buffer.byteLength(task.text);
  try {
    return statSync(task.file).size;
  } catch {
    return 0; // the input policy says what is wrong with it
  }
}

/** The outcome of a task that could not be graded, and why. */
export const failedTask = (task: Task, reason: string, format: BatchFormat) => failedFile({ ...taskPlace(task), reason }, format);

export function processTask(task: Task, format: BatchFormat, opts: GradeOptions, width = 100): FileOutcome {
  switch (task.kind) {
    case 'file':
      return processFile(task.file, format, opts, width);
    case 'text':
      return processText(task.file, task, format, opts, width);
    case 'refused':
      return failedFile(task.failure, format);
    case 'line': {
      // Read as a line of a file of conversations is: the same checks, the same reasons.
      const parsed = conversationOnLine(jsonLine(task.text, task.line), task.conversation - 1);
      const id = parsed.id === undefined ? {} : { id: parsed.id };
      if ('failed' in parsed) return failedFile({ ...id, ...taskPlace(task), reason: parsed.reason }, format);
      return processText(task.file, task, format, opts, width, {
        line: task.line,
        conversation: task.conversation,
        ...id,
        parse: () => [parsed],
      });
    }
  }
}
