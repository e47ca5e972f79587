// Loads scenario and rubric library files from disk into validated, fully resolved scenarios.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { InvalidFileError, type FileIssue } from '../errors.js';
import { issueAt, parseTextCached, validate, type ParsedFile } from './parse.js';
import { checkLibrary, resolveRubric, type ResolvedRubric } from './rubric.js';
import { RubricLibrary, Scenario } from './schema.js';

export interface LoadedScenario {
  file: string;
  scenario: Scenario;
  /** The line of a field in the file, for messages about it. */
  lineOf: ParsedFile['lineOf'];
  /** The resolved rubric of each question, by question id. */
  rubrics: Record<string, ResolvedRubric>;
  /** The rubric libraries the scenario uses, for grading questions it does not have. */
  libraries: RubricLibrary[];
}

export function readParsed(file: string): ParsedFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : (e as Error).message;
    throw new InvalidFileError([{ file, path: '', message: reason }]);
  }
  return parseTextCached(file, text);
}

export function loadLibrary(file: string): RubricLibrary {
  const parsed = readParsed(file);
  const library = validate(RubricLibrary, parsed);
  const issues = checkLibrary(library, parsed);
  if (issues.length) throw new InvalidFileError(issues);
  return library;
}

/** True when parsed data looks like a rubric library rather than a scenario. */
export function isLibraryData(data: unknown): boolean {
  return !!data && typeof data === 'object' && 'rubrics' in data && !('questions' in data);
}

export function loadScenario(file: string, libraries = new Map<string, RubricLibrary>()): LoadedScenario {
  const parsed = readParsed(file);
  const scenario = validate(Scenario, parsed);
  const issues: FileIssue[] = [];

  const used: RubricLibrary[] = [];
  scenario.uses.forEach((rel, i) => {
    const path = resolve(dirname(file), rel);
    try {
      let lib = libraries.get(path);
      if (!lib) {
        lib = loadLibrary(path);
        libraries.set(path, lib);
      }
      used.push(lib);
    } catch (e) {
      if (!(e instanceof InvalidFileError)) throw e;
      if (e.issues.length === 1 && e.issues[0]!.file === path && e.issues[0]!.message === 'no such file') {
        issues.push(issueAt(parsed, ['uses', i], `rubric file not found: ${rel}`));
      } else issues.push(...e.issues);
    }
  });
  if (issues.length) throw new InvalidFileError(issues);

  const rubrics: Record<string, ResolvedRubric> = {};
  const questionIds = new Set<string>();
  scenario.questions.forEach((q, i) => {
    if (questionIds.has(q.id)) issues.push(issueAt(parsed, ['questions', i, 'id'], `duplicate question id "${q.id}"`));
    questionIds.add(q.id);
    let rubric: ResolvedRubric | undefined;
    for (const lib of used) {
      rubric = resolveRubric(lib, q.rubric, scenario.context.terms);
      if (rubric) break;
    }
    if (!rubric) {
      const where = scenario.uses.length ? `in ${scenario.uses.join(', ')}` : '(the scenario lists no rubric files under `uses`)';
      issues.push(issueAt(parsed, ['questions', i, 'rubric'], `unknown rubric "${q.rubric}" ${where}`));
      return;
    }
    rubrics[q.id] = rubric;
    const followUpIds = new Set<string>();
    q.followUps.forEach((f, j) => {
      if (followUpIds.has(f.id)) issues.push(issueAt(parsed, ['questions', i, 'followUps', j, 'id'], `duplicate follow-up id "${f.id}"`));
      followUpIds.add(f.id);
      f.targets.forEach((t, k) => {
        if (!rubric!.criteria.some((c) => c.id === t)) {
          issues.push(
            issueAt(parsed, ['questions', i, 'followUps', j, 'targets', k], `unknown criterion "${t}" in rubric "${rubric!.id}"`),
          );
        }
      });
    });
  });
  if (issues.length) throw new InvalidFileError(issues);
  return { file, scenario, rubrics, libraries: used, lineOf: parsed.lineOf };
}
