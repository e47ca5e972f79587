// Answers given up front, for a run without the terminal UI: from a file or standard input.
import { UsageError } from '../errors.js';
import { checkInput, INPUT_KINDS, readInputText, usableText } from '../input.js';
import type { IO } from '../io.js';

/** One answer given up front, and where it says it goes (`--- north-star` or `--- north-star/why`). */
export interface AnswerBlock {
  text: string;
  /** The 1-based line where the block's text starts, for messages. */
  line: number;
  /** `<question-id>` or `<question-id>/<follow-up-id>`, when the block names one. */
  target?: string;
  /** The 1-based line of the `--- <id>` that names the target, for messages about it. */
  targetLine?: number;
}

const SEPARATOR = /^[ \t]*---[ \t]*(\S+)?[ \t]*$/;

/**
 * Answers in a file or on standard input, separated by lines holding only `---`, or `--- <id>`
 * naming the question (`north-star`) or follow-up (`north-star/why`) the next block answers.
 */
export function parseAnswers(text: string): AnswerBlock[] {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const blocks: AnswerBlock[] = [];
  let current: { lines: string[]; line: number; target?: string; targetLine?: number } = { lines: [], line: 1 };
  const close = () => {
    const body = current.lines.join('\n').trim();
    const lead = current.lines.findIndex((l) => l.trim() !== '');
    if (body || current.target)
      blocks.push({
        text: body,
        line: current.line + Math.max(0, lead),
        ...(current.target ? { target: current.target, targetLine: current.targetLine } : {}),
      });
  };
  lines.forEach((l, i) => {
    const sep = SEPARATOR.exec(l);
    if (!sep) return void current.lines.push(l);
    close();
    current = { lines: [], line: i + 2, ...(sep[1] ? { target: sep[1], targetLine: i + 1 } : {}) };
  });
  close();
  return blocks;
}

/** The answers' texts, in order (for files that name no targets). */
export const splitAnswers = (text: string): string[] => parseAnswers(text).map((b) => b.text);

/** The answers from `file`, else from standard input; undefined when standard input is a terminal. */
export async function answersFrom(file: string | undefined, io: IO, usage: string): Promise<AnswerBlock[] | undefined> {
  // A binary or oversized file is refused here, on one line, rather than shown as the answers.
  if (file) {
    const answers = parseAnswers(readInputText(file, 'answers', (l) => io.err(l)));
    // Nothing to answer with is no session: none is started, and none saved.
    if (answers.length === 0) throw new UsageError(`${file}: no answers in it (write each answer, separated by lines holding only ---)`);
    return answers;
  }
  const stdin = await io.readStdin(INPUT_KINDS.answers.maxBytes);
  if (stdin === undefined) return undefined;
  const answers = parseAnswers(usableText(checkInput(stdin, 'answers'), 'standard input', (l) => io.err(l)));
  if (answers.length === 0) {
    throw new UsageError(
      `no terminal and no answers: run this in a terminal for the interactive interview, or give the answers\n` +
        `with --answers <file> or on standard input, separated by lines holding only ---\nusage: ${usage}`,
    );
  }
  return answers;
}
