// `grade --out` stopped by a signal halfway: the old report stays as it was, no temporary file is
// left beside it, and the process ends as the signal ends a process.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, fixture, ROOT } from '../helpers.js';

const tmpIn = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.tmp'));

/** Resolves once `check` holds, looking every 20 ms, or rejects after `ms`. */
async function until(check: () => boolean, what: string, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('grade --out interrupted', () => {
  const transcripts = mkdtempSync(join(tmpdir(), 'rehearse-many-'));
  for (let i = 0; i < 400; i++) copyFileSync(fixture('transcripts/interview.txt'), join(transcripts, `t${i}.txt`));

  it.each([
    ['SIGINT', '1'],
    ['SIGTERM', '1'],
    ['SIGHUP', '1'],
    ['SIGINT', '3'],
    ['SIGTERM', '3'],
  ] as const)('%s with --jobs %s: the old report is kept and no temporary file is left', async (signal, jobs) => {
    const dir = mkdtempSync(join(tmpdir(), 'rehearse-out-'));
    const out = join(dir, 'grades.json');
    writeFileSync(out, 'the old report\n');
    const child = spawn(process.execPath, [CLI, 'grade', transcripts, '--out', out, '--jobs', jobs], {
      cwd: ROOT,
      env: { ...process.env, REHEARSE_HOME: dir, NO_COLOR: '1' },
      stdio: 'ignore',
    });
    const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on('exit', (code, sig) => resolve({ code, signal: sig })),
    );
    await until(() => tmpIn(dir).length > 0, 'the report to be under way');
    child.kill(signal);
    expect(await ended).toEqual({ code: null, signal });
    expect(tmpIn(dir)).toEqual([]);
    expect(readFileSync(out, 'utf8')).toBe('the old report\n');
  });
});
