// Answers given up front, for a run without the terminal UI: from a file or standard input.
import { UsageError } from '../errors.js';
import { checkInput, readInputText, usableText } from '../input.js';
import type { IO } from '../io.js';

/** Answers in a file or on standard input, separated by lines holding only `---`. */
export function splitAnswers(text: string): string[] {
  const blocks = text
    .replace(/\r\n/g, '\n')
    .split(/^[ \t]*---[ \t]*$/m)
    .map((b) => b.trim());
  while (blocks.length && blocks[blocks.length - 1] === '') blocks.pop();
  return blocks;
}

/** The answers from `file`, else from standard input; undefined when standard input is a terminal. */
export async function answersFrom(file: string | undefined, io: IO, usage: string): Promise<string[] | undefined> {
  // A binary or oversized file is refused here, on one line, rather than shown as the answers.
  if (file) return splitAnswers(readInputText(file, 'answers', (l) => io.err(l)));
  const stdin = await io.readStdin();
  if (stdin === undefined) return undefined;
  const answers = splitAnswers(usableText(checkInput(stdin, 'answers'), 'standard input', (l) => io.err(l)));
  if (answers.length === 0) {
    throw new UsageError(
      `no terminal and no answers: run this in a terminal for the interactive interview, or give the answers\n` +
        `with --answers <file> or on standard input, separated by lines holding only ---\nusage: ${usage}`,
    );
  }
  return answers;
}
