// The CLI's runs start with V8's optimising compiler off and turn it on once busy (src/jit.ts): seen
// in a process of its own, since V8's flags belong to the whole process.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { expect, it } from 'vitest';
import { CLI, ROOT } from './helpers.js';

it('a run is not optimised while it is short, and is once it has used the CPU it was allowed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rehearse-jit-'));
  buildSync({ entryPoints: [join(ROOT, 'src/jit.ts')], bundle: true, format: 'esm', platform: 'node', outfile: join(dir, 'jit.mjs') });
  // V8's own report of a function's tier (--allow-natives-syntax): bit 4 is "optimised".
  writeFileSync(
    join(dir, 'run.mjs'),
    `import { setImmediate } from 'node:timers/promises';
import { optimiseWhenBusy } from './jit.mjs';
optimiseWhenBusy(400);
function hot(n) { let s = 0; for (let i = 0; i < n; i++) s += Math.sqrt(i) * (i & 7); return s; }
const optimised = () => (%GetOptimizationStatus(hot) & 16) !== 0;
for (let k = 0; k < 500; k++) hot(10000);
const short = optimised();
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
while (cpu() < 600) { hot(10000); await setImmediate(); }
for (let k = 0; k < 500; k++) hot(10000);
console.log(JSON.stringify({ short, busy: optimised() }));
`,
  );
  const r = spawnSync(process.execPath, ['--allow-natives-syntax', join(dir, 'run.mjs')], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(JSON.parse(r.stdout)).toEqual({ short: false, busy: true });
});

it('the built CLI starts that way', () => {
  expect(readFileSync(CLI, 'utf8')).toMatch(/optimiseWhenBusy\(\);/);
});
