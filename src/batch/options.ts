// What a grader needs to know, built the same way in the main thread and in each worker.
import { join } from 'node:path';
import { BUILT_IN_DIR, findScenario, loadCatalogAndLibraries } from '../scenario/catalog.js';
import { ParseCache } from '../scenario/cache.js';
import { CompiledCache } from '../scenario/compiled-cache.js';
import { keepCompiledIn } from '../text/phrases.js';
import { loadLibrary } from '../scenario/load.js';
import type { GradeOptions } from './grade.js';

export interface GradeSettings {
  /** A scenario id or file, or "auto". */
  scenario: string;
  interviewer?: string;
  candidate?: string;
  /** Where parsed scenario files are cached (a path, so it can go to a worker thread). */
  cacheDir?: string;
  /** The user's own scenarios folder, so a scenario of theirs is found by id. */
  scenariosDir?: string;
}

export function gradeOptions(settings: GradeSettings): GradeOptions {
  // Each worker reads the rubrics' compiled phrase lists from the cache rather than compiling its own.
  keepCompiledIn(settings.cacheDir ? new CompiledCache(settings.cacheDir) : undefined);
  const reading = {
    ...(settings.cacheDir ? { cache: new ParseCache(settings.cacheDir) } : {}),
    ...(settings.scenariosDir ? { userDir: settings.scenariosDir } : {}),
  };
  const { scenarios: catalog, libraries } = loadCatalogAndLibraries(reading);
  // The shipped library that grades a question no scenario has: the one the catalog loaded, when a scenario uses it.
  const shipped = join(BUILT_IN_DIR, 'rubrics', 'pm.yaml');
  return {
    ...(settings.scenario !== 'auto' ? { scenario: findScenario(settings.scenario, { ...reading, catalog }) } : {}),
    scenarios: new Map(catalog.map((s) => [s.scenario.id, s])),
    library: libraries.get(shipped) ?? loadLibrary(shipped, reading),
    ...(settings.interviewer ? { interviewer: settings.interviewer } : {}),
    ...(settings.candidate ? { candidate: settings.candidate } : {}),
  };
}
