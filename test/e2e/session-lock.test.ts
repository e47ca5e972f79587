// One writer per session: two `resume` runs of one session at once never mix or lose answers; the
// second is told who holds it; a lock left by a process that has ended is taken over.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Session } from '../../src/interview/session.js';
import { rehearse, rehearseAsync, noTrace } from '../helpers.js';

/** A data folder holding one fintech session with its first question answered, waiting for the other four. */
let started: { home: string; id: string } | undefined;

/** A copy of that data folder, for one test to resume the session in: the interview is run once. */
function halfDone(): { home: string; id: string; file: string } {
  if (!started) {
    const home = mkdtempSync(join(tmpdir(), 'rehearse-lock-'));
    const r = rehearse(['interview', '--scenario', 'fintech', '--probes', '0'], {
      input: 'Monthly transacting merchants.',
      env: { REHEARSE_HOME: home },
    });
    const id = /rehearse resume ([\w-]+)/.exec(r.stderr)?.[1];
    if (!id) throw new Error(`no session: ${r.stderr}`);
    started = { home, id };
  }
  const home = mkdtempSync(join(tmpdir(), 'rehearse-lock-'));
  cpSync(started.home, home, { recursive: true });
  return { home, id: started.id, file: join(home, 'sessions', `${started.id}.json`) };
}

const answersOf = (file: string) =>
  Session.parse(JSON.parse(readFileSync(file, 'utf8')))
    .turns.filter((t) => t.kind === 'answer')
    .map((t) => t.text);

/** The four remaining answers of one side, each saying whose it is. */
const side = (name: string) => [2, 3, 4, 5].map((n) => `${name} answer ${n}: retention of merchants, because they pay us.`);

describe('one writer per session', () => {
  it('two resumes of one session started together, many times over: the owner saves every answer, the other none', async () => {
    let refused = 0;
    for (let trial = 0; trial < 6; trial++) {
      const { home, id, file } = halfDone();
      const files = ['alpha', 'bravo'].map((name) => {
        const f = join(home, `${name}.txt`);
        writeFileSync(f, side(name).join('\n---\n'));
        return f;
      });
      const runs = await Promise.all(files.map((f) => rehearseAsync(['resume', id, '--answers', f], { env: { REHEARSE_HOME: home } })));
      for (const r of runs) noTrace(r.stderr);
      const winners = runs.filter((r) => r.code === 0);
      expect(winners).toHaveLength(1);
      const loser = runs.find((r) => r.code !== 0)!;
      // Refused while the other held it (or was taking it that moment), or, started after the other had finished, told so.
      expect(loser.stderr).toMatch(
        /is open in another rehearse \((?:process \d+, since [\d-]+ [\d:]+|which is opening it this moment)\); finish or quit it there first|is already finished/,
      );
      if (/open in another rehearse/.test(loser.stderr)) refused++;
      const owner = runs.indexOf(winners[0]!) === 0 ? 'alpha' : 'bravo';
      expect(answersOf(file)).toEqual(['Monthly transacting merchants.', ...side(owner)]);
      expect(readdirSync(join(home, 'sessions')).filter((f) => f.endsWith('.lock') || f.endsWith('.tmp') || f.endsWith('.stale'))).toEqual(
        [],
      );
    }
    // The runs overlapped at least once, so the lock, not the order, kept them apart.
    expect(refused).toBeGreaterThan(0);
  }, 120_000);

  it('a session held by a running process: the second is told which, exit 1, and the session is untouched', () => {
    const { home, id, file } = halfDone();
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      const lock = join(home, 'sessions', `${id}.lock`);
      writeFileSync(lock, JSON.stringify({ pid: holder.pid, host: hostname(), since: '2026-01-02T03:04:05.000Z' }));
      const before = readFileSync(file, 'utf8');
      const r = rehearse(['resume', id], { input: side('late').join('\n---\n'), env: { REHEARSE_HOME: home } });
      noTrace(r.stderr);
      expect(r.code).toBe(1);
      expect(r.stderr.trim()).toBe(
        `rehearse resume: session ${id} is open in another rehearse (process ${holder.pid}, since 2026-01-02 03:04:05); ` +
          `finish or quit it there first. If no rehearse is running it, remove ${lock}`,
      );
      expect(readFileSync(file, 'utf8')).toBe(before);
      expect(existsSync(lock)).toBe(true);
    } finally {
      holder.kill();
    }
  });

  it('a lock left by a process that has ended is taken over, and removed when the run ends', async () => {
    const { home, id, file } = halfDone();
    const gone = spawn(process.execPath, ['-e', '0']);
    await new Promise((resolve) => gone.on('exit', resolve));
    const lock = join(home, 'sessions', `${id}.lock`);
    writeFileSync(lock, JSON.stringify({ pid: gone.pid, host: hostname(), since: '2026-01-02T03:04:05.000Z' }));
    const r = rehearse(['resume', id], { input: side('next').join('\n---\n'), env: { REHEARSE_HOME: home } });
    noTrace(r.stderr);
    expect(r.code).toBe(0);
    expect(answersOf(file)).toEqual(['Monthly transacting merchants.', ...side('next')]);
    expect(existsSync(lock)).toBe(false);
  });
});
