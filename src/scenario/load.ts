// Reads scenario and rubric library files from disk into validated, fully resolved scenarios.
import { readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { InvalidFileError, MissingFileError, type FileIssue } from '../errors.js';
import { PACKAGE_ROOT } from '../paths.js';
import { readInput } from '../input.js';
import { parseWith, type CachedParse, type ParseCache } from './cache.js';
import { resolveQuestions, type LoadedScenario } from './loaded.js';
import { issueAt, issuesIn, validate, type ParsedFile } from './parse.js';
import { libraryRegexes, scenarioRegexes, slowRegexes } from './regex.js';
import { checkLibrary, checkRubricPhrases, composeLibrary, type ResolvedRubric } from './rubric.js';
import { RubricLibrary, Scenario } from './schema.js';

/** Scenario and rubric files: YAML or JSON. */
export const DATA_FILE = /\.(?:ya?ml|json)$/i;

/**
 * The scenario and rubric files in a folder, by name, with their paths: files only, a link counting
 * as the file it points to (one that points nowhere is not a file); none when the folder cannot be read.
 */
export function dataFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((n) => DATA_FILE.test(n))
    .sort()
    .map((n) => join(dir, n))
    .filter((f) => {
      try {
        return statSync(f).isFile();
      } catch {
        return false;
      }
    });
}

export interface ReadOptions {
  /** Parsed files kept between runs; none, and only what this process parsed before is kept. */
  cache?: ParseCache;
  /** Parse the file now, whatever was kept. */
  fresh?: boolean;
}

/** A scenario or rubric file, read by the input policy (size, binary, UTF-8 or UTF-16 only) and parsed. */
export function readParsed(file: string, options: ReadOptions = {}): ParsedFile & Partial<CachedParse> {
  const input = readInput(file, 'scenario');
  if (!input.ok) {
    if (input.problem === 'missing') throw new MissingFileError(file, input.reason);
    throw new InvalidFileError([{ file, ...(input.line === undefined ? {} : { line: input.line }), path: '', message: input.message }]);
  }
  return parseWith(options.cache, file, input.text, options.fresh);
}

/**
 * What `build` makes of a file's parse. The parse is kept in the cache only once `build` has
 * succeeded; a cached parse that `build` finds wrong is dropped and the file parsed again, so a
 * message is always about the file as it is, never about a damaged cache entry.
 */
function fromFile<T>(file: string, options: ReadOptions, build: (parsed: ParsedFile) => T): T {
  const parsed = readParsed(file, options);
  let built: T;
  try {
    built = build(parsed);
  } catch (e) {
    if (!parsed.fromCache || !(e instanceof InvalidFileError)) throw e;
    parsed.forget?.();
    return build(readParsed(file, { ...options, fresh: true }));
  }
  parsed.remember?.();
  return built;
}

export function loadLibrary(file: string, options: ReadOptions = {}, loading: readonly string[] = []): RubricLibrary {
  return fromFile(file, options, (parsed) => libraryFrom(file, parsed, options, loading));
}

function libraryFrom(file: string, parsed: ParsedFile, options: ReadOptions, loading: readonly string[]): RubricLibrary {
  const own = validate(RubricLibrary, parsed);
  const { used, issues } = loadUsed(file, parsed, own.uses, (path) => {
    if (path === file || loading.includes(path)) return 'circle';
    return loadLibrary(path, options, [...loading, file]);
  });
  if (issues.length) throw new InvalidFileError(issues);
  const { library, issues: clashes } = composeLibrary(own, used);
  const found = issuesIn(parsed, [
    ...clashes,
    ...checkRubricPhrases(own),
    ...checkLibrary(library),
    ...(isShipped(file) ? [] : slowRegexes(libraryRegexes(own))),
  ]);
  if (found.length) throw new InvalidFileError(found);
  return library;
}

/**
 * The libraries a file's `uses` names, each loaded by `load` (or refused as a circle); a missing
 * one is an issue at its entry, a broken one brings its own issues.
 */
