// Playing an audio file through the player found on this machine; a player that fails is reported, never thrown.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { fileErrorReason } from '../files.js';
import { lastStderrLine, toolSays, type Player, type PlayerName } from './tools.js';

export class PlayError extends Error {
  readonly reason = 'failed';

  constructor(message: string) {
    super(message);
    this.name = 'PlayError';
  }
}

export interface Playback {
  /** Settles when playing ends: played through, stopped, or failed. Never rejects. */
  done: Promise<void>;
  /** Why the player failed, once `done` has settled; undefined when it played or was stopped. */
  readonly failure: PlayError | undefined;
  /** Ends playing now. */
  stop(): void;
}

/** Each player's arguments for playing one file and exiting, with no window and no chatter on success. */
export function playerArgs(name: PlayerName, file: string): string[] {
  switch (name) {
    case 'aplay':
      return ['-q', file];
    case 'paplay':
    case 'afplay':
      return [file];
    case 'ffplay':
      // `error`, not `quiet`: a failure still says why on standard error.
      return ['-nodisp', '-autoexit', '-loglevel', 'error', file];
  }
}

/** Starts playing `file`; `onFailure` hears once, in one line, why the player failed, as `failure` will hold. */
export function play(file: string, player: Player, onFailure?: (message: string, error: PlayError) => void): Playback {
  const { name } = player;
  let failure: PlayError | undefined;
  let stopped = false;
  const failed = (error: PlayError) => {
    failure = error;
    onFailure?.(error.message, error);
  };
  // An absolute path can never be read as an option, whatever the file is called.
  const child = spawn(player.path, playerArgs(name, resolve(file)), { stdio: ['ignore', 'ignore', 'pipe'] });
  const lastLine = lastStderrLine(child.stderr);
  const done = new Promise<void>((settle) => {
    child.on('error', (e) => {
      if (child.pid !== undefined) return;
      failed(new PlayError(`${name}: could not start (${fileErrorReason(e)})`));
      settle();
    });
    child.on('close', (code, signal) => {
      if (!stopped && !failure && code !== 0) {
        failed(new PlayError(toolSays(name, lastLine() ?? (code === null ? `ended by signal ${signal}` : `exit code ${code}`))));
      }
      settle();
    });
  });
  return {
    done,
    get failure() {
      return failure;
    },
    stop: () => {
      if (stopped || child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
      stopped = true;
      child.kill('SIGTERM');
    },
  };
}
