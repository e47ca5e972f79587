// The metamorphic relations measured on the development set's real answers: the same answer graded
// under another family's question, padded with unrelated sentences, and reformatted. Run by
// `npm run validity`; the texts are read from beside the project at run time, never copied into it.
import { sourceKey } from '../src/calibration/labels.js';
import { readLabelled } from '../src/calibration/rubrics.js';
import { loadCatalog } from '../src/scenario/catalog.js';
import { resolveRubric, type ResolvedRubric } from '../src/scenario/rubric.js';
import { score } from '../src/scoring/score.js';
import { adviceForm, asBullets, pad, PADDING, unpunctuated, unrelatedFamilies } from '../test/support/metamorphic.js';
import { inLockbox } from './lockbox.js';
import { withTopicModel } from '../src/scoring/rubric/topic.js';
import type { ModelWeights } from '../src/text/classifier.js';
import type { LabelLine } from '../src/calibration/labels.js';

export interface RelationFigures {
  answers: number;
  /** Share of (answer, unrelated family) pairs where the answer keeps at most 40% of its own score. */
  offTopicKept40: number;
  offTopicPairs: number;
  /** The same over the pairs whose own score is at least 20 (40% of a score near 0 leaves nothing to keep). */
  offTopicKept40Scored: number;
  offTopicPairsScored: number;
  offTopicMeanOwn: number;
  offTopicMeanOther: number;
  /** Padding: the mean rise, and the share of answers raised by more than 3 points. */
  padMeanRise: number;
  padOver3: number;
  /** The same, appended to the unpunctuated lower-case copy: speech transcribed without marks. */
  spokenPadMeanRise: number;
  spokenPadOver3: number;
  /** Reformatting: the share of answers moved by more than 5 points, per form. */
  bulletsOver5: number;
  unpunctuatedOver5: number;
  bulletsMeanMove: number;
  unpunctuatedMeanMove: number;
  /** Advice form ("Pick…" for "I would pick…"), over the answers it changes. */
  adviceChanged: number;
  adviceOver5: number;
  adviceMeanMove: number;
}

const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
const share = (xs: readonly boolean[]) => (xs.length ? xs.filter(Boolean).length / xs.length : 0);

