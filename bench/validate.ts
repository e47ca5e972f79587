// `rehearse validate` on a generated scenario of 1,000 questions: wall time and peak memory of the
// built CLI, with a parse cache that starts empty, as for a file validated for the first time.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../src/paths.js';
import { writeLargeScenario } from '../test/support/large-scenario.js';
import type { Figure } from './util.js';

const QUESTIONS = Number(process.env.BENCH_QUESTIONS ?? 1000);
const TARGET_SECONDS = 10;
const TARGET_MB = 500;

/** Runs the CLI under /usr/bin/time for its wall time and peak resident memory. */
function measure(args: string[], home: string): { seconds: number; peakMb: number; status: number | null; stderr: string } {
  const time = existsSync('/usr/bin/time');
  const started = performance.now();
  const r = spawnSync(time ? '/usr/bin/time' : process.execPath, time ? ['-f', '@@peak %M', process.execPath, ...args] : args, {
    encoding: 'utf8',
    env: { ...process.env, REHEARSE_HOME: home },
  });
  const seconds = (performance.now() - started) / 1000;
  const peak = /@@peak (\d+)/.exec(r.stderr ?? '');
  return { seconds, peakMb: peak ? Number(peak[1]) / 1024 : NaN, status: r.status, stderr: (r.stderr ?? '').replace(/@@peak \d+\n?/, '') };
}

export function benchValidate(): Figure[] {
  const dir = mkdtempSync(join(tmpdir(), 'rehearse-validate-'));
  try {
    const file = writeLargeScenario(dir, QUESTIONS);
    const r = measure([join(PACKAGE_ROOT, 'dist', 'cli.js'), 'validate', file], join(dir, 'home'));
    if (r.status !== 0) throw new Error(`validate failed on the generated scenario:\n${r.stderr.slice(0, 2000)}`);
    return [
      {
        name: `validate a ${QUESTIONS}-question scenario`,
        value: Number(r.seconds.toFixed(1)),
        unit: 's',
        target: `< ${TARGET_SECONDS}`,
        ok: r.seconds < TARGET_SECONDS,
      },
      {
        name: `peak memory validating ${QUESTIONS} questions`,
        value: Math.round(r.peakMb),
        unit: 'MB',
        target: `< ${TARGET_MB}`,
        ok: r.peakMb < TARGET_MB,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
