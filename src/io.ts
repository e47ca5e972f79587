// What rehearse may touch of the outside world, passed in so commands and the app stay testable.
import { processEnv } from './config.js';

/** Standard input that went past the limit it was read with: the rest is left unread. */
export interface StdinOverLimit {
  overLimit: true;
}

export interface IO {
  out(text: string): void;
  /** Writes without adding a line break: for text that streams in. */
  write(text: string): void;
  /** Writes and waits until the reader has taken it, so long output never piles up in memory. */
  writeAndDrain(text: string | Uint8Array): Promise<void>;
  err(text: string): void;
  /** Writes to standard error without adding a line break: for a progress line redrawn in place. */
  writeErr(text: string): void;
  /**
   * Standard input as text, or undefined when it is a terminal. Read a chunk at a time: once past
   * `maxBytes` it stops and says so, so a gigabyte piped in never sits in memory.
   */
  readStdin(maxBytes: number): Promise<string | undefined | StdinOverLimit>;
  /**
   * Standard input as it arrives, a chunk at a time, for a command that works through it as a
   * stream; undefined when it is a terminal. `stop` lets go of it before its end.
   */
  stdinStream(): { chunks: AsyncIterable<Uint8Array>; stop(): void } | undefined;
  /**
   * Keeps what is typed on a terminal while the interview screen loads off it: nothing is echoed
   * over the screen (what was echoed before is cleared), and those keys are dropped, as typed into
   * nothing; a run of them ending in Enter would otherwise reach the screen as one piece of text and
   * its Enter be lost. A no-op where standard input is no terminal.
   */
  holdKeys(): void;
  /** Hands the keyboard to the screen that is about to open: keys typed from now on reach it. */
  releaseKeys(): void;
  /** The environment, handed to `loadConfig`; nothing else reads it. */
  env: NodeJS.ProcessEnv;
  cwd: string;
  columns: number;
  /** Whether standard output and standard error are terminals. */
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
}

export function nodeIO(): IO {
  /** What reads and drops the keys typed while the screen loads, while it does. */
  let held: ((chunk: Buffer) => void) | undefined;
  const releaseKeys = () => {
    if (!held) return;
    // Not paused: that would stop the terminal's reading under a read still pending, and the
    // screen, listening for 'readable', would wait for keys that never come.
    process.stdin.removeListener('data', held);
    held = undefined;
  };
  return {
    out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
    write: (t) => process.stdout.write(t),
    writeAndDrain: (t) => new Promise((resolve) => (process.stdout.write(t) ? resolve() : process.stdout.once('drain', resolve))),
    err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
    writeErr: (t) => process.stderr.write(t),
    readStdin: async (maxBytes) => {
      if (process.stdin.isTTY) return undefined;
      const chunks: Buffer[] = [];
      let bytes = 0;
      for await (const chunk of process.stdin) {
        chunks.push(chunk as Buffer);
        bytes += (chunk as Buffer).length;
        // Leaving the loop destroys the stream: whoever writes into the pipe gets EPIPE, not a wait.
        if (bytes > maxBytes) return { overLimit: true };
      }
      return Buffer.concat(chunks).toString('utf8');
    },
    stdinStream: () => (process.stdin.isTTY ? undefined : { chunks: process.stdin, stop: () => process.stdin.destroy() }),
    // Raw mode turns the echo off (Node restores the terminal at exit, should the screen never
    // open). Keys typed before the process started were echoed already: their line is cleared.
    holdKeys: () => {
      if (!process.stdin.isTTY || held) return;
      process.stdin.setRawMode(true);
      if (process.stdout.isTTY) process.stdout.write('\r\x1b[K');
      // Ctrl+C, Ctrl+\ and Ctrl+Z do what they do at a shell: raw mode took them from the terminal.
      held = (chunk) => {
        const signal = chunk.includes(0x03) ? 'SIGINT' : chunk.includes(0x1c) ? 'SIGQUIT' : chunk.includes(0x1a) ? 'SIGTSTP' : undefined;
        if (!signal) return;
        releaseKeys();
        process.stdin.setRawMode(false);
        process.kill(process.pid, signal);
      };
      process.stdin.on('data', held);
      // Read, but not a reason to stay running: a run that fails before its screen exits as ever.
      process.stdin.unref();
    },
    releaseKeys: () => releaseKeys(),
    env: processEnv(),
    cwd: process.cwd(),
    columns: process.stdout.columns || 80,
    stdoutIsTTY: !!process.stdout.isTTY,
    stderrIsTTY: !!process.stderr.isTTY,
  };
}
