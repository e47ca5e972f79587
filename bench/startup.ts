// Launch to first question: the built CLI in a pseudo-terminal (util-linux `script`), timed
// from spawn to the intro being drawn, and from Enter to the first question being drawn.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../src/paths.js';
import { median, type Figure } from './util.js';

function withoutCi(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { CI: _ci, GITHUB_ACTIONS: _gh, ...rest } = env;
  return rest;
}

function once(home: string): Promise<{ intro: number; question: number }> {
  return new Promise((resolve, reject) => {
    const cli = join(PACKAGE_ROOT, 'dist', 'cli.js');
    const t0 = performance.now();
    const child = spawn('script', ['-qfec', `${process.execPath} ${cli} interview --scenario fintech`, '/dev/null'], {
      // As a person's terminal: Ink draws nothing live when CI is set.
      env: { ...withoutCi(process.env), REHEARSE_HOME: home, NO_COLOR: '1', TERM: 'xterm-256color', COLUMNS: '100', LINES: '40' },
    });
    let out = '';
    let intro = 0;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no first question within 10 s; output:\n${out}`));
    }, 10_000);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (!intro && out.includes('Press Enter to begin')) {
        intro = performance.now();
        child.stdin.write('\r');
      }
      if (intro && out.includes('Question 1 of 5')) {
        const done = performance.now();
        clearTimeout(timer);
        child.kill('SIGKILL');
        resolve({ intro: intro - t0, question: done - intro });
      }
    });
  });
}

export async function benchStartup(): Promise<Figure[]> {
  if (spawnSync('script', ['--version']).status !== 0) {
    return [{ name: 'launch to first question', value: NaN, unit: 'ms', detail: 'skipped: util-linux `script` is not installed' }];
  }
  const home = mkdtempSync(join(tmpdir(), 'rehearse-startup-'));
  try {
    const runs: { intro: number; question: number }[] = [];
    let first = { intro: 0, question: 0 };
    for (let i = 0; i < 13; i++) {
      const r = await once(home);
      if (i === 0) first = r; // an empty data folder: the scenario files are parsed and cached
      if (i >= 2) runs.push(r);
    }
    const node: number[] = [];
    for (let i = 0; i < 13; i++) {
      const t = performance.now();
      spawnSync(process.execPath, ['-e', '0']);
      if (i >= 2) node.push(performance.now() - t);
    }
    const total = median(runs.map((r) => r.intro + r.question));
    return [
      {
        name: 'launch to first question drawn',
        value: Math.round(total),
        unit: 'ms (median of 11; launch → intro + Enter → question)',
        target: '< 400',
        ok: total < 400,
        detail: `launch → intro ${Math.round(median(runs.map((r) => r.intro)))} ms, Enter → question ${Math.round(median(runs.map((r) => r.question)))} ms; parsed scenarios cached`,
      },
      {
        name: 'the very first launch (empty data folder, nothing cached)',
        value: Math.round(first.intro + first.question),
        unit: 'ms (one run)',
      },
      { name: '`node -e 0` for comparison', value: Math.round(median(node)), unit: 'ms (median of 11)' },
    ];
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}
