// Faults a person meets, through the built CLI: a full disk, a read-only data folder, signals to
// the terminal UI, output paths that are links, pipes, folders or missing, a full standard output.
// Each checks what the user sees, the exit code, and what is on disk afterwards.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Session } from '../../src/interview/session.js';
import { CLI, fixture, rehearse, ROOT, noTrace } from '../helpers.js';
import { hasTmux, Terminal } from '../support/terminal.js';

/** Mounting a small file system needs root; CI runs as root and must run these. */
const canMount = (() => {
  if (process.getuid?.() !== 0) return false;
  const dir = mkdtempSync(join(tmpdir(), 'rehearse-mount-'));
  const ok = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir]).status === 0;
  if (ok) spawnSync('umount', [dir]);
  return ok;
})();
const withMounts = canMount || process.env.CI ? describe : describe.skip;
const withTerminal = (canMount && hasTmux) || process.env.CI ? describe : describe.skip;

const mounts: string[] = [];
let terminals: Terminal[] = [];
afterEach(() => {
  for (const t of terminals) t.stop();
  terminals = [];
  for (const m of mounts.splice(0)) spawnSync('umount', ['-l', m]);
});

/** A tmpfs of `kb` kilobytes; read-only when asked (after `prepare` has written what it needs). */
function smallDisk(kb: number, opts: { readOnly?: boolean; prepare?: (dir: string) => void } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'rehearse-disk-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${kb}k`, 'tmpfs', dir]);
  mounts.push(dir);
  opts.prepare?.(dir);
  if (opts.readOnly) execFileSync('mount', ['-o', 'remount,ro', dir]);
  return dir;
}

/** Fills a file system to the brim; returns the file that holds the space, to remove later. */
function fill(dir: string): string {
  const file = join(dir, 'filler');
  spawnSync('dd', ['if=/dev/zero', `of=${file}`, 'bs=4k'], { stdio: 'ignore' });
  return file;
}

const sessionsIn = (home: string) => {
  const dir = join(home, 'sessions');
  return existsSync(dir) ? readdirSync(dir).filter((f) => /^[\w-]+\.json$/.test(f)) : [];
};
const loadSession = (file: string) => Session.parse(JSON.parse(readFileSync(file, 'utf8')));
const tmpLeft = (dir: string) =>
  existsSync(dir)
    ? readdirSync(dir, { recursive: true })
        .map(String)
        .filter((f) => f.endsWith('.tmp'))
    : [];
/** The whole screen with lines the terminal wrapped joined again, for text longer than a line. */
const joined = (t: Terminal) => t.tmux('capture-pane', '-p', '-J', '-t', 'main', '-S', '-500').replace(/\s+/g, ' ');
const FIVE = ['Monthly transacting merchants.', 'Activation.', 'Roadmap to revenue.', 'Sales on retention.', 'Split the miss.'].join(
  '\n---\n',
);

