#!/usr/bin/env node
// rehearse's entry point: picks the command, maps errors to exit codes. No logic lives here.
import { hasEntry, ownEntry } from './own.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { InteractiveLauncher } from './app/lifecycle.js';
import { FatalError } from './errors.js';
import { fileErrorReason } from './files.js';
import { forTerminal } from './terminal-text.js';
import { nodeIO, type IO } from './io.js';
import { PACKAGE_ROOT } from './paths.js';
import { scenariosCommand } from './commands/scenarios.js';
import { scoreCommand } from './commands/score.js';
import { validateCommand } from './commands/validate.js';
import { schemaCommand } from './commands/schema.js';
import { gradeCommand } from './commands/grade.js';
import { calibrateCommand } from './commands/calibrate.js';
import { interviewCommand, resumeCommand } from './commands/interview.js';
import { sessionsCommand } from './commands/sessions.js';
import { transcribeCommand } from './commands/transcribe.js';

/** Each command's usage and what it does: `rehearse --help` shows them all, `rehearse <command> --help` its own. */
const USAGE: Record<string, string> = {
  interview: `  rehearse interview --scenario <id> [--voice] [--answers F] [--no-feedback] [--probes N] [--json]
                                              run an interview (--voice, or Ctrl+T: the interviewer
                                              speaks; Ctrl+R records a spoken answer, transcribed
                                              as set in .env); answers from F or standard input
                                              (separated by lines holding only ---, or --- <question-id>
                                              [/<follow-up-id>] to say where each goes; up to 1 MB)`,
  resume: `  rehearse resume [<id>] [--voice] [--answers F]
                                              list unfinished sessions, or continue one`,
  transcribe: `  rehearse transcribe <session-id>            transcribe a session's recorded answers that have
                                              no transcript yet, and update its report`,
  sessions: `  rehearse sessions [--json]                  past sessions with date, scenario and score`,
  grade: `  rehearse grade <files|folders|globs…|-> [--scenario <id>|auto] [--format table|json|csv|md|html|jsonl]
                [--out F|-] [--jobs N] [--interviewer NAME] [--candidate NAME]
                                              grade interview transcripts (text, WebVTT, SRT,
                                              chat JSON/JSONL, Otter, Meet, rehearse sessions;
                                              up to 32 MB a file); --jobs from 1 to 64;
                                              - reads standard input: JSON Lines, a conversation
                                              a line, graded as each arrives, or one transcript`,
  scenarios: `  rehearse scenarios [--json]                 list the scenarios: shipped, and your own
  rehearse scenarios show <id> [--json]       show one scenario's questions and follow-ups
  rehearse scenarios new <id> [--from <id>]   start your own scenario (commented, or a copy)`,
  score: `  rehearse score --scenario <id> --question <qid> [--file F | --audio F] [--json] [--explain]
                                              grade one answer (from F or standard input, up to
                                              1 MB; --audio: a recording, transcribed, with delivery
                                              figures); --explain shows every step to the total`,
  validate: `  rehearse validate <file...> [--all] [--json]
                                              check scenario and rubric files: errors, warnings,
                                              and how each example answer scores`,
  calibrate: `  rehearse calibrate <labels.jsonl> [--rubrics F] [--fit] [--json]
                                              agreement of the scorer with human labels: Spearman,
                                              kappa, pairwise order, confusion, worst disagreements;
                                              --fit: a model fitted to the labels, measured on
                                              answers held out, as a library's model: block`,
  schema: `  rehearse schema [scenario|rubrics]          print the JSON Schema of a file format`,
};

const EXIT_CODES = 'exit codes: 0 ok, 1 something failed, 2 bad arguments or bad input files';

const HELP = `rehearse — mock product-management interviews, graded by a deterministic rubric

usage:
${Object.values(USAGE).join('\n')}
  rehearse --version                          print the version

${EXIT_CODES}`;

/** `--help` or `-h` anywhere before `--`, which ends the options. */
function asksForHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end < 0 ? args : args.slice(0, end)).some((a) => a === '--help' || a === '-h');
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
  transcribe: transcribeCommand,
  grade: gradeCommand,
};

export async function main(argv: string[], io: IO): Promise<number> {
  const [name, ...rest] = argv.length ? argv : ['interview'];
  if (name === '--version' || name === '-v') {
    io.out(version());
    return 0;
  }
  // `rehearse help score` is `rehearse score --help`.
  const helpFor = name === 'help' ? rest[0] : name && asksForHelp(rest) ? name : undefined;
  const usage = helpFor === undefined ? undefined : ownEntry(USAGE, helpFor);
  if (helpFor && (usage || hasEntry(COMMANDS, helpFor))) {
    io.out(usage ? `usage:\n${usage}\n\n${EXIT_CODES}` : HELP);
    return 0;
  }
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(HELP);
    return 0;
  }
  const command = ownEntry(COMMANDS, name);
  if (!command) {
    io.err(`rehearse: unknown command "${name}"\n\n${HELP}`);
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

// A reader that stops early (`rehearse grade … | head`) is not an error; a full disk or a closed
// output is one line and exit 1, never a stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  process.stderr.write(`rehearse: cannot write to standard output: ${fileErrorReason(e)}\n`);
  process.exit(1);
});

const io = nodeIO();
main(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    io.err(String(e));
    process.exitCode = 1;
  },
);
