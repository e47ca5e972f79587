// Shared test helpers: the built CLI as a user runs it, and the shipped scenarios.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { main } from '../src/main.js';
import { findScenario } from '../src/scenario/catalog.js';
import { captureIO } from './support/capture-io.js';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
export const fixture = (p: string) => fileURLToPath(new URL(`./fixtures/${p}`, import.meta.url));

/** A data folder for the CLI runs of the test files in this worker, so tests never write to the real one; a test that counts what is in a data folder makes its own. */
const TEST_HOME = mkdtempSync(join(tmpdir(), 'rehearse-test-home-'));

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function rehearse(args: string[], opts: { input?: string; env?: NodeJS.ProcessEnv; cwd?: string } = {}): Run {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    input: opts.input ?? '',
    encoding: 'utf8',
    cwd: opts.cwd ?? ROOT,
    env: { ...process.env, REHEARSE_HOME: TEST_HOME, NO_COLOR: '1', ...opts.env },
    // Under the test timeout: a loaded machine can take a while to grade a folder of transcripts.
    timeout: 45_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * The CLI's `main` run in this process, as `rehearse` runs the built CLI but without starting one:
 * for a test of what a command prints and returns. What only a process shows (signals, pipes, the
 * terminal, the bundle itself) is tested through `rehearse`.
 */
export async function rehearseHere(args: string[], opts: { input?: string; env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<Run> {
  const io = captureIO(opts.input ?? '');
  // A pipe, as in `rehearse`: 80 columns, and the parse cache of the shared data folder.
  io.columns = 80;
  io.env = {
    REHEARSE_HOME: TEST_HOME,
    // The run's shared cache folder (test/support/shared-cache.ts), as a spawned rehearse inherits it.
    ...(process.env.REHEARSE_CACHE_DIR ? { REHEARSE_CACHE_DIR: process.env.REHEARSE_CACHE_DIR } : {}),
    NO_COLOR: '1',
    ...opts.env,
  };
  // Where an .env is looked for; file arguments are still relative to the repository, as the tests run there.
  io.cwd = opts.cwd ?? ROOT;
  const code = await main(args, io);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

export function rubricOf(scenario: string, question: string) {
  const loaded = findScenario(scenario);
  const rubric = loaded.rubrics[question];
  if (!rubric) throw new Error(`no question ${question} in ${scenario}`);
  return rubric;
}

/** The CLI run without blocking this process, for tests that serve it something meanwhile. */
export function rehearseAsync(args: string[], opts: { input?: string; env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: opts.cwd ?? ROOT,
      env: { ...process.env, REHEARSE_HOME: TEST_HOME, NO_COLOR: '1', ...opts.env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(opts.input ?? '');
  });
}

/**
 * Fails when a command's standard error shows a stack trace or an internal error (a TypeError, a
 * worker's crash, a string too long to make) where the user should get a one-line message.
 */
export const noTrace = (text: string) =>
  expect(text).not.toMatch(/\n\s+at |Error: .*\n.*at |TypeError|RangeError|ERR_WORKER|unexpected error|Cannot create a string/);

/** A fresh data folder with an empty scenarios/ folder in it, for a user's own scenario and rubric files. */
export function userHome(prefix: string): { home: string; dir: string } {
  const home = mkdtempSync(join(tmpdir(), prefix));
  const dir = join(home, 'scenarios');
  mkdirSync(dir);
  return { home, dir };
}
