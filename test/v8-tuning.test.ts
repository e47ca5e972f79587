// The CLI's runs start with V8's optimising compiler off and turn it on once busy (src/v8-tuning.ts): seen
// in processes of their own, since V8's flags belong to the whole process.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { afterAll, expect, it } from 'vitest';
import { CLI, ROOT } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'rehearse-v8-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
buildSync({
  entryPoints: [join(ROOT, 'src/v8-tuning.ts')],
  bundle: true,
  format: 'esm',
  platform: 'node',
  outfile: join(dir, 'v8-tuning.mjs'),
});
// A hot function, and V8's own report of its tier (--allow-natives-syntax): bit 6 is "optimised by
// TurboFan". Read once it has run 500 times (before any check), and again once the process has been
// busy past what it was allowed.
writeFileSync(
  join(dir, 'run.mjs'),
  `import { setImmediate } from 'node:timers/promises';
import { tuneV8ForRun, optimiseWhenBusy } from './v8-tuning.mjs';
const mode = process.argv[2];
if (mode === 'lean') optimiseWhenBusy(100);
else if (mode !== 'defaults') tuneV8ForRun([mode]);
function hot(n) { let s = 0; for (let i = 0; i < n; i++) s += Math.sqrt(i) * (i & 7); return s; }
const optimised = () => { %WaitForBackgroundOptimization(); return (%GetOptimizationStatus(hot) & 64) !== 0; };
for (let k = 0; k < 500; k++) hot(10000);
const short = optimised();
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
// Busy past the allowance, for long enough that the check (every 250 ms) has run since.
while (cpu() < 300 || performance.now() < 800) { hot(10000); await setImmediate(); }
for (let k = 0; k < 500; k++) hot(10000);
console.log(JSON.stringify({ short, busy: optimised() }));
`,
);
const run = (mode: string) => {
  const r = spawnSync(process.execPath, ['--allow-natives-syntax', join(dir, 'run.mjs'), mode], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as { short: boolean; busy: boolean };
};

it('a run is not optimised while it is short, and is once it has used the CPU it was allowed', () => {
  // With V8's defaults, the same function is optimised early: what the test reads is the flag's doing.
  expect(run('defaults')).toEqual({ short: true, busy: true });
  expect(run('lean')).toEqual({ short: false, busy: true });
});

it('commands that work without yielding keep the defaults; the others start lean', () => {
  expect(run('calibrate')).toEqual({ short: true, busy: true });
  expect(run('grade').short).toBe(false);
});

it('the built CLI starts that way', () => {
  expect(readFileSync(CLI, 'utf8')).toMatch(/tuneV8ForRun\(process\.argv\.slice\(2\)\);/);
});
