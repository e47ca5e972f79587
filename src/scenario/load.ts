// Reads scenario and rubric library files from disk into validated, fully resolved scenarios.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { InvalidFileError, MissingFileError, type FileIssue } from '../errors.js';
import { fileErrorReason } from '../files.js';
import { parseWith, type ParseCache } from './cache.js';
import { resolveQuestions, type LoadedScenario } from './loaded.js';
import { issueAt, issuesIn, validate, type ParsedFile } from './parse.js';
import { checkLibrary } from './rubric.js';
import { RubricLibrary, Scenario } from './schema.js';

export interface ReadOptions {
  /** Parsed files kept between runs; none, and every file is parsed. */
  cache?: ParseCache;
}

export function readParsed(file: string, options: ReadOptions = {}): ParsedFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new MissingFileError(file, fileErrorReason(e));
    throw new InvalidFileError([{ file, path: '', message: fileErrorReason(e) }]);
  }
  return parseWith(options.cache, file, text);
}

export function loadLibrary(file: string, options: ReadOptions = {}): RubricLibrary {
  const parsed = readParsed(file, options);
  const library = validate(RubricLibrary, parsed);
  const issues = issuesIn(parsed, checkLibrary(library));
  if (issues.length) throw new InvalidFileError(issues);
  return library;
}

/** True when parsed data looks like a rubric library rather than a scenario. */
export function isLibraryData(data: unknown): boolean {
  return !!data && typeof data === 'object' && 'rubrics' in data && !('questions' in data);
}

export interface ScenarioReadOptions extends ReadOptions {
  /** Libraries already loaded, by absolute path: scenarios that share one read it once. */
  libraries?: Map<string, RubricLibrary>;
}

export function loadScenario(file: string, options: ScenarioReadOptions = {}): LoadedScenario {
  const libraries = options.libraries ?? new Map<string, RubricLibrary>();
  const parsed = readParsed(file, options);
  const scenario = validate(Scenario, parsed);
  const issues: FileIssue[] = [];

  const used: RubricLibrary[] = [];
  scenario.uses.forEach((rel, i) => {
    const path = resolve(dirname(file), rel);
    try {
      let lib = libraries.get(path);
      if (!lib) {
        lib = loadLibrary(path, options);
        libraries.set(path, lib);
      }
      used.push(lib);
    } catch (e) {
      if (e instanceof MissingFileError && e.file === path) issues.push(issueAt(parsed, ['uses', i], `rubric file not found: ${rel}`));
      else if (e instanceof InvalidFileError) issues.push(...e.issues);
      else throw e;
    }
  });
  if (issues.length) throw new InvalidFileError(issues);

  const { rubrics, issues: found } = resolveQuestions(scenario, used);
  if (found.length) throw new InvalidFileError(issuesIn(parsed, found));
  return { file, scenario, rubrics, libraries: used, lineOf: parsed.lineOf };
}