/** `topicFor` gives the topic model to read an answer with in place of the shipped one: one that was not trained on it. */
export function relationsOn(
  file: string,
  part: 'tuning' | 'lockbox' | 'all' = 'tuning',
  topicFor: (source: string) => ModelWeights | undefined = () => undefined,
): RelationFigures {
  const { labels, rubricOf } = readLabelled(file);
  const catalog = loadCatalog();
  const libraries = [...new Set(catalog.flatMap((s) => s.libraries))];
  // Another family's question as a shipped scenario asks it: the label's own scenario where it has one.
  const promptOf = (family: string, scenario: string | undefined): string | undefined => {
    const order = [...catalog.filter((c) => c.scenario.id === scenario), ...catalog];
    for (const c of order) for (const q of c.scenario.questions) if (c.rubrics[q.id]?.family === family) return q.prompt;
    return undefined;
  };
  const families = [...new Set(libraries.flatMap((l) => l.rubrics.map((r) => r.family)))];
  const byFamily = new Map<string, ResolvedRubric>();
  for (const f of families) {
    for (const lib of libraries) {
      const id = lib.rubrics.find((r) => r.family === f)?.id;
      const r = id ? resolveRubric(lib, id, []) : undefined;
      if (r) {
        byFamily.set(f, r);
        break;
      }
    }
  }
  const own: number[] = [];
  const other: number[] = [];
  const kept: boolean[] = [];
  const rises: number[] = [];
  const spokenRises: number[] = [];
  const bullets: number[] = [];
  const plain: number[] = [];
  const advice: number[] = [];
  let answers = 0;
  // Every relation on one answer, read with the topic model that was not trained on it.
  const measure = (answer: string, label: LabelLine, line: number) => {
    const rubric = rubricOf(label, line);
    const asked = label.asked ? { question: label.asked } : {};
    const base = score(rubric, answer, asked).total;
    for (const f of unrelatedFamilies(rubric.family, families)) {
      const prompt = promptOf(f, label.scenario);
      const under = score(byFamily.get(f)!, answer, prompt ? { question: prompt } : {}).total;
      own.push(base);
      other.push(under);
      kept.push(under <= 0.4 * base);
    }
    rises.push(score(rubric, pad(answer, answers % PADDING.length), asked).total - base);
    const spoken = score(rubric, unpunctuated(answer), asked).total;
    spokenRises.push(score(rubric, unpunctuated(pad(answer, answers % PADDING.length)), asked).total - spoken);
    bullets.push(Math.abs(score(rubric, asBullets(answer), asked).total - base));
    plain.push(Math.abs(spoken - base));
    const advised = adviceForm(answer);
    if (advised !== answer) advice.push(Math.abs(score(rubric, advised, asked).total - base));
  };
  for (const { line, label } of labels) {
    const source = sourceKey(label, `line ${line}`);
    if (part !== 'all' && inLockbox(source) !== (part === 'lockbox')) continue;
    if (typeof label.answer !== 'string') continue;
    answers++;
    withTopicModel(topicFor(source), () => measure(label.answer as string, label, line));
  }
  return {
    answers,
    offTopicKept40: share(kept),
    offTopicPairs: kept.length,
    offTopicKept40Scored: share(kept.filter((_, i) => own[i]! >= 20)),
    offTopicPairsScored: kept.filter((_, i) => own[i]! >= 20).length,
    offTopicMeanOwn: mean(own),
    offTopicMeanOther: mean(other),
    padMeanRise: mean(rises),
    padOver3: share(rises.map((r) => r > 3)),
    spokenPadMeanRise: mean(spokenRises),
    spokenPadOver3: share(spokenRises.map((r) => r > 3)),
    bulletsOver5: share(bullets.map((d) => d > 5)),
    unpunctuatedOver5: share(plain.map((d) => d > 5)),
    bulletsMeanMove: mean(bullets),
    unpunctuatedMeanMove: mean(plain),
    adviceChanged: advice.length,
    adviceOver5: share(advice.map((d) => d > 5)),
    adviceMeanMove: mean(advice),
  };
}

const pct = (x: number) => `${Math.round(x * 100)}%`;
const one = (x: number) => x.toFixed(1);

export function renderRelations(r: RelationFigures): string {
  return [
    `  another family's question: ${pct(r.offTopicKept40)} of ${r.offTopicPairs} pairs keep at most 40% of their own score (target >= 90%); mean ${one(r.offTopicMeanOwn)} on their own question, ${one(r.offTopicMeanOther)} on the other`,
    `    of the ${r.offTopicPairsScored} pairs whose own score is at least 20: ${pct(r.offTopicKept40Scored)} keep at most 40%`,
    `  three unrelated sentences appended: mean change ${one(r.padMeanRise)}; ${pct(r.padOver3)} of ${r.answers} rise by more than 3 (target 0%)`,
    `  the same, appended to the unpunctuated lower-case copy: mean change ${one(r.spokenPadMeanRise)}; ${pct(r.spokenPadOver3)} rise by more than 3 (target 0%)`,
    `  as bullets: mean move ${one(r.bulletsMeanMove)}; ${pct(r.bulletsOver5)} move by more than 5 (target 0%)`,
    `  unpunctuated lower case: mean move ${one(r.unpunctuatedMeanMove)}; ${pct(r.unpunctuatedOver5)} move by more than 5 (target 0%)`,
    `  advice form ("Pick…" for "I would pick…"), on the ${r.adviceChanged} answers it changes: mean move ${one(r.adviceMeanMove)}; ${pct(r.adviceOver5)} move by more than 5 (target 0%)`,
  ].join('\n');
}
