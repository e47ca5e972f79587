// Checks that a rubric ranks its own exemplars: every strong above every adequate above every weak.
import type { LoadedScenario } from '../scenario/loaded.js';
import type { Path } from '../scenario/path.js';
import { score } from './score.js';

export interface CalibrationIssue {
  path: Path;
  message: string;
}

const ORDER = ['strong', 'adequate', 'weak'] as const;

export function calibrate(loaded: LoadedScenario): CalibrationIssue[] {
  const issues: CalibrationIssue[] = [];
  loaded.scenario.questions.forEach((q, i) => {
    const rubric = loaded.rubrics[q.id]!;
    const graded = [
      { level: 'strong' as const, total: score(rubric, q.example).total, path: ['questions', i, 'example'] as Path },
      ...q.exemplars.map((e, j) => ({
        level: e.level,
        total: score(rubric, e.text).total,
        path: ['questions', i, 'exemplars', j] as Path,
      })),
    ];
    for (let a = 0; a < ORDER.length; a++) {
      for (let b = a + 1; b < ORDER.length; b++) {
        const higher = graded.filter((g) => g.level === ORDER[a]);
        const lower = graded.filter((g) => g.level === ORDER[b]);
        for (const h of higher) {
          for (const l of lower) {
            if (h.total <= l.total) {
              issues.push({
                path: h.path,
                message: `a ${h.level} answer scores ${h.total}, not above the ${l.level} answer that scores ${l.total}; the rubric "${rubric.id}" does not rank its exemplars`,
              });
            }
          }
        }
      }
    }
  });
  return issues;
}
