// Checks that a rubric ranks its own exemplars: every strong above every adequate above every weak.
import type { LoadedScenario } from '../scenario/loaded.js';
import type { Path } from '../scenario/path.js';
import { score } from '../scoring/score.js';
import type { Band } from '../scoring/types.js';

export interface CalibrationIssue {
  path: Path;
  message: string;
}

const ORDER = ['strong', 'adequate', 'weak'] as const;

/** How one question's example and exemplars scored against its rubric. */
export interface QuestionCalibration {
  question: string;
  rubric: string;
  answers: { level: (typeof ORDER)[number]; label: string; total: number; band: Band; path: Path }[];
}

/** Each question's example and exemplars, scored: what `validate` shows an author. */
export function calibration(loaded: LoadedScenario): QuestionCalibration[] {
  return loaded.scenario.questions.map((q, i) => {
    const rubric = loaded.rubrics[q.id]!;
    const graded = (level: (typeof ORDER)[number], label: string, text: string, path: Path) => {
      const { total, band } = score(rubric, text, { question: q.prompt });
      return { level, label, total, band, path };
    };
    return {
      question: q.id,
      rubric: rubric.id,
      answers: [
        graded('strong', 'example', q.example, ['questions', i, 'example']),
        ...q.exemplars.map((e, j) => graded(e.level, `${e.level} exemplar ${j + 1}`, e.text, ['questions', i, 'exemplars', j])),
      ],
    };
  });
}

/**
 * Exemplars whose band is not the one their label names (a "strong" one scoring "adequate"): not
 * wrong in itself, as bands are coarse, but worth a look. A weak exemplar may also be insufficient.
 */
export function bandMismatches(results: readonly QuestionCalibration[]): CalibrationIssue[] {
  return results.flatMap((r) =>
    r.answers
      .filter((a) => a.band !== a.level && !(a.level === 'weak' && a.band === 'insufficient'))
      .map((a) => ({ path: a.path, message: `labelled ${a.level}, but scores ${a.total} (${a.band})` })),
  );
}

export function calibrate(loaded: LoadedScenario, results: readonly QuestionCalibration[] = calibration(loaded)): CalibrationIssue[] {
  const issues: CalibrationIssue[] = [];
  results.forEach((r) => {
    const rubric = { id: r.rubric };
    const graded = r.answers;
    for (let a = 0; a < ORDER.length; a++) {
      for (let b = a + 1; b < ORDER.length; b++) {
        const higher = graded.filter((g) => g.level === ORDER[a]);
        const lower = graded.filter((g) => g.level === ORDER[b]);
        for (const h of higher) {
          for (const l of lower) {
            if (h.total <= l.total) {
              issues.push({
                path: h.path,
                message: `${h.level === 'adequate' ? 'an' : 'a'} ${h.level} answer scores ${h.total}, not above the ${l.level} answer that scores ${l.total}; the rubric "${rubric.id}" does not rank its exemplars`,
              });
            }
          }
        }
      }
    }
  });
  return issues;
}
