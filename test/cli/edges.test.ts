// The command line's edges, through main (--version and the overview also through the built CLI):
// --help on every command, --version, and an option value that starts with a dash.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { opensScreen } from '../../src/main.js';
import { BATCH_FORMATS } from '../../src/report/output.js';
import { rehearse, rehearseHere, ROOT } from '../helpers.js';

const COMMANDS = ['interview', 'resume', 'sessions', 'grade', 'scenarios', 'score', 'validate', 'calibrate', 'schema'];

describe('help', () => {
  it.each(
    COMMANDS.flatMap((c) => [
      [c, '--help'],
      [c, '-h'],
    ]),
  )('rehearse %s %s prints its usage and exits 0', async (command, flag) => {
    const run = await rehearseHere([command, flag]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^usage:\\n  rehearse ${command}\\b`));
  });

  it('asks for help anywhere among the options, and `rehearse help <command>` is the same', async () => {
    const help = await rehearseHere(['score', '--scenario', 'fintech', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('rehearse score --scenario <id> --question <qid>');
    expect((await rehearseHere(['help', 'score'])).stdout).toBe(help.stdout);
  });

  /** What each command's parser accepts: its --help must name every one. */
  const OPTIONS: Record<string, string[]> = {
    interview: ['--scenario', '--answers', '--voice', '--no-feedback', '--probes', '--json'],
    resume: ['--answers', '--voice', '--json'],
    sessions: ['--json'],
    grade: ['--scenario', '--format', '--out', '--jobs', '--interviewer', '--candidate'],
    scenarios: ['--json', '--from'],
    score: ['--scenario', '--question', '--answers', '--file', '--audio', '--json', '--explain'],
    validate: ['--all', '--json'],
    calibrate: ['--rubrics', '--fit', '--json'],
    transcribe: [],
    schema: [],
  };

  it.each(Object.entries(OPTIONS))(
    'rehearse %s --help fits 80 columns and lists each of its options with what it does',
    async (command, options) => {
      const out = (await rehearseHere([command, '--help'])).stdout;
      for (const line of out.split('\n')) expect(line.length, line).toBeLessThanOrEqual(80);
      for (const o of options) expect(out).toMatch(new RegExp(`^ +${o}\\b.*\\w`, 'm'));
    },
  );

  it('rehearse --help fits 80 columns', async () => {
    for (const line of (await rehearseHere(['--help'])).stdout.split('\n')) expect(line.length, line).toBeLessThanOrEqual(80);
  });

  it.each([
    [[], true],
    [['interview', '--scenario', 'fintech'], true],
    [['resume', 'abc'], true],
    [['drill'], true],
    [['interview', '--answers', 'a.txt'], false],
    [['interview', '--answers=a.txt'], false],
    [['drill', '--json'], false],
    [['interview', '--help'], false],
    [['grade', 'x.txt'], false],
    [['interview', '--', '--answers=a.txt'], true],
  ])('%j opens the interview screen: %s (so keys are held while it loads)', (argv, screen) => {
    expect(opensScreen(argv)).toBe(screen);
  });

  it('grade --help names every output format and standard input', async () => {
    const help = (await rehearseHere(['grade', '--help'])).stdout;
    const formats = /--format F +([^]*?)\n {2}--/.exec(help)![1]!;
    for (const format of BATCH_FORMATS) expect(formats).toMatch(new RegExp(`\\b${format}\\b`));
    expect(help).toMatch(/rehearse grade - /);
    expect(help).toMatch(/--out F[^]*-: standard output/);
  });

  it('grade --help says what its exit codes mean, and a file that cannot be graded exits as it says', async () => {
    const exits = /^exit codes: ([^]*)$/m.exec((await rehearseHere(['grade', '--help'])).stdout)![1]!.replace(/\s+/g, ' ');
    expect(exits).toMatch(/\b1 a file \(or a line of JSON Lines, from a file or standard input\) could not be graded\b/);
    expect(exits).toMatch(/\b2 bad arguments\b/);
    const missing = join(ROOT, 'no-such-transcript.vtt');
    expect((await rehearseHere(['grade', missing, 'test/fixtures/transcripts/interview.txt'])).code).toBe(1);
    expect((await rehearseHere(['grade', missing, '--scenario', 'no-such-scenario'])).code).toBe(2);
  });

  it('interview --help shows --scenario as optional, as its usage error does (without it, a list to pick from)', async () => {
    expect((await rehearseHere(['interview', '--help'])).stdout).toContain('rehearse interview [--scenario <id>] [options]');
    expect((await rehearseHere(['interview', '--bogus'])).stderr).toContain('usage: rehearse interview [--scenario <id>]');
  });

  it('validate --help says what --all does', async () => {
    expect((await rehearseHere(['validate', '--help'])).stdout).toMatch(/^ +--all +\S.*\b(?:every|all)\b/m);
  });

  it('rehearse --help lists every command and --version', () => {
    const run = rehearse(['--help']);
    expect(run.code).toBe(0);
    for (const c of COMMANDS) expect(run.stdout).toContain(`rehearse ${c}`);
    expect(run.stdout).toContain('rehearse --version');
  });
});

describe('--version', () => {
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };

  it.each(['--version', '-v'])('%s prints the version in package.json', (flag) => {
    const run = rehearse([flag]);
    expect(run).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it.each(COMMANDS)('works after a command too: rehearse %s --version', async (command) => {
    expect(await rehearseHere([command, '--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    expect((await rehearseHere([command, '--scenario', 'fintech', '--version'])).stdout).toBe(`${version}\n`);
  });
});

describe('option values that start with a dash', () => {
  it.each([
    [['grade', 'x.txt', '--jobs', '-1']],
    [['grade', 'x.txt', '--jobs=-1']],
    [['grade', 'x.txt', '--jobs', '0']],
    [['grade', 'x.txt', '--jobs', '65']],
    [['grade', 'x.txt', '--jobs', '1.5']],
  ])('%j: --jobs says what it takes, exit 2', async (args) => {
    const run = await rehearseHere(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--jobs takes a whole number from 1 to 64');
    expect(run.stderr).not.toContain('ambiguous');
  });

  it('a value that is not a number is refused with how to give it', async () => {
    const run = await rehearseHere(['score', '--scenario', '-x', '--question', 'kpi']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--scenario needs a value; for one that starts with "-", write --scenario=-x');
  });

  it('an option followed by another option needs its value', async () => {
    const run = await rehearseHere(['score', '--scenario', '--question', 'kpi']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--scenario needs a value\n/);
  });
});

describe('stray arguments', () => {
  it.each([
    [['sessions', 'extra'], 'unexpected argument "extra"'],
    [['schema', 'scenario', 'extra'], 'unexpected argument "extra"'],
  ])('%j: exit 2', async (args, message) => {
    const run = await rehearseHere(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });
});