function loadUsed(file: string, parsed: ParsedFile, uses: readonly string[], load: (path: string) => RubricLibrary | 'circle') {
  const used: RubricLibrary[] = [];
  const issues: FileIssue[] = [];
  uses.forEach((ref, i) => {
    const path = libraryPath(file, ref);
    try {
      const lib = load(path);
      if (lib === 'circle')
        issues.push(issueAt(parsed, ['uses', i], `${ref} uses this library in turn; libraries cannot use each other in a circle`));
      else used.push(lib);
    } catch (e) {
      if (e instanceof MissingFileError && e.file === path) issues.push(issueAt(parsed, ['uses', i], `rubric file not found: ${ref}`));
      else if (e instanceof InvalidFileError) issues.push(...e.issues);
      else throw e;
    }
  });
  return { used, issues };
}

/** True when parsed data looks like a rubric library rather than a scenario. */
export function isLibraryData(data: unknown): boolean {
  return !!data && typeof data === 'object' && 'rubrics' in data && !('questions' in data);
}

export interface ScenarioReadOptions extends ReadOptions {
  /** Libraries already loaded, by absolute path: scenarios that share one read it once. */
  libraries?: Map<string, RubricLibrary>;
}

/** The rubric libraries rehearse ships, named `rehearse:<name>` from anywhere. */
export const SHIPPED_RUBRICS = join(PACKAGE_ROOT, 'scenarios', 'rubrics');

/**
 * Files rehearse ships: the tests check their regular expressions, so the slower check of how a
 * pattern backtracks is left for the files users write.
 */
const isShipped = (file: string) => file.startsWith(join(PACKAGE_ROOT, 'scenarios') + sep);

/**
 * Where a scenario's `uses` entry points: `rehearse:pm` is a shipped library by name, wherever
 * rehearse is installed; anything else is a path relative to the scenario file.
 */
export function libraryPath(scenarioFile: string, ref: string): string {
  const shipped = /^rehearse:([\w-]+)$/.exec(ref);
  return shipped ? join(SHIPPED_RUBRICS, `${shipped[1]}.yaml`) : resolve(dirname(scenarioFile), ref);
}

export function loadScenario(file: string, options: ScenarioReadOptions = {}): LoadedScenario {
  return fromFile(file, options, (parsed) => scenarioFrom(file, parsed, options));
}

function scenarioFrom(file: string, parsed: ParsedFile, options: ScenarioReadOptions): LoadedScenario {
  const libraries = options.libraries ?? new Map<string, RubricLibrary>();
  const scenario = validate(Scenario, parsed);
  const { used, issues } = loadUsed(file, parsed, scenario.uses, (path) => {
    let lib = libraries.get(path);
    if (!lib) {
      lib = loadLibrary(path, options);
      libraries.set(path, lib);
    }
    return lib;
  });
  if (issues.length) throw new InvalidFileError(issues);

  const { rubrics, issues: resolved } = resolveQuestions(scenario, used);
  const found = [...resolved, ...(isShipped(file) ? [] : slowRegexes(scenarioRegexes(scenario)))];
  if (found.length) throw new InvalidFileError(issuesIn(parsed, found));
  return { file, scenario, rubrics: shareRubrics(rubrics), libraries: used, lineOf: parsed.lineOf };
}

/**
 * Questions that resolve to the same rubric get one object. The scorer compiles a rubric's
 * matchers once per object and keeps them while the object lives, so a thousand questions on
 * five rubrics would otherwise build (and hold) a thousand phrase indexes.
 */
function shareRubrics(rubrics: Record<string, ResolvedRubric>): Record<string, ResolvedRubric> {
  const byHash = new Map<string, ResolvedRubric>();
  const shared: Record<string, ResolvedRubric> = {};
  for (const [id, rubric] of Object.entries(rubrics)) {
    const first = byHash.get(rubric.hash) ?? rubric;
    byHash.set(rubric.hash, first);
    shared[id] = first;
  }
  return shared;
}
