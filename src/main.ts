// The commands by name and what every run shares: --help, --version, and the mapping of errors to exit codes.
import { hasEntry, ownEntry } from './own.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { InteractiveLauncher } from './app/lifecycle.js';
import { FatalError } from './errors.js';
import { forTerminal } from './terminal-text.js';
import type { IO } from './io.js';
import { PACKAGE_ROOT } from './paths.js';
import { scenariosCommand } from './commands/scenarios.js';
import { scoreCommand } from './commands/score.js';
import { validateCommand } from './commands/validate.js';
import { schemaCommand } from './commands/schema.js';
import { gradeCommand } from './commands/grade.js';
import { calibrateCommand } from './commands/calibrate.js';
import { interviewCommand, resumeCommand } from './commands/interview.js';
import { sessionsCommand } from './commands/sessions.js';
import { progressCommand } from './commands/progress.js';
import { drillCommand } from './commands/drill.js';
import { transcribeCommand } from './commands/transcribe.js';
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

const COMMANDS: Record<string, Command> = {
  scenarios: scenariosCommand,
  score: scoreCommand,
  validate: validateCommand,
  schema: schemaCommand,
  calibrate: calibrateCommand,
  interview: (args, io) => interviewCommand(args, io, interactive),
  resume: (args, io) => resumeCommand(args, io, interactive),
  sessions: sessionsCommand,
  progress: progressCommand,
  drill: (args, io) => drillCommand(args, io, interactive),
  transcribe: transcribeCommand,
  grade: gradeCommand,
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
