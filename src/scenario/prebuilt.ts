// The shipped scenarios, loaded when the CLI is built and kept beside it as JSON: a command that
// needs the catalogue reads one file instead of parsing, validating and resolving the YAML (and
// hashing each rubric) on every run. The JSON names every file in the shipped scenario folders with
// a digest of its bytes; if any of them changed, was added or went away since the build, it is not
// used and the files are loaded as they are.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeAtomic } from '../files.js';
import { readInput } from '../input.js';
import { PACKAGE_ROOT } from '../paths.js';
import { loadScenario, SHIPPED_RUBRICS } from './load.js';
import type { LoadedScenario } from './loaded.js';
import { parseWithLines } from './parse.js';
import type { Path } from './path.js';
import type { ResolvedRubric } from './rubric.js';
import type { RubricLibrary, Scenario } from './schema.js';

/** Changes whenever what the file holds, or how it is read back, changes. */
const FORMAT = 'rehearse-shipped-catalog/v1';

/** Where the built CLI keeps it: in dist/, made by each build. */
export const PREBUILT_FILE = join(PACKAGE_ROOT, 'dist', 'shipped-catalog.json');

interface Prebuilt {
  format: string;
  /** Every scenario and library file in the shipped folders, relative to the package root, with a digest of its bytes. */
  sources: { file: string; sha256: string }[];
  /** The resolved libraries, by file. */
  libraries: Record<string, RubricLibrary>;
  /** The resolved rubrics, by their hash: questions that share one share the object, as when loaded. */
  rubrics: Record<string, ResolvedRubric>;
  scenarios: { file: string; scenario: Scenario; rubrics: Record<string, string>; libraries: string[] }[];
}

const SOURCE_FILE = /\.(?:ya?ml|json)$/i;

/** A file's path from the package root, with forward slashes whatever the system: the file built on one is read on another. */
const fromRoot = (root: string, file: string) => relative(root, file).split(sep).join('/');

/** The files the shipped scenarios can be made of, relative to `root`: the scenario folder's and the rubric folder's. */
function sourceFiles(root: string, dirs: readonly string[]): string[] {
  return dirs.flatMap((dir) => {
    let names: string[];
    try {
      names = readdirSync(dir, { withFileTypes: true })
        .filter((e) => e.isFile() && SOURCE_FILE.test(e.name))
        .map((e) => e.name);
    } catch {
      return [];
    }
    return names.sort().map((n) => fromRoot(root, join(dir, n)));
  });
}

const digestOf = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/**
 * The shipped catalogue as JSON, from `scenarioFiles` (in the order a catalogue lists them) and the
 * libraries they use; `dirs` are the folders whose files are checked before it is read back, and
 * must hold every file it is made of (the shipped scenarios use the shipped libraries only).
 */
export function buildPrebuilt(root: string, scenarioFiles: readonly string[], dirs: readonly string[]): string {
  const libraries = new Map<string, RubricLibrary>();
  const loaded = scenarioFiles.map((file) => loadScenario(file, { libraries, fresh: true }));
  const pathOf = new Map([...libraries].map(([path, lib]) => [lib, fromRoot(root, path)]));
  const rubrics: Record<string, ResolvedRubric> = {};
  const prebuilt: Prebuilt = {
    format: FORMAT,
    sources: sourceFiles(root, dirs).map((file) => ({ file, sha256: digestOf(join(root, file)) })),
    libraries: Object.fromEntries([...libraries].map(([path, lib]) => [fromRoot(root, path), lib])),
    rubrics,
    scenarios: loaded.map((s) => ({
      file: fromRoot(root, s.file),
      scenario: s.scenario,
      rubrics: Object.fromEntries(
        Object.entries(s.rubrics).map(([id, r]) => {
          rubrics[r.hash] = r;
          return [id, r.hash];
        }),
      ),
      libraries: s.libraries.map((lib) => {
        const path = pathOf.get(lib);
        if (path === undefined) throw new Error(`${s.file}: a library it uses was not loaded from a file`);
        return path;
      }),
    })),
  };
  // Read back only while the files it was made of are unchanged: each must be one of those checked.
  const checked = new Set(prebuilt.sources.map((x) => x.file));
  for (const file of [...prebuilt.scenarios.map((s) => s.file), ...Object.keys(prebuilt.libraries)])
    if (!checked.has(file)) throw new Error(`${file} is outside the folders whose files are checked`);
  return JSON.stringify(prebuilt);
}