withMounts('the disk and the data folder', () => {
  it('grade --out on a full disk: one line, exit 1, the old report untouched, no temporary file', () => {
    const disk = smallDisk(256);
    const out = join(disk, 'grades.json');
    writeFileSync(out, 'the old report\n');
    fill(disk);
    const r = rehearse(['grade', 'test/fixtures/transcripts', '--format', 'json', '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/grades\.json: cannot write the report: no space left on the device/);
    expect(r.stderr).not.toMatch(/wrote /);
    noTrace(r.stderr);
    expect(readFileSync(out, 'utf8')).toBe('the old report\n');
    expect(tmpLeft(disk)).toEqual([]);
  });

  it('a read-only data folder: one line naming the session file and the cause, exit 1', () => {
    const home = smallDisk(512, { readOnly: true, prepare: (d) => mkdirSync(join(d, 'sessions')) });
    const r = rehearse(['interview', '--scenario', 'fintech', '--probes', '0'], { input: FIVE, env: { REHEARSE_HOME: home } });
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toMatch(
      /^rehearse interview: cannot save the session to .*sessions\/[\w-]+\.json: the file system is read-only$/,
    );
    noTrace(r.stderr);
  });

  it('a data folder that fills up during a headless interview: the answers are in the file they came from, and the message says so', () => {
    const home = smallDisk(256);
    fill(home);
    const answers = join(mkdtempSync(join(tmpdir(), 'rehearse-answers-')), 'answers.txt');
    writeFileSync(answers, FIVE);
    const r = rehearse(['interview', '--scenario', 'fintech', '--probes', '0', '--answers', answers], { env: { REHEARSE_HOME: home } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot save the session to .*: no space left on the device/);
    noTrace(r.stderr);
    expect(tmpLeft(home)).toEqual([]);
  });
});

withTerminal('the terminal UI', () => {
  function terminal(home: string): Terminal {
    const t = new Terminal(home);
    terminals.push(t);
    return t;
  }
  async function atQuestion(t: Terminal) {
    t.start('interview --scenario fintech');
    await t.waitFor((s) => s.includes('Press Enter to begin'), 'the intro');
    t.keys('Enter');
    await t.waitFor((s) => s.includes('Question 1 of 5'), 'the first question');
  }
  const nodePid = (t: Terminal) => {
    const shell = t.tmux('display-message', '-p', '-t', 'main', '#{pane_pid}').trim();
    return Number(execFileSync('pgrep', ['-P', shell, '-f', 'node'], { encoding: 'utf8' }).trim().split('\n')[0]);
  };

  it('the disk fills up: the answer stays in the editor with the file and the cause; freed, Ctrl+D goes on and it is saved', async () => {
    const home = smallDisk(384);
    const t = terminal(home);
    await atQuestion(t);
    const filler = fill(home);
    t.type('Monthly transacting merchants, because they trust us with their takings.');
    t.keys('C-d');
    await t.waitFor((s) => s.includes('Could not save to'), 'the save error');
    const screen = joined(t);
    expect(screen).toMatch(/Could not save to \S+\/sessions\/[\w-]+\.json: no space left on the device\. Nothing is lost/);
    expect(screen).toContain('Monthly transacting merchants, because they trust us with their takings.');
    expect(loadSession(join(home, 'sessions', sessionsIn(home)[0]!)).turns.filter((x) => x.kind === 'answer')).toHaveLength(0);
    rmSync(filler);
    t.keys('C-d');
    await t.waitFor((s) => s.includes('follows up:') && !s.includes('Could not save to'), 'the interview going on');
    const saved = loadSession(join(home, 'sessions', sessionsIn(home)[0]!));
    expect(saved.turns.filter((x) => x.kind === 'answer').map((x) => x.text)).toEqual([
      'Monthly transacting merchants, because they trust us with their takings.',
    ]);
    expect(tmpLeft(home)).toEqual([]);
  });

  it('Ctrl+C while the disk is full keeps a copy of the session, with the draft, elsewhere, and says where', async () => {
    const home = smallDisk(384);
    const t = terminal(home);
    await atQuestion(t);
    fill(home);
    t.type('A draft I have not sent');
    await t.waitFor((s) => s.includes('A draft I have not sent'), 'the draft');
    t.keys('C-c');
    await t.waitFor((s) => s.includes('[exit 1]'), 'the exit');
    const screen = joined(t);
    expect(screen).toMatch(/cannot save the session to \S+: no space left on the device/);
    const copy = /A copy of the session, with your draft, is in (\S+\.json)/.exec(screen)?.[1];
    expect(copy).toBeDefined();
    expect(loadSession(copy!)).toMatchObject({ status: 'quit', draft: 'A draft I have not sent' });
  });

  it.each([
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const)('%s saves the draft and the session, and says how to go on', async (signal, code) => {
    const home = mkdtempSync(join(tmpdir(), 'rehearse-signal-'));
    const t = terminal(home);
    await atQuestion(t);
    t.type('Half an answer about merchants');
    await t.waitFor((s) => s.includes('Half an answer about merchants'), 'the draft');
    process.kill(nodePid(t), signal);
    const screen = await t.waitFor((s) => s.includes(`[exit ${code}]`), 'the exit');
    expect(screen).toMatch(new RegExp(`Stopped by ${signal}\\. Saved; continue with: rehearse resume [\\w-]+`));
    noTrace(screen);
    expect(loadSession(join(home, 'sessions', sessionsIn(home)[0]!))).toMatchObject({
      status: 'quit',
      draft: 'Half an answer about merchants',
    });
  });
});

describe('output paths, as a shell redirection treats them', () => {
  const dir = () => mkdtempSync(join(tmpdir(), 'rehearse-out-'));

  it('through a symbolic link: the target gets the report, the link stays a link', () => {
    const d = dir();
    writeFileSync(join(d, 'target.csv'), '');
    symlinkSync(join(d, 'target.csv'), join(d, 'link.csv'));
    const r = rehearse(['grade', fixture('transcripts/interview.txt'), '--out', join(d, 'link.csv')]);
    expect(r.code).toBe(0);
    expect(lstatSync(join(d, 'link.csv')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(d, 'target.csv'), 'utf8')).toMatch(/^file,conversation,id,format/);
    expect(tmpLeft(d)).toEqual([]);
  });

  it('into a pipe: a reader gets the report, the pipe stays a pipe', async () => {
    const d = dir();
    const fifo = join(d, 'report.fifo');
    execFileSync('mkfifo', [fifo]);
    const reader = spawn('cat', [fifo]);
    let got = '';
    reader.stdout.on('data', (b: Buffer) => (got += b.toString()));
    const closed = new Promise((resolve) => reader.on('close', resolve));
    const r = spawnSync(process.execPath, [CLI, 'grade', fixture('transcripts/interview.txt'), '--format', 'md', '--out', fifo], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, REHEARSE_HOME: d },
    });
    await closed;
    expect(r.status).toBe(0);
    expect(got).toMatch(/^# Interview grades/);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('onto a device: /dev/null stays a device', () => {
    const r = rehearse(['grade', fixture('transcripts/interview.txt'), '--format', 'json', '--out', '/dev/null']);
    expect(r.code).toBe(0);
    expect(lstatSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it.each([
    [
      'into a folder that does not exist',
      (d: string) => join(d, 'missing', 'grades.csv'),
      /grades\.csv: cannot write the report: no folder .*missing$/,
    ],
    ['onto a folder', (d: string) => d, /: cannot write the report: is a folder, not a file$/],
  ])('%s: one line before any grading, exit 2', (_, path, message) => {
    const d = dir();
    const r = rehearse(['grade', 'test/fixtures/transcripts', '--out', path(d)]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr.trim()).toMatch(message);
    noTrace(r.stderr);
  });
});

describe('standard output', () => {
  it.each([['scenarios'], ['grade', 'test/fixtures/transcripts/interview.txt'], ['sessions']])(
    'full (/dev/full) for `%s`: one line, exit 1',
    (...args) => {
      const r = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" ${args.join(' ')} > /dev/full`], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, REHEARSE_HOME: mkdtempSync(join(tmpdir(), 'rehearse-full-')) },
      });
      expect(r.status).toBe(1);
      expect(r.stderr.trim()).toBe('rehearse: cannot write to standard output: no space left on the device');
    },
  );
});
