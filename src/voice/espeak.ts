// The interviewer's voice without a network: espeak-ng renders a question to a WAV file.
import { spawn } from 'node:child_process';
import { basename } from 'node:path';
import { fileErrorReason } from '../files.js';
import { lastStderrLine, toolSays } from './tools.js';

export type EspeakErrorReason = 'not-started' | 'unknown-voice' | 'failed';

export class EspeakError extends Error {
  constructor(
    readonly reason: EspeakErrorReason,
    message: string,
  ) {
    super(message);
    this.name = 'EspeakError';
  }
}

export interface OfflineSpeechOptions {
  /** Path of espeak-ng (or espeak). */
  espeak: string;
  /** An espeak-ng voice, such as en-us. */
  voice: string;
  /** espeak's own default; a little slower than most people speak, which suits a question heard once. */
  wordsPerMinute?: number;
}

const DEFAULT_WPM = 175;

/** Arguments for rendering standard input's text, read whole, as UTF-8, into `file`. */
export function espeakArgs(file: string, voice: string, wordsPerMinute: number): string[] {
  return ['-v', voice, '-s', String(Math.round(wordsPerMinute)), '-b', '1', '-w', file, '--stdin'];
}

/**
 * Renders `text` to a WAV file. The text goes in on standard input, never through a shell or the
 * argument list, so it may be long and may begin with a dash.
 */
export function renderOffline(text: string, file: string, options: OfflineSpeechOptions): Promise<void> {
  const name = basename(options.espeak).replace(/\.exe$/i, '');
  const args = espeakArgs(file, options.voice, options.wordsPerMinute ?? DEFAULT_WPM);
  return new Promise((resolve, reject) => {
    const child = spawn(options.espeak, args, { stdio: ['pipe', 'ignore', 'pipe'] });
    const lastLine = lastStderrLine(child.stderr);
    child.on('error', (e) => {
      if (child.pid === undefined) reject(new EspeakError('not-started', `${name}: could not start (${fileErrorReason(e)})`));
    });
    // espeak exits before reading its input when the voice is unknown; that write's EPIPE says nothing more.
    child.stdin.on('error', () => undefined);
    child.on('close', (code, signal) => {
      if (code === 0) return resolve();
      if (child.pid === undefined) return;
      const said = lastLine()?.replace(/^error:\s*/i, '');
      if (said && /voice does not exist/i.test(said)) {
        return reject(new EspeakError('unknown-voice', `${toolSays(name, said)} (voice "${options.voice}")`));
      }
      const fallback = code === null ? `ended by signal ${signal}` : `exit code ${code}`;
      reject(new EspeakError('failed', toolSays(name, said ?? fallback)));
    });
    child.stdin.end(text, 'utf8');
  });
}
