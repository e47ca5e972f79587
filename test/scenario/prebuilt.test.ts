// The shipped scenarios kept beside the built CLI: read back, they are what loading the files gives;
// the built CLI uses them only while the shipped files are as they were built from.
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_DIR, loadCatalog, loadCatalogAndLibraries } from '../../src/scenario/catalog.js';
import { SHIPPED_RUBRICS } from '../../src/scenario/load.js';
import { buildPrebuilt, PREBUILT_FILE, readPrebuilt } from '../../src/scenario/prebuilt.js';
import { ROOT } from '../helpers.js';

const DIRS = [BUILT_IN_DIR, SHIPPED_RUBRICS];
/** Where the build's files would be: none in these tests, so every build reads as the same one. */
const NO_BUILD = join(tmpdir(), 'rehearse-no-build');
/** What a catalogue holds, without the functions. */
const plain = (catalog: { file: string; scenario: unknown; rubrics: unknown; libraries: unknown }[]) =>
  catalog.map(({ file, scenario, rubrics, libraries }) => ({ file, scenario, rubrics, libraries }));
const loadedFrom = (dir: string) => loadCatalogAndLibraries({ dirs: [dir], fresh: true });

/** A copy of the shipped folders in a folder of its own, to change. */
function copyOfShipped(): string {
  const root = mkdtempSync(join(tmpdir(), 'rehearse-prebuilt-'));
  cpSync(BUILT_IN_DIR, join(root, 'scenarios'), { recursive: true });
  return root;
}
const checkIn = (root: string, dist = NO_BUILD) => ({ dirs: [join(root, 'scenarios'), join(root, 'scenarios', 'rubrics')], dist });
const buildIn = (root: string, dist = NO_BUILD) => buildPrebuilt(root, loadedFrom(join(root, 'scenarios')), checkIn(root).dirs, dist);

describe('the shipped catalogue, built ahead', () => {
  it('reads back as loading the files gives it: every scenario, rubric (with its hash) and library', () => {
    const text = buildPrebuilt(ROOT, loadedFrom(BUILT_IN_DIR), DIRS, NO_BUILD);
    const read = readPrebuilt(text, ROOT, { dirs: DIRS, dist: NO_BUILD })!;
    expect(read).toBeDefined();
    expect(plain(read.scenarios)).toStrictEqual(plain(loadCatalog()));
    // A line for a message about a field is still there, read from the bytes that were checked.
    expect(read.scenarios[0]!.lineOf(['questions', 0, 'prompt'])).toBe(loadCatalog()[0]!.lineOf(['questions', 0, 'prompt']));
  });

  it('questions on one rubric share the object, as when loaded: its phrase lists are compiled once', () => {
    const data = JSON.parse(buildPrebuilt(ROOT, loadedFrom(BUILT_IN_DIR), DIRS, NO_BUILD)) as {
      scenarios: { rubrics: Record<string, string> }[];
    };
    const [first, second] = Object.keys(data.scenarios[0]!.rubrics);
    data.scenarios[0]!.rubrics[second!] = data.scenarios[0]!.rubrics[first!]!;
    const rubrics = readPrebuilt(JSON.stringify(data), ROOT)!.scenarios[0]!.rubrics;
    expect(rubrics[second!]).toBe(rubrics[first!]);
  });

  it('the build made it from the shipped files as they are, and names the build', () => {
    expect(readPrebuilt(readFileSync(PREBUILT_FILE, 'utf8'), ROOT, { dirs: DIRS, dist: dirname(PREBUILT_FILE) })).toBeDefined();
    // Another bundle (esbuild run again on changed code names its chunks anew) does not read it.
    expect(readPrebuilt(readFileSync(PREBUILT_FILE, 'utf8'), ROOT, { dirs: DIRS, dist: NO_BUILD })).toBeUndefined();
  });

  it.each([
    ['a scenario changed', (root: string) => appendFileSync(join(root, 'scenarios', 'fintech.yaml'), '\n# changed\n')],
    ['a library changed', (root: string) => appendFileSync(join(root, 'scenarios', 'rubrics', 'pm.yaml'), '\n# changed\n')],
    ['a scenario added', (root: string) => cpSync(join(root, 'scenarios', 'saas.yaml'), join(root, 'scenarios', 'saas-copy.yaml'))],
    [
      'a scenario added as a link',
      (root: string) => symlinkSync(join(root, 'scenarios', 'saas.yaml'), join(root, 'scenarios', 'saas-link.yaml')),
    ],
    ['a scenario taken away', (root: string) => rmSync(join(root, 'scenarios', 'saas.yaml'))],
    ['the code rebuilt', (root: string) => writeFileSync(join(root, 'dist', 'chunk-NEW.js'), '')],
  ])('is not used once %s', (_, change) => {
    const root = copyOfShipped();
    mkdirSync(join(root, 'dist'));
    writeFileSync(join(root, 'dist', 'cli.js'), '');
    const text = buildIn(root, join(root, 'dist'));
    expect(readPrebuilt(text, root, checkIn(root, join(root, 'dist')))).toBeDefined();
    change(root);
    expect(readPrebuilt(text, root, checkIn(root, join(root, 'dist')))).toBeUndefined();
  });

  it('a JSON Schema written beside the rubrics (npm run schema) does not stop it being used', () => {
    const root = copyOfShipped();
    const text = buildIn(root);
    appendFileSync(join(root, 'scenarios', 'rubrics', 'rubrics.schema.json'), '\n');
    expect(readPrebuilt(text, root, checkIn(root))).toBeDefined();
  });

  it('is not used when it is not whole, or of another format', () => {
    const root = copyOfShipped();
    const text = buildIn(root);
    expect(readPrebuilt(text.slice(0, text.length / 2), root, checkIn(root))).toBeUndefined();
    expect(readPrebuilt(text.replace('rehearse-shipped-catalog/', 'rehearse-shipped-catalogs/'), root, checkIn(root))).toBeUndefined();
    const data = JSON.parse(text) as Record<string, unknown>;
    expect(readPrebuilt(JSON.stringify({ ...data, rubrics: undefined }), root, checkIn(root))).toBeUndefined();
  });

  it('refuses to build from a library outside the folders it checks', () => {
    const root = copyOfShipped();
    mkdirSync(join(root, 'elsewhere'));
    cpSync(join(root, 'scenarios', 'rubrics', 'pm.yaml'), join(root, 'elsewhere', 'pm.yaml'));
    const file = join(root, 'scenarios', 'fintech.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('  - rubrics/pm.yaml', '  - ../elsewhere/pm.yaml'));
    expect(() => buildIn(root)).toThrow(/outside the folders whose files are checked/);
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
    // The same for the shipped rubric library: a criterion's new title is on the score card.
    const library = join(pkg, 'scenarios', 'rubrics', 'pm.yaml');
    writeFileSync(library, readFileSync(library, 'utf8').replace('title: Chooses one precise KPI', 'title: Commits to one KPI'));
    const card = spawnSync(process.execPath, [join(pkg, 'dist', 'cli.js'), 'score', '--scenario', 'fintech', '--question', 'north-star'], {
      encoding: 'utf8',
      input: 'Weekly active merchants, because they pay.',
      env: { ...process.env, REHEARSE_HOME: mkdtempSync(join(tmpdir(), 'rehearse-home-')), NO_COLOR: '1' },
    });
    expect(card.stdout).toContain('Commits to one KPI');
  });
});
