// What rehearse keeps is its user's alone: the data folder and its folders 0700, its files 0600,
// and an output file it replaces keeps the mode it had, as a shell redirection does. The cache
// folders are tried with the built CLI, a process of its own that starts with nothing kept in
// memory; the modes of what a command writes, with the CLI's main in this process.
import { createHash } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  symlinkSync,
  readdirSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, rehearse, rehearseHere } from '../helpers.js';

const modeOf = (path: string) => statSync(path).mode & 0o777;
/** Every folder and file under `dir` with its mode, as 'path 700'. */
const modesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true })
    .map(String)
    .sort()
    .map((p) => `${p} ${modeOf(join(dir, p)).toString(8)}`);

const FIVE = ['Monthly transacting merchants.', 'Activation.', 'Roadmap to revenue.', 'Sales on retention.', 'Split the miss.'].join(
  '\n---\n',
);

/**
 * A shipped scenario named by its file, so that it is read through the parse cache these tests look
 * at: by its id, the built CLI serves it from the catalogue it was built with.
 */
const FINTECH_FILE = 'scenarios/fintech.yaml';

describe('private files', () => {
  it('an interview makes the data folder, its sessions, reports and cache readable by their owner only', () => {
    const home = join(mkdtempSync(join(tmpdir(), 'rehearse-private-')), 'data');
    // The data folder's own cache, not the one the test run shares.
    const r = rehearse(['interview', '--scenario', FINTECH_FILE, '--probes', '0'], {
      input: FIVE,
      env: { REHEARSE_HOME: home, REHEARSE_CACHE_DIR: '' },
    });
    expect(r.code).toBe(0);
    expect(modeOf(home)).toBe(0o700);
    const modes = modesUnder(home);
    expect(modes.some((m) => /^sessions\/[\w-]+\.report\.md 600$/.test(m))).toBe(true);
    expect(modes.some((m) => /^cache\/parsed\/\w+\.json 600$/.test(m))).toBe(true);
    expect(modes.filter((m) => !/ (600|700)$/.test(m))).toEqual([]);
  });

  it('a cache folder of its own keeps its files in a private folder inside, and is not narrowed itself', () => {
    const root = mkdtempSync(join(tmpdir(), 'rehearse-private-'));
    const shared = join(root, 'shared-cache');
    mkdirSync(shared, { mode: 0o755 });
    chmodSync(shared, 0o755);
    const home = join(root, 'data');
    const r = rehearse(['score', '--scenario', FINTECH_FILE, '--question', 'north-star'], {
      input: 'Monthly transacting merchants, because a merchant who takes payments every month relies on us.',
      env: { REHEARSE_HOME: home, REHEARSE_CACHE_DIR: shared },
    });
    expect(r.code).toBe(0);
    expect(modeOf(shared)).toBe(0o755);
    const modes = modesUnder(shared);
    expect(modes).toContain('rehearse-parsed 700');
    expect(modes.some((m) => /^rehearse-parsed\/\w+\.json 600$/.test(m))).toBe(true);
    expect(modes.some((m) => /^rehearse-parsed\/phrases-\w+\.bin 600$/.test(m))).toBe(true);
    expect(modes.filter((m) => !/ (600|700)$/.test(m))).toEqual([]);
    expect(existsSync(join(home, 'cache'))).toBe(false);
  });

  it('a cache folder that is a link elsewhere is neither used nor narrowed, and its target gets no files', () => {
    const root = mkdtempSync(join(tmpdir(), 'rehearse-private-'));
    const elsewhere = join(root, 'elsewhere');
    mkdirSync(elsewhere, { mode: 0o755 });
    chmodSync(elsewhere, 0o755);
    const shared = join(root, 'shared');
    mkdirSync(shared);
    symlinkSync(elsewhere, join(shared, 'rehearse-parsed'));
    const r = rehearse(['score', '--scenario', 'fintech', '--question', 'north-star'], {
      input: 'Monthly transacting merchants, because a merchant who takes payments every month relies on us.',
      env: { REHEARSE_HOME: join(root, 'data'), REHEARSE_CACHE_DIR: shared },
    });
    expect(r.code).toBe(0);
    expect(modeOf(elsewhere)).toBe(0o755);
    expect(readdirSync(elsewhere)).toEqual([]);
  });

  const root = process.getuid?.() === 0;
  it.skipIf(!root)('a cache folder another user made (in a shared folder, say) is not read: what they put there is not served', () => {
    const shared = mkdtempSync(join(tmpdir(), 'rehearse-private-'));
    const home = join(shared, 'data');
    // A first run fills a cache, which is then handed to another user, as if they had made it.
    const env = { REHEARSE_HOME: home, REHEARSE_CACHE_DIR: shared };
    const first = rehearse(['scenarios', 'show', FINTECH_FILE], { env });
    expect(first.code).toBe(0);
    const dir = join(shared, 'rehearse-parsed');
    const entries = readdirSync(dir).filter((f) => f.endsWith('.json'));
    expect(entries.length).toBeGreaterThan(0);
    const prompt = 'Which single metric would you make the north star';
    for (const f of entries) {
      const entry = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { digest: string; data: unknown };
      const planted = JSON.parse(JSON.stringify(entry.data).replace(/"prompt":"[^"]*"/, `"prompt":"${prompt} PLANTED?"`)) as unknown;
      const digest = createHash('sha256').update(JSON.stringify(planted)).digest('hex');
      writeFileSync(join(dir, f), JSON.stringify({ ...entry, data: planted, digest }));
      chownSync(join(dir, f), 1234, 1234);
    }
    chownSync(dir, 1234, 1234);
    const again = rehearse(['scenarios', 'show', FINTECH_FILE], { env });
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(first.stdout);
    expect(again.stdout).not.toContain('PLANTED');
  });

  it('a data folder written by an older version with wider modes is narrowed when a session is saved', async () => {
    const home = mkdtempSync(join(tmpdir(), 'rehearse-private-'));
    const first = await rehearseHere(['interview', '--scenario', 'fintech', '--probes', '0'], {
      input: 'Monthly transacting merchants.',
      env: { REHEARSE_HOME: home },
    });
    const id = /rehearse resume ([\w-]+)/.exec(first.stderr)?.[1];
    expect(id).toBeDefined();
    const sessions = join(home, 'sessions');
    chmodSync(sessions, 0o755);
    chmodSync(join(sessions, `${id}.json`), 0o644);
    const r = await rehearseHere(['resume', id!], { input: FIVE.split('\n---\n').slice(1).join('\n---\n'), env: { REHEARSE_HOME: home } });
    expect(r.code).toBe(0);
    expect(modeOf(sessions)).toBe(0o700);
    expect(modeOf(join(sessions, `${id}.json`))).toBe(0o600);
  });

  it('scenarios new writes the scenario privately in the data folder', async () => {
    const home = mkdtempSync(join(tmpdir(), 'rehearse-private-'));
    const r = await rehearseHere(['scenarios', 'new', 'mine'], { env: { REHEARSE_HOME: home } });
    expect(r.code).toBe(0);
    expect(modeOf(join(home, 'scenarios'))).toBe(0o700);
    expect(modeOf(join(home, 'scenarios', 'mine.yaml'))).toBe(0o600);
  });

  it.each(['600', '640', '644'])('grade --out over a file of mode %s keeps that mode', async (octal) => {
    const mode = parseInt(octal, 8);
    const dir = mkdtempSync(join(tmpdir(), 'rehearse-out-'));
    const out = join(dir, 'grades.csv');
    writeFileSync(out, 'the old report\n');
    chmodSync(out, mode);
    const r = await rehearseHere(['grade', fixture('transcripts/interview.txt'), '--out', out]);
    expect(r.code).toBe(0);
    expect(modeOf(out)).toBe(mode);
  });

  it('grade --out to a new file gives it the mode a shell redirection would', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rehearse-out-'));
    writeFileSync(join(dir, 'by-the-shell.csv'), '');
    const r = await rehearseHere(['grade', fixture('transcripts/interview.txt'), '--out', join(dir, 'grades.csv')]);
    expect(r.code).toBe(0);
    expect(modeOf(join(dir, 'grades.csv'))).toBe(modeOf(join(dir, 'by-the-shell.csv')));
  });
});
