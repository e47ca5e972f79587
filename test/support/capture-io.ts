// An IO for running a command in this process: no terminal, a data folder of its own, and
// everything written kept for the test to read.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IO } from '../../src/io.js';

export interface CapturedIO extends IO {
  stdout(): string;
  stderr(): string;
  home: string;
}

export function captureIO(input?: string): CapturedIO {
  const home = mkdtempSync(join(tmpdir(), 'rehearse-io-'));
  let stdout = '';
  let stderr = '';
  const line = (t: string) => (t.endsWith('\n') ? t : `${t}\n`);
  return {
    home,
    stdout: () => stdout,
    stderr: () => stderr,
    out: (t) => void (stdout += line(t)),
    write: (t) => void (stdout += t),
    writeAndDrain: async (t) => void (stdout += typeof t === 'string' ? t : new TextDecoder().decode(t)),
    err: (t) => void (stderr += line(t)),
    writeErr: (t) => void (stderr += t),
    readStdin: async (maxBytes) => (input !== undefined && Buffer.byteLength(input) > maxBytes ? { overLimit: true } : input),
    stdinStream: () =>
      input === undefined
        ? undefined
        : {
            chunks: (async function* () {
              yield Buffer.from(input);
            })(),
            stop: () => {},
          },
    holdKeys: () => {},
    releaseKeys: () => {},
    // No model key: the interviewer's follow-ups are written offline.
    env: { REHEARSE_HOME: home, REHEARSE_NO_CACHE: '1', NO_COLOR: '1' },
    // A folder with no .env in it, so the repository's own settings are not read.
    cwd: home,
    columns: 100,
    stdoutIsTTY: false,
    stderrIsTTY: false,
  };
}
