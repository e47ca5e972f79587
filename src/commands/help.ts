// What `--help` says: each command's usage, what it does and every option it takes, laid out to fit 80 columns.
import { ownEntry } from '../own.js';

interface CommandHelp {
  /** The command's forms, each after "rehearse ". */
  usage: string[];
  about: string;
  /** Each option as it is written, and what it does. */
  options: [string, string][];
  /** What the exit codes mean, where the command's differ from every command's (EXIT_CODES). */
  exits?: string;
}

const WIDTH = 80;
const JSON_OUT: [string, string] = ['--json', 'print the result as JSON instead'];

const COMMANDS: Record<string, CommandHelp> = {
  interview: {
    usage: ['interview [--scenario <id>] [options]'],
    about:
      'Run a mock interview in the terminal. With --answers, or answers piped in, it runs headless: answers are separated by lines holding only ---, or --- <question-id>[/<follow-up-id>] to say where each goes (up to 1 MB); each question and each follow-up takes the next answer, and a file with one answer for each question is asked no follow-ups. Type "pass" to move on from a question.',
    options: [
      ['--scenario <id>', 'the scenario to run (`rehearse scenarios` lists them); without it, a list to pick from (headless runs need it)'],
      ['--answers F', 'take the answers from file F instead of the keyboard'],
      ['--voice', 'the interviewer speaks (Ctrl+T toggles it; Ctrl+R records a spoken answer, transcribed as set in .env)'],
      ['--no-feedback', 'interview mode: no score card after each question, only the report at the end'],
      ['--probes N', 'ask at most N follow-ups per question (0: none)'],
      ['--json', 'headless: print the saved session as JSON'],
    ],
  },
  resume: {
    usage: ['resume [<id>] [options]'],
    about:
      'Continue an unfinished session where it stopped; with no id, list the unfinished ones (at a terminal with only one, continue it).',
    options: [
      ['--answers F', 'take the remaining answers from file F'],
      ['--voice', 'the interviewer speaks'],
      ['--json', 'headless: print the saved session as JSON'],
    ],
  },
  transcribe: {
    usage: ['transcribe <session-id>'],
    about: "Transcribe a session's recorded answers that have no transcript yet, and update its report.",
    options: [],
  },
  sessions: {
    usage: ['sessions [--json]'],
    about: 'Past sessions with their date, scenario, score and whether they are finished.',
    options: [JSON_OUT],
  },
  progress: {
    usage: ['progress [options]'],
    about:
      "Every interview and drill in order with its total, each criterion's level per session and its trend, and the criteria weakest lately.",
    options: [
      ['--scenario <id>', 'only the sessions of this scenario'],
      ['--since <YYYY-MM-DD>', 'only the sessions started on or after this date'],
      ['--html F', 'write one self-contained page with charts to file F'],
      JSON_OUT,
    ],
  },
  drill: {
    usage: ['drill [options]'],
    about:
      'A short round on one criterion: the weakest lately unless named. One question whose rubric has it (one not asked recently), then the follow-ups on it; the card leads with the criterion against your last attempt and shows a strong answer. Saved as a session of kind drill, resumable.',
    options: [
      ['--criterion <id>', 'the criterion to work on, by its id or its title as progress shows it ("Defines the metric")'],
      [
        '--family F',
        'the question family (kpi, metrics, vision, incentives, shortfall, risks): the weakest of it, or the family of --criterion',
      ],
      ['--answers F', 'take the answers from file F instead of the keyboard; one answer alone asks no follow-ups'],
      ['--probes N', 'ask at most N follow-ups (0: none)'],
      ['--json', 'headless: print the saved session as JSON'],
    ],
  },
  grade: {
    usage: ['grade <files|folders|globs…> [options]', 'grade - [options]'],
    about:
      'Grade interview transcripts: text, WebVTT, SRT, chat JSON/JSONL, Otter, Meet and rehearse sessions, up to 32 MB a file. With -, grade standard input: one transcript, or JSON Lines of conversations ({"id", "messages"}), a result for each as it is graded.',
    options: [
      ['--scenario <id>|auto', 'the scenario the interviews followed; auto (the default) finds each question'],
      ['--format F', 'table, json, csv, md, html or jsonl (one line a conversation)'],
      ['--out F', 'write the result to file F instead of standard output (-: standard output)'],
      ['--jobs N', 'grade N files at a time, from 1 to 64'],
      ['--interviewer NAME', 'the speaker who asks the questions'],
      ['--candidate NAME', 'the speaker whose answers are graded'],
    ],
    // A transcript that cannot be graded fails alone: the others are graded and written.
    exits:
      'exit codes: 0 every transcript graded, 1 a file (or a line of JSON Lines, from a file or standard input) could not be graded or had answers left ungraded (the others are graded), 2 bad arguments, no files, or a scenario that does not load',
  },
  scenarios: {
    usage: ['scenarios [list] [--json]', 'scenarios show <id> [--json]', 'scenarios new <id> [--from <id>]'],
    about: "List the scenarios (shipped, and your own), show one's questions and follow-ups, or start your own (commented, or a copy).",
    options: [JSON_OUT, ['--from <id>', 'new: start from a copy of scenario <id>']],
  },
  score: {
    usage: ['score --scenario <id> --question <qid> [options]'],
    about: 'Grade one answer, from a file or standard input (up to 1 MB), or from a recording.',
    options: [
      ['--scenario <id>', 'the scenario the question is in'],
      ['--question <qid>', 'the question answered (`rehearse scenarios show <id>` lists them)'],
      ['--answers F', 'read the answer from file F'],
      ['--file F', 'the same as --answers F'],
      ['--audio F', 'a recording of the answer: transcribed, with delivery figures'],
      ['--explain', 'show every step from the answer to the total'],
      JSON_OUT,
    ],
  },
  validate: {
    usage: ['validate <file...> [options]'],
    about: 'Check scenario and rubric files: errors, warnings, and how each example answer scores.',
    options: [['--all', 'list every error and warning; without it, only the first few of each file'], JSON_OUT],
  },
  calibrate: {
    usage: ['calibrate <labels.jsonl> [options]'],
    about: 'How well the scorer agrees with human labels: Spearman, kappa, pairwise order, confusion and the worst disagreements.',
    options: [
      ['--rubrics F', 'a rubric library to grade with (can be given more than once)'],
      ['--fit', "fit a model to the labels, measured on answers held out, printed as a library's model: block"],
      JSON_OUT,
    ],
  },
  schema: {
    usage: ['schema [scenario|rubrics]'],
    about: 'Print the JSON Schema of a file format, for editors that autocomplete.',
    options: [],
  },
};

