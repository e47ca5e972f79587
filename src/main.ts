// The commands by name and what every run shares: --help, --version, and the mapping of errors to exit codes.
import { hasEntry, ownEntry } from './own.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { InteractiveLauncher } from './app/lifecycle.js';
import { FatalError } from './errors.js';
import { forTerminal } from './terminal-text.js';
import type { IO } from './io.js';
import { PACKAGE_ROOT } from './paths.js';
import { commandHelp, overview } from './commands/help.js';

/** One of `flags` anywhere before `--`, which ends the options. */
function asksFor(args: readonly string[], ...flags: string[]): boolean {
  const end = args.indexOf('--');
  return (end < 0 ? args : args.slice(0, end)).some((a) => flags.includes(a));
}

/** The version in package.json, read only when asked for. */
function version(): string {
  return (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

type Command = (args: string[], io: IO) => Promise<number>;

/** The terminal UI, loaded only when it is needed: piped and batch runs never load Ink. */
const interactive: InteractiveLauncher = async (args) => (await import('./ui/launch.js')).launch(args);

/** The commands that open the interview screen unless given answers to run headless. */
const SCREENS = ['interview', 'resume', 'drill'];

/** Whether a run will likely open the interview screen: what its arguments say, before anything is loaded. */
export function opensScreen(argv: readonly string[]): boolean {
  const [name, ...rest] = argv.length ? argv : ['interview'];
  const end = rest.indexOf('--');
  // `--answers F` and `--answers=F` alike: a run given its answers is headless.
  const headless = (end < 0 ? rest : rest.slice(0, end)).some((a) => /^--(?:answers|json)(?:=|$)/.test(a));
  return SCREENS.includes(name ?? '') && !headless && !asksFor(rest, '--help', '-h', '--version');
}

// Each command is loaded when it is run, so a process reads and compiles only the code its command
// needs: `interview` never loads the transcript readers, `--version` and `--help` load no command.
const COMMANDS: Record<string, Command> = {
  scenarios: async (args, io) => (await import('./commands/scenarios.js')).scenariosCommand(args, io),
  score: async (args, io) => (await import('./commands/score.js')).scoreCommand(args, io),
  validate: async (args, io) => (await import('./commands/validate.js')).validateCommand(args, io),
  schema: async (args, io) => (await import('./commands/schema.js')).schemaCommand(args, io),
  calibrate: async (args, io) => (await import('./commands/calibrate.js')).calibrateCommand(args, io),
  interview: async (args, io) => (await import('./commands/interview.js')).interviewCommand(args, io, interactive),
  resume: async (args, io) => (await import('./commands/interview.js')).resumeCommand(args, io, interactive),
  sessions: async (args, io) => (await import('./commands/sessions.js')).sessionsCommand(args, io),
  progress: async (args, io) => (await import('./commands/progress.js')).progressCommand(args, io),
  drill: async (args, io) => (await import('./commands/drill.js')).drillCommand(args, io, interactive),
  transcribe: async (args, io) => (await import('./commands/transcribe.js')).transcribeCommand(args, io),
  grade: async (args, io) => (await import('./commands/grade.js')).gradeCommand(args, io),
};

export async function main(argv: string[], io: IO): Promise<number> {
  const [name, ...rest] = argv.length ? argv : ['interview'];
  if (name === '--version' || name === '-v' || (hasEntry(COMMANDS, name ?? '') && asksFor(rest, '--version'))) {
    io.out(version());
    return 0;
  }
  // `rehearse help score` is `rehearse score --help`.
  const helpFor = name === 'help' ? rest[0] : name && asksFor(rest, '--help', '-h') ? name : undefined;
  const usage = helpFor === undefined ? undefined : commandHelp(helpFor);
  if (helpFor && (usage || hasEntry(COMMANDS, helpFor))) {
    io.out(usage ?? overview());
    return 0;
  }
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(overview());
    return 0;
  }
  const command = ownEntry(COMMANDS, name);
  if (!command) {
    io.err(`rehearse: unknown command "${name}"\n\n${overview()}`);
    return 2;
  }
  try {
    return await command(rest, io);
  } catch (e) {
    if (e instanceof FatalError) {
      // Messages quote arguments, paths and file contents: drawn safe, whatever they hold.
      io.err(forTerminal(e.message.startsWith('rehearse') ? e.message : `rehearse ${name}: ${e.message}`));
      return e.exitCode;
    }
    io.err(forTerminal(`rehearse ${name}: unexpected error: ${(e as Error).stack ?? String(e)}`));
    return 1;
  }
}
