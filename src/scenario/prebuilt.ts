// The shipped scenarios, loaded when the CLI is built and kept beside it as JSON: a command that
// needs the catalogue reads one file instead of parsing, validating and resolving the YAML (and
// hashing each rubric) on every run. The JSON names the build it was made by (the bundle's files) and
// every scenario and rubric file in the shipped folders, with a digest of its bytes; if the bundle is
// another, or a file changed, was added or went away since, it is not used and the files are loaded
// as they are.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeAtomic } from '../files.js';
import { decode } from '../decode.js';
import { PACKAGE_ROOT } from '../paths.js';
import { dataFiles, libraryPath, readParsed, SHIPPED_RUBRICS } from './load.js';
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
  /** The build that made it: the names of the bundle's files, which esbuild makes from their contents. */
  build: string;
  /** Every scenario and library file in the shipped folders, relative to the package root, with a digest of its bytes. */
  sources: { file: string; sha256: string }[];
  /** The resolved libraries, by file. */
  libraries: Record<string, RubricLibrary>;
  /** The resolved rubrics, by their hash: questions that share one share the object, as when loaded. */
  rubrics: Record<string, ResolvedRubric>;
  scenarios: { file: string; scenario: Scenario; rubrics: Record<string, string>; libraries: string[] }[];
}

/** The bundle's files by name: a chunk's name changes with what is in it, so another build of the code has other names. */
function buildOf(dist: string): string {
  let names: string[];
  try {
    names = readdirSync(dist).filter((n) => n.endsWith('.js'));
  } catch {
    return '';
  }
  return createHash('sha256').update(names.sort().join('\n')).digest('hex');
}

/** A JSON Schema beside the files (`npm run schema` writes them) is neither a scenario nor a library. */
const SCHEMA_FILE = /\.schema\.json$/i;

/** A file's path from the package root, with forward slashes whatever the system: the file built on one is read on another. */
const fromRoot = (root: string, file: string) => relative(root, file).split(sep).join('/');

/** The files the shipped scenarios can be made of, relative to `root`; a link counts as the file it points to, as when loading. */
const sourceFiles = (root: string, dirs: readonly string[]): string[] =>
  dirs
    .flatMap(dataFiles)
    .filter((f) => !SCHEMA_FILE.test(f))
    .map((f) => fromRoot(root, f));

const digestOf = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * The shipped catalogue as JSON: `loaded`, the catalogue of the shipped folder and the libraries it
 * used by path. `dirs` are the folders whose files are checked before it is read back; every file it is
 * made of must be in them, and so must every library any of their files uses.
 */
export function buildPrebuilt(
  root: string,
  loaded: { scenarios: readonly LoadedScenario[]; libraries: ReadonlyMap<string, RubricLibrary> },
  dirs: readonly string[],
  dist: string,
): string {
  const sources = sourceFiles(root, dirs);
  const checked = new Set(sources);
  const inside = (file: string, what: string) => {
    if (!checked.has(fromRoot(root, file))) throw new Error(`${what} ${file} is outside the folders whose files are checked`);
  };
  // Libraries used by libraries too: each file's own `uses`, so a change anywhere they lead is seen.
  for (const file of sources) {
    const data = readParsed(join(root, file), { fresh: true }).data as { uses?: unknown } | null;
    for (const ref of Array.isArray(data?.uses) ? data.uses : [])
      if (typeof ref === 'string') inside(libraryPath(join(root, file), ref), `a library that ${file} uses,`);
  }
  const pathOf = new Map([...loaded.libraries].map(([path, lib]) => [lib, fromRoot(root, path)]));
  const rubrics: Record<string, ResolvedRubric> = {};
  const prebuilt: Prebuilt = {
    format: FORMAT,
    build: buildOf(dist),
    sources: sources.map((file) => ({ file, sha256: digestOf(readFileSync(join(root, file))) })),
    libraries: Object.fromEntries([...loaded.libraries].map(([path, lib]) => [fromRoot(root, path), lib])),
    rubrics,
    scenarios: loaded.scenarios.map((s) => {
      inside(s.file, 'the scenario');
      return {
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
      };
    }),
  };
  return JSON.stringify(prebuilt);
}

/** Lines are for messages about a field: parsed, from the bytes checked, only when one is asked for. */
function linesOf(file: string, bytes: Uint8Array | undefined): (path: Path) => number | undefined {
  let lines: ((path: Path) => number | undefined) | undefined;
  return (p: Path) => (lines ??= bytes ? parseWithLines(file, decode(bytes).text).lineOf : () => undefined)(p);
}

