// What a command may touch of the outside world, passed in so commands stay testable.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../errors.js';

export interface IO {
  out(text: string): void;
  /** Writes without adding a line break: for text that streams in. */
  write(text: string): void;
  /** Writes and waits until the reader has taken it, so long output never piles up in memory. */
  writeAndDrain(text: string): Promise<void>;
  err(text: string): void;
  /** Standard input as text, or undefined when it is a terminal. */
  readStdin(): Promise<string | undefined>;
  env: NodeJS.ProcessEnv;
  columns: number;
}

export function nodeIO(): IO {
  return {
    out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
    write: (t) => process.stdout.write(t),
    writeAndDrain: (t) => new Promise((resolve) => (process.stdout.write(t) ? resolve() : process.stdout.once('drain', resolve))),
    err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
    readStdin: async () => {
      if (process.stdin.isTTY) return undefined;
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    env: process.env,
    columns: process.stdout.columns || 80,
  };
}

export function parse<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T, usage: string) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(`${(e as Error).message.replace(/\. To specify a positional.*$/s, '')}\nusage: ${usage}`);
  }
}