/** Lines are for messages about a field: read, like the YAML they come from, only when one is asked for. */
function linesOf(file: string): (path: Path) => number | undefined {
  let lines: ((path: Path) => number | undefined) | undefined;
  return (p: Path) => {
    if (!lines) {
      const input = readInput(file, 'scenario');
      lines = input.ok ? parseWithLines(file, input.text).lineOf : () => undefined;
    }
    return lines(p);
  };
}

/** Whether every file in `dirs` is as it was when `data` was built, and no file was added or taken away. */
function sourcesUnchanged(data: Prebuilt, root: string, dirs: readonly string[]): boolean {
  const files = sourceFiles(root, dirs);
  if (files.length !== data.sources.length || files.some((f, i) => data.sources[i]!.file !== f)) return false;
  try {
    return data.sources.every(({ file, sha256 }) => digestOf(join(root, file)) === sha256);
  } catch {
    return false;
  }
}

/**
 * What `text` holds, as loaded scenarios and their libraries by absolute path; undefined when it is
 * not whole, or (with `dirs`) when the files in them are not those it was built from.
 */
export function readPrebuilt(
  text: string,
  root: string,
  dirs?: readonly string[],
): { scenarios: LoadedScenario[]; libraries: Map<string, RubricLibrary> } | undefined {
  let data: Prebuilt;
  try {
    data = JSON.parse(text) as Prebuilt;
  } catch {
    return undefined;
  }
  if (!data || data.format !== FORMAT || !Array.isArray(data.sources) || !Array.isArray(data.scenarios)) return undefined;
  if (dirs && !sourcesUnchanged(data, root, dirs)) return undefined;
  const libraries = new Map(Object.entries(data.libraries).map(([file, lib]) => [join(root, file), lib]));
  const scenarios = data.scenarios.map((s): LoadedScenario => {
    const file = join(root, s.file);
    return {
      file,
      scenario: s.scenario,
      rubrics: Object.fromEntries(Object.entries(s.rubrics).map(([id, hash]) => [id, data.rubrics[hash]!])),
      libraries: s.libraries.map((l) => libraries.get(join(root, l))!),
      lineOf: linesOf(file),
    };
  });
  return { scenarios, libraries };
}

/** Only the built CLI reads it: run from the sources (the tests, a developer's edits), the files are loaded as they are. */
const BUNDLED = fileURLToPath(import.meta.url).startsWith(join(PACKAGE_ROOT, 'dist') + sep);

/** The checked text of the built CLI's file, read once a process; each catalogue gets its own objects from it. */
let checked: string | null | undefined;

/** The shipped catalogue as built with the CLI, when this is the built CLI and the shipped files are as they were. */
export function prebuiltCatalog(builtInDir: string): { scenarios: LoadedScenario[]; libraries: Map<string, RubricLibrary> } | undefined {
  if (!BUNDLED) return undefined;
  if (checked === null) return undefined;
  if (checked === undefined) {
    let text: string;
    try {
      text = readFileSync(PREBUILT_FILE, 'utf8');
    } catch {
      checked = null;
      return undefined;
    }
    const first = readPrebuilt(text, PACKAGE_ROOT, [builtInDir, SHIPPED_RUBRICS]);
    checked = first ? text : null;
    return first;
  }
  // Read again for each catalogue, as loading gives each its own objects; the files were checked once.
  return readPrebuilt(checked, PACKAGE_ROOT);
}

/** Writes the built CLI's file: run by `npm run bundle`. */
export function writePrebuilt(builtInDir: string, scenarioFiles: readonly string[]): void {
  writeAtomic(PREBUILT_FILE, buildPrebuilt(PACKAGE_ROOT, scenarioFiles, [builtInDir, SHIPPED_RUBRICS]));
}