export const EXIT_CODES = 'exit codes: 0 ok, 1 something failed, 2 bad arguments or bad input files';

/** Words laid out in lines of at most WIDTH columns, each line after the first starting with `indent`. */
function fill(text: string, first: string, indent: string): string[] {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (!empty && line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = indent + word;
    } else line = empty ? line + word : `${line} ${word}`;
    empty = false;
  }
  lines.push(line);
  return lines;
}

/** The whole help of one command; undefined for a name that is not a command. */
export function commandHelp(name: string): string | undefined {
  const help = ownEntry(COMMANDS, name);
  if (!help) return undefined;
  const flagWidth = Math.min(22, Math.max(0, ...help.options.map(([flag]) => flag.length)));
  const out = ['usage:', ...help.usage.map((u) => `  rehearse ${u}`), '', ...fill(help.about, '', '')];
  if (help.options.length) {
    out.push('', 'options:');
    for (const [flag, what] of help.options) {
      const head = `  ${flag.padEnd(flagWidth)}  `;
      // A flag longer than its column takes a line of its own.
      if (head.length > flagWidth + 4) out.push(`  ${flag}`, ...fill(what, ' '.repeat(flagWidth + 4), ' '.repeat(flagWidth + 4)));
      else out.push(...fill(what, head, ' '.repeat(head.length)));
    }
  }
  out.push('', ...fill(help.exits ?? EXIT_CODES, '', '  '));
  return out.join('\n');
}

/** `rehearse --help`: every command in a line or two. */
export function overview(): string {
  // Each command's forms, then the first sentence of what it does.
  const lines = Object.values(COMMANDS).flatMap((h) => [
    ...h.usage.map((u) => `  rehearse ${u}`),
    ...fill(/^[^.]*\./.exec(h.about)?.[0] ?? h.about, '      ', '      '),
  ]);
  return [
    'rehearse — mock product-management interviews, graded by a deterministic rubric',
    '',
    'usage:',
    ...lines,
    '  rehearse --version',
    '',
    '`rehearse <command> --help` says what a command does and lists its options.',
    '',
    EXIT_CODES,
  ].join('\n');
}
