// Finds scenarios: the ones rehearse ships, and any file a user names.
import { basename, join, resolve } from 'node:path';
import { InvalidFileError, UsageError } from '../errors.js';
import { PACKAGE_ROOT } from '../paths.js';
import type { LoadedScenario } from './loaded.js';
import { DATA_FILE, dataFiles, isLibraryData, loadScenario, readParsed, type ReadOptions } from './load.js';
import { prebuiltCatalog } from './prebuilt.js';
import type { RubricLibrary } from './schema.js';

export const BUILT_IN_DIR = join(PACKAGE_ROOT, 'scenarios');

/** The scenario files of a folder, in the order a catalogue lists them. */
export const scenarioFiles = dataFiles;

export interface CatalogOptions extends ReadOptions {
  /** The folders holding scenarios; the shipped folder unless given. */
  dirs?: readonly string[];
  /**
   * The user's own scenarios folder, read after the others. A file there that does not load, or
   * that reuses an id, is skipped and reported to `onSkip`: one bad file must not stop the rest.
   */
  userDir?: string;
  onSkip?: (file: string, reason: string) => void;
}

/** Every scenario in the folders, in file order; a duplicate id is an error naming both files. */
export function loadCatalog(options: CatalogOptions = {}): LoadedScenario[] {
  return loadCatalogAndLibraries(options).scenarios;
}

/** The catalog, and the rubric libraries its scenarios use by absolute path (a shipped one is `libraryPath(…, 'rehearse:pm')`). */
export function loadCatalogAndLibraries(options: CatalogOptions = {}): {
  scenarios: LoadedScenario[];
  libraries: ReadonlyMap<string, RubricLibrary>;
} {
  const libraries = new Map<string, RubricLibrary>();
  const seen = new Map<string, string>();
  const out: LoadedScenario[] = [];
  const add = (file: string, own: boolean) => {
    let loaded: LoadedScenario;
    try {
      // A rubric library kept beside the scenarios is not a scenario that failed to load.
      if (own && isLibraryData(readParsed(file, options).data)) return;
      loaded = loadScenario(file, { ...options, libraries });
    } catch (e) {
      if (!own || !(e instanceof InvalidFileError)) throw e;
      const first = e.issues[0]!;
      options.onSkip?.(file, `${first.line ? `line ${first.line}: ` : ''}${first.path ? `${first.path}: ` : ''}${first.message}`);
      return;
    }
    const before = seen.get(loaded.scenario.id);
    if (before) {
      const message = `duplicate scenario id "${loaded.scenario.id}" (also in ${before})`;
      if (own) return options.onSkip?.(file, `line ${loaded.lineOf(['id']) ?? 1}: ${message}; give it another id`);
      throw new InvalidFileError([{ file, line: loaded.lineOf(['id']), path: 'id', message }]);
    }
    seen.set(loaded.scenario.id, file);
    out.push(loaded);
  };
  // The shipped scenarios as the built CLI keeps them, when their files are as they were built from.
  const prebuilt = options.dirs || options.fresh ? undefined : prebuiltCatalog(BUILT_IN_DIR);
  if (prebuilt) {
    for (const s of prebuilt.scenarios) {
      seen.set(s.scenario.id, s.file);
      out.push(s);
    }
    for (const [path, lib] of prebuilt.libraries) libraries.set(path, lib);
  } else for (const file of (options.dirs ?? [BUILT_IN_DIR]).flatMap(scenarioFiles)) add(file, false);
  if (options.userDir) for (const file of scenarioFiles(options.userDir)) add(file, true);
  return { scenarios: out, libraries };
}

/**
 * A scenario by id from the catalog, or by path when the argument names a file. `catalog` is one
 * loaded already, so a command that needs both the list and one scenario reads the files once.
 */
export function findScenario(idOrPath: string, options: CatalogOptions & { catalog?: LoadedScenario[] } = {}): LoadedScenario {
  if (DATA_FILE.test(idOrPath) || idOrPath.includes('/')) return loadScenario(resolve(idOrPath), options);
  const catalog = options.catalog ?? loadCatalog(options);
  const found = catalog.find((s) => s.scenario.id === idOrPath);
  if (!found) {
    // A file of the user's named as the scenario asked for is the one meant: it did not load (and
    // was reported as skipped), or it gives its scenario another id.
    const named = options.userDir ? scenarioFiles(options.userDir).find((f) => basename(f).replace(DATA_FILE, '') === idOrPath) : undefined;
    if (named) {
      const other = catalog.find((s) => resolve(s.file) === resolve(named));
      if (other) throw new UsageError(`unknown scenario "${idOrPath}": ${named} holds the scenario "${other.scenario.id}"`);
      // A rubric library kept beside the scenarios is passed over without a word: it is no scenario.
      let library = false;
      try {
        library = isLibraryData(readParsed(named, options).data);
      } catch {
        // It does not parse: said above, as it was skipped.
      }
      throw new UsageError(
        library
          ? `unknown scenario "${idOrPath}": ${named} is a rubric library, not a scenario`
          : `scenario "${idOrPath}": ${named} does not load (its first problem is said above); fix it and try again`,
      );
    }
    const ids = catalog.map((s) => s.scenario.id).join(', ');
    throw new UsageError(`unknown scenario "${idOrPath}"; the scenarios are: ${ids} (or give a path to a scenario file)`);
  }
  return found;
}