/**
 * The bytes of every file in `dirs`, by path from the root, when they are what `data` was built from
 * and no file was added or taken away; undefined otherwise.
 */
function unchangedSources(data: Prebuilt, root: string, dirs: readonly string[]): Map<string, Uint8Array> | undefined {
  const files = sourceFiles(root, dirs);
  if (files.length !== data.sources.length || files.some((f, i) => data.sources[i]!.file !== f)) return undefined;
  const bytes = new Map<string, Uint8Array>();
  try {
    for (const { file, sha256 } of data.sources) {
      const read = readFileSync(join(root, file));
      if (digestOf(read) !== sha256) return undefined;
      bytes.set(file, read);
    }
  } catch {
    return undefined;
  }
  return bytes;
}

/**
 * What `text` holds, as loaded scenarios and their libraries by absolute path; undefined when it is
 * not whole, or (with `check`) when it was made by another build or the files in `check.dirs` are
 * not those it was made from. `bytes` are the files' bytes, checked before, for the lines of messages.
 */
export function readPrebuilt(
  text: string,
  root: string,
  check?: { dirs: readonly string[]; dist: string },
  bytes?: ReadonlyMap<string, Uint8Array>,
): { scenarios: LoadedScenario[]; libraries: Map<string, RubricLibrary>; bytes: ReadonlyMap<string, Uint8Array> } | undefined {
  try {
    const data = JSON.parse(text) as Prebuilt;
    if (!data || data.format !== FORMAT || !Array.isArray(data.sources) || !Array.isArray(data.scenarios)) return undefined;
    let checked = bytes ?? new Map<string, Uint8Array>();
    if (check) {
      if (data.build !== buildOf(check.dist)) return undefined;
      const unchanged = unchangedSources(data, root, check.dirs);
      if (!unchanged) return undefined;
      checked = unchanged;
    }
    const libraries = new Map(Object.entries(data.libraries).map(([file, lib]) => [join(root, file), lib]));
    const scenarios = data.scenarios.map((s): LoadedScenario => {
      const file = join(root, s.file);
      const rubrics = Object.fromEntries(
        Object.entries(s.rubrics).map(([id, hash]) => {
          const r = data.rubrics[hash];
          if (!r) throw new Error(`no rubric ${hash}`);
          return [id, r];
        }),
      );
      const used = s.libraries.map((l) => {
        const lib = libraries.get(join(root, l));
        if (!lib) throw new Error(`no library ${l}`);
        return lib;
      });
      return { file, scenario: s.scenario, rubrics, libraries: used, lineOf: linesOf(file, checked.get(s.file)) };
    });
    return { scenarios, libraries, bytes: checked };
  } catch {
    // Not whole, whatever the way: the files are loaded instead.
    return undefined;
  }
}

/** Only the built CLI reads it: run from the sources (the tests, a developer's edits), the files are loaded as they are. */
const BUNDLED = fileURLToPath(import.meta.url).startsWith(join(PACKAGE_ROOT, 'dist') + sep);

/** The built CLI's file once checked, and the bytes of the files it was checked against: read once a process. */
let checked: { text: string; bytes: ReadonlyMap<string, Uint8Array> } | null | undefined;

/** The shipped catalogue as built with the CLI, when this is the built CLI and the shipped files are as they were. */
export function prebuiltCatalog(builtInDir: string): { scenarios: LoadedScenario[]; libraries: Map<string, RubricLibrary> } | undefined {
  if (!BUNDLED || checked === null) return undefined;
  if (checked === undefined) {
    let text: string;
    try {
      text = readFileSync(PREBUILT_FILE, 'utf8');
    } catch {
      checked = null;
      return undefined;
    }
    const first = readPrebuilt(text, PACKAGE_ROOT, { dirs: [builtInDir, SHIPPED_RUBRICS], dist: dirname(PREBUILT_FILE) });
    checked = first ? { text, bytes: first.bytes } : null;
    return first;
  }
  // Read again for each catalogue, as loading gives each its own objects; the files were checked once.
  return readPrebuilt(checked.text, PACKAGE_ROOT, undefined, checked.bytes);
}

/** Writes the built CLI's file: run by `npm run bundle`, with the catalogue of the shipped folder loaded afresh. */
export function writePrebuilt(
  builtInDir: string,
  loaded: { scenarios: readonly LoadedScenario[]; libraries: ReadonlyMap<string, RubricLibrary> },
): void {
  writeAtomic(PREBUILT_FILE, buildPrebuilt(PACKAGE_ROOT, loaded, [builtInDir, SHIPPED_RUBRICS], dirname(PREBUILT_FILE)));
}
