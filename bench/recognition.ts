// How many reworded interview questions are recognised as their family: the paraphrase sets
// under test/fixtures/questions/, each question worded unlike the shipped scenarios.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../src/paths.js';
import { BUILT_IN_DIR } from '../src/scenario/catalog.js';
import { loadLibrary } from '../src/scenario/load.js';
import { detectFamily, familiesOf } from '../src/transcripts/align.js';
import type { Figure } from './util.js';

export interface Recognition {
  set: string;
  recognised: number;
  total: number;
  misses: { family: string; question: string; got?: string }[];
}

type QuestionSet = Record<string, string[]>;

/** The sets in a paraphrase file: every key whose value maps families to questions. */
export function recognition(file: string): Recognition[] {
  const data = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const families = familiesOf([loadLibrary(join(BUILT_IN_DIR, 'rubrics', 'pm.yaml'))], []);
  return Object.entries(data)
    .filter((e): e is [string, QuestionSet] => !!e[1] && typeof e[1] === 'object')
    .map(([set, byFamily]) => {
      const misses: Recognition['misses'] = [];
      let total = 0;
      for (const [family, questions] of Object.entries(byFamily)) {
        for (const question of questions) {
          total++;
          const got = detectFamily(question, families)?.family;
          if (got !== family) misses.push({ family, question, ...(got ? { got } : {}) });
        }
      }
      return { set, recognised: total - misses.length, total, misses };
    });
}

export const PARAPHRASES = join(PACKAGE_ROOT, 'test', 'fixtures', 'questions', 'paraphrases.json');

export function benchRecognition(): Figure[] {
  return recognition(PARAPHRASES).map((r) => ({
    name: `reworded questions recognised (${r.set})`,
    value: Math.round((100 * r.recognised) / r.total),
    unit: `% of ${r.total}`,
    target: '≥ 90%',
    ok: r.recognised / r.total >= 0.9,
    ...(r.misses.length
      ? { detail: `missed: ${r.misses.map((m) => `${m.family} → ${m.got ?? 'none'}: “${m.question}”`).join(' · ')}` }
      : {}),
  }));
}
