// Finding the programs that speak, play and record on this machine, and putting what one said when it failed in a line.
import { accessSync, constants, statSync } from 'node:fs';
import { join } from 'node:path';

export type PlayerName = 'afplay' | 'paplay' | 'aplay' | 'ffplay';
export type RecorderName = 'rec' | 'arecord' | 'ffmpeg';

/** A program found on the search path: its name (which decides its arguments) and where it is. */
export interface Tool<Name extends string = string> {
  name: Name;
  path: string;
}

export type Player = Tool<PlayerName>;
export type Recorder = Tool<RecorderName>;

/** Most preferred first: the platform's own player, then PulseAudio's, ALSA's, and ffmpeg's as the last resort. */
const PLAYERS: readonly { name: PlayerName; only?: NodeJS.Platform }[] = [
  { name: 'afplay', only: 'darwin' },
  { name: 'paplay' },
  { name: 'aplay' },
  { name: 'ffplay' },
];
const RECORDERS: readonly RecorderName[] = ['rec', 'arecord', 'ffmpeg'];
const ESPEAKS = ['espeak-ng', 'espeak'] as const;

/** Windows finds a program by its name plus an extension; elsewhere the name is the file. */
const EXTENSIONS: Partial<Record<NodeJS.Platform, readonly string[]>> = { win32: ['.exe', '.com', ''] };

function isExecutable(file: string, platform: NodeJS.Platform): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    // Windows has no execute bit: a file that is there will do.
    if (platform !== 'win32') accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first executable file called `name` in the folders of `searchPath` (a PATH value), or undefined. */
export function findCommand(name: string, searchPath: string, platform: NodeJS.Platform = process.platform): string | undefined {
  const separator = platform === 'win32' ? ';' : ':';
  const extensions = EXTENSIONS[platform] ?? [''];
  // An empty entry means the working folder to a shell; a program found there by accident is not wanted.
  const folders = searchPath.split(separator).filter((f) => f.trim() !== '');
  for (const folder of folders) {
    for (const ext of extensions) {
      const file = join(folder, name + ext);
      if (isExecutable(file, platform)) return file;
    }
  }
  return undefined;
}

function firstFound<Name extends string>(names: readonly Name[], searchPath: string, platform: NodeJS.Platform): Tool<Name> | undefined {
  for (const name of names) {
    const path = findCommand(name, searchPath, platform);
    if (path) return { name, path };
  }
  return undefined;
}

export function detectPlayer(searchPath: string, platform: NodeJS.Platform = process.platform): Player | undefined {
  const names = PLAYERS.filter((p) => !p.only || p.only === platform).map((p) => p.name);
  return firstFound(names, searchPath, platform);
}

export function detectRecorder(searchPath: string, platform: NodeJS.Platform = process.platform): Recorder | undefined {
  return firstFound(RECORDERS, searchPath, platform);
}

/** Where espeak-ng is, or the older espeak, which takes the same arguments. */
export function findEspeak(searchPath: string, platform: NodeJS.Platform = process.platform): string | undefined {
  return firstFound(ESPEAKS, searchPath, platform)?.path;
}

/** How much of a program's standard error is kept: its last line is all a failure reports. */
const STDERR_KEPT = 4000;

/** Keeps the end of what a program writes to standard error; the function gives its last non-empty line. */
export function lastStderrLine(stream: NodeJS.ReadableStream): () => string | undefined {
  let text = '';
  stream.on('data', (d: Buffer | string) => {
    text = (text + d.toString()).slice(-STDERR_KEPT);
  });
  return () =>
    text
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean)
      .pop();
}

/** A one-line failure that names the program once: many programs already begin their messages with their name. */
export function toolSays(name: string, said: string): string {
  const named = said.startsWith(name) && !/[\w-]/.test(said.charAt(name.length));
  return named ? said : `${name}: ${said}`;
}
