// The shipped scenarios kept beside the built CLI: read back, they are what loading the files gives;
// the built CLI uses them only while the shipped files are as they were built from.
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_DIR, loadCatalog, scenarioFiles } from '../../src/scenario/catalog.js';
import { SHIPPED_RUBRICS } from '../../src/scenario/load.js';
import { buildPrebuilt, PREBUILT_FILE, readPrebuilt } from '../../src/scenario/prebuilt.js';
import { ROOT } from '../helpers.js';

const DIRS = [BUILT_IN_DIR, SHIPPED_RUBRICS];
/** What a catalogue holds, without the functions. */
const plain = (catalog: { file: string; scenario: unknown; rubrics: unknown; libraries: unknown }[]) =>
  catalog.map(({ file, scenario, rubrics, libraries }) => ({ file, scenario, rubrics, libraries }));

/** A copy of the shipped folders in a folder of its own, to change. */
function copyOfShipped(): string {
  const root = mkdtempSync(join(tmpdir(), 'rehearse-prebuilt-'));
  cpSync(BUILT_IN_DIR, join(root, 'scenarios'), { recursive: true });
  return root;
}
const dirsIn = (root: string) => [join(root, 'scenarios'), join(root, 'scenarios', 'rubrics')];
const buildIn = (root: string) => buildPrebuilt(root, scenarioFiles(join(root, 'scenarios')), dirsIn(root));

describe('the shipped catalogue, built ahead', () => {
  it('reads back as loading the files gives it: every scenario, rubric (with its hash) and library', () => {
    const text = buildPrebuilt(ROOT, scenarioFiles(BUILT_IN_DIR), DIRS);
    const read = readPrebuilt(text, ROOT, DIRS)!;
    expect(read).toBeDefined();
    expect(plain(read.scenarios)).toEqual(plain(loadCatalog()));
    // Questions on one rubric share the object, as when loaded: its matchers are compiled once.
    for (const s of read.scenarios) {
      const byHash = new Map<string, unknown>();
      for (const r of Object.values(s.rubrics)) {
        if (byHash.has(r.hash)) expect(byHash.get(r.hash)).toBe(r);
        byHash.set(r.hash, r);
      }
    }
    // A line for a message about a field is still there, read from the file when asked for.
    expect(read.scenarios[0]!.lineOf(['questions', 0, 'prompt'])).toBe(loadCatalog()[0]!.lineOf(['questions', 0, 'prompt']));
  });

  it('the build made it from the shipped files as they are', () => {
    expect(readPrebuilt(readFileSync(PREBUILT_FILE, 'utf8'), ROOT, DIRS)).toBeDefined();
  });

  it.each([
    ['a scenario changed', (root: string) => appendFileSync(join(root, 'scenarios', 'fintech.yaml'), '\n# changed\n')],
    ['a library changed', (root: string) => appendFileSync(join(root, 'scenarios', 'rubrics', 'pm.yaml'), '\n# changed\n')],
    ['a scenario added', (root: string) => cpSync(join(root, 'scenarios', 'saas.yaml'), join(root, 'scenarios', 'saas-copy.yaml'))],
    ['a scenario taken away', (root: string) => rmSync(join(root, 'scenarios', 'saas.yaml'))],
  ])('is not used once %s', (_, change) => {
    const root = copyOfShipped();
    const text = buildIn(root);
    expect(readPrebuilt(text, root, dirsIn(root))).toBeDefined();
    change(root);
    expect(readPrebuilt(text, root, dirsIn(root))).toBeUndefined();
  });

  it('is not used when it is not whole, or of another format', () => {
    const root = copyOfShipped();
    const text = buildIn(root);
    expect(readPrebuilt(text.slice(0, text.length / 2), root, dirsIn(root))).toBeUndefined();
    expect(readPrebuilt(text.replace('rehearse-shipped-catalog/', 'rehearse-shipped-catalogs/'), root, dirsIn(root))).toBeUndefined();
  });
});

describe('the built CLI', () => {
  // A copy of the package (its package.json, the bundle and the shipped scenarios), whose scenario file is then edited.
  it('serves the scenarios it was built with, and an edited shipped scenario as it now is', () => {
    const pkg = mkdtempSync(join(tmpdir(), 'rehearse-package-'));
    cpSync(join(ROOT, 'package.json'), join(pkg, 'package.json'));
    cpSync(join(ROOT, 'dist'), join(pkg, 'dist'), { recursive: true });
    cpSync(BUILT_IN_DIR, join(pkg, 'scenarios'), { recursive: true });
    const show = () =>
      spawnSync(process.execPath, [join(pkg, 'dist', 'cli.js'), 'scenarios', 'show', 'fintech'], {
        encoding: 'utf8',
        env: { ...process.env, REHEARSE_HOME: mkdtempSync(join(tmpdir(), 'rehearse-home-')), NO_COLOR: '1' },
      });
    const before = show();
    expect(before.status).toBe(0);
    expect(before.stdout).toContain('what is the most important KPI for our product?');
    // What it serves comes from the file built with it, while the shipped files are unchanged.
    const built = join(pkg, 'dist', 'shipped-catalog.json');
    writeFileSync(
      built,
      readFileSync(built, 'utf8').replace('what is the most important KPI for our product?', 'what does the build say?'),
    );
    expect(show().stdout).toContain('what does the build say?');
    const file = join(pkg, 'scenarios', 'fintech.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('what is the most important KPI for our product?', 'which one number matters most to us?'),
    );
    const after = show();
    expect(after.stderr).toBe('');
    expect(after.stdout).toContain('which one number matters most to us?');
    expect(after.stdout).not.toContain('what is the most important KPI for our product?');
  });
});
