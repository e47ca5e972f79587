// A scenario with many questions, built from a shipped one, for the validate test and bench.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { PACKAGE_ROOT } from '../../src/paths.js';

interface RawScenario {
  uses: string[];
  questions: { id: string }[];
  [key: string]: unknown;
}

/**
 * Writes `count` questions (the shipped e-commerce ones, repeated under new ids) to
 * `dir/large.yaml`, using the shipped rubric library by absolute path; returns the file.
 */
export function writeLargeScenario(dir: string, count: number): string {
  const base = parse(readFileSync(join(PACKAGE_ROOT, 'scenarios', 'ecommerce.yaml'), 'utf8')) as RawScenario;
  const questions = Array.from({ length: count }, (_, n) => {
    const q = base.questions[n % base.questions.length]!;
    return { ...q, id: `${q.id}-${n}` };
  });
  const scenario = { ...base, id: 'large', uses: [join(PACKAGE_ROOT, 'scenarios', 'rubrics', 'pm.yaml')], questions };
  const file = join(dir, 'large.yaml');
  // No anchors: the questions share objects here, but a hand-written file would not.
  writeFileSync(file, stringify(scenario, { aliasDuplicateObjects: false }));
  return file;
}
