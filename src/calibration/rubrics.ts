// Finds the rubric a labelled answer names: a scenario's question, or a rubric in a library by id.
import { ownEntry } from '../own.js';
import { readFileSync } from 'node:fs';
import { InvalidFileError, UsageError, type FileIssue } from '../errors.js';
import { findScenario, loadCatalog } from '../scenario/catalog.js';
import { fileErrorReason } from '../files.js';
import { loadLibrary, type ReadOptions } from '../scenario/load.js';
import type { LoadedScenario } from '../scenario/loaded.js';
import { resolveRubric, type ResolvedRubric } from '../scenario/rubric.js';
import type { RubricLibrary } from '../scenario/schema.js';
import { parseLabels, type LabelLine } from './labels.js';

/** A lookup that returns the rubric, or which field of the label is wrong and why. */
export function rubricFinder(libraries: RubricLibrary[], catalog: LoadedScenario[]) {
  const scenarios = new Map<string, LoadedScenario>();
  const rubrics = new Map<string, ResolvedRubric>();
  return (l: LabelLine): ResolvedRubric | { path: string; message: string } => {
    if (l.scenario && l.question) {
      let loaded = scenarios.get(l.scenario);
      if (!loaded) {
        try {
          loaded = findScenario(l.scenario, { catalog });
        } catch (e) {
          if (e instanceof UsageError || e instanceof InvalidFileError) return { path: 'scenario', message: e.message.split('\n')[0]! };
          throw e;
        }
        scenarios.set(l.scenario, loaded);
      }
      const r = ownEntry(loaded.rubrics, l.question);
      if (!r) return { path: 'question', message: `scenario "${l.scenario}" has no question "${l.question}"` };
      return r;
    }
    const id = l.rubric!;
    let r = rubrics.get(id);
    if (!r) {
      for (const lib of libraries) if ((r = resolveRubric(lib, id, []))) break;
      if (!r) {
        const known = [...new Set(libraries.flatMap((lib) => lib.rubrics.map((x) => x.id)))].join(', ');
        return { path: 'rubric', message: `unknown rubric "${id}"; the rubrics are: ${known}` };
      }
      rubrics.set(id, r);
    }
    return r;
  };
}

export interface Labelled {
  labels: { line: number; label: LabelLine }[];
  rubricOf: (l: LabelLine, line: number) => ResolvedRubric;
}

/** Reads a labels file and finds every line's rubric; every bad line is reported at once. */
export function readLabelled(file: string, rubricFiles: readonly string[] = [], reading: ReadOptions = {}): Labelled {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`${file}: cannot read: ${fileErrorReason(e)}`);
  }
  const catalog = loadCatalog(reading);
  const libraries = [...rubricFiles.map((f) => loadLibrary(f, reading)), ...new Set(catalog.flatMap((s) => s.libraries))];
  const find = rubricFinder(libraries, catalog);
  const { labels, issues } = parseLabels(text);
  const fileIssues: FileIssue[] = issues.map((i) => ({ file, line: i.line, path: i.path, message: i.message }));
  const resolved = new Map<number, ResolvedRubric>();
  for (const { line, label } of labels) {
    const r = find(label);
    if ('path' in r) fileIssues.push({ file, line, path: r.path, message: r.message });
    else resolved.set(line, r);
  }
  if (fileIssues.length) throw new InvalidFileError(fileIssues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)));
  if (labels.length === 0) throw new UsageError(`${file}: no labelled answers in it`);
  return { labels, rubricOf: (_, line) => resolved.get(line)! };
}
