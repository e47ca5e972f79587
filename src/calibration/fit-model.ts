// Fitting a scoring model to labelled answers, and measuring it on answers its weights never saw:
// k-fold cross-validation with folds by source (answers from one page or one interview are never both
// fitted and measured). `rehearse calibrate --fit` and `npm run validity` both fit through here.
import { createHash } from 'node:crypto';
import { agreement, TIERS, type Rated } from './agreement.js';
import { fitBands, fitWeights, type Example } from './fit.js';
import { DEFAULT_MODEL, FEATURES, type ScoringModel } from '../scenario/model.js';
import { applyModel } from '../scoring/model/model.js';
import { bandOf, totalOf, trace, type Guards } from '../scoring/score.js';
import type { Score } from '../scoring/types.js';
import type { ResolvedRubric } from '../scenario/rubric.js';
import { humanScore, sourceKey, type LabelLine } from './labels.js';

export const FOLDS = 5;
const LAMBDAS = [0.003, 0.01, 0.03, 0.1, 0.3, 1];
/** Below this total an answer is insufficient; not fitted, it separates non-answers from weak ones. */
const WEAK_FLOOR = 20;

/** A labelled answer as the fit sees it: its features, the human score, and which fold its source is in. */
export interface FitItem extends Example {
  family: string;
  source: string;
  fold: number;
  flags: Guards;
}

/** A labelled answer graded for the fit: its features and guards, the human score and tier, its family and source; and its score. */
export function fitItemOf(label: LabelLine, line: number, rubric: ResolvedRubric): { item: FitItem; score: Score } {
  const t = trace(rubric, label.answer, { asked: label.asked ? { question: label.asked } : {} });
  const item: FitItem = {
    features: t.features,
    human: humanScore(label),
    ...(label.tier ? { tier: TIERS.indexOf(label.tier) } : {}),
    family: rubric.family,
    source: sourceKey(label, `line ${line}`),
    fold: 0,
    flags: t.guards,
  };
  return { item, score: t.score };
}

/** Too few sources to fold by: each fold needs sources of its own to be measured on. */
export class TooFewSources extends Error {}

export const hash = (s: string) => createHash('sha256').update(s).digest('hex');

/** Deals the items' sources round the folds in a fixed pseudo-random order (`salt` changes it), so the folds are of like size. */
export function assignFolds(items: FitItem[], what: string, salt = ''): void {
  const sources = [...new Set(items.map((i) => i.source))].sort((a, b) => hash(salt + a).localeCompare(hash(salt + b)));
  if (sources.length < FOLDS * 2) {
    throw new TooFewSources(
      `${what}: ${items.length} answer(s) from ${sources.length} source(s); fitting and measuring it on answers held out needs answers from at least ${FOLDS * 2} sources: label more`,
    );
  }
  const foldOf = new Map(sources.map((s, i) => [s, i % FOLDS]));
  for (const i of items) i.fold = foldOf.get(i.source)!;
}

/** The model ridge regression fits to these items with this lambda, its bands fitted to their tiers. */
export function modelFor(train: readonly FitItem[], lambda: number, base: ScoringModel = DEFAULT_MODEL): ScoringModel {
  const { intercept, weights } = stretch(train, fitWeights(train, lambda), base);
  // Band cut points are fitted on the model's own sums, before they are mapped onto the 0–100 scale.
  const totals = train.map((i) =>
    i.flags.nonAnswer ? 0 : Math.max(0, Math.min(100, Math.round(applyModel({ ...base, intercept, weights }, i.features).raw))),
  );
  const withTier = train.filter((i) => i.tier !== undefined);
  const bands = fitBands(
    withTier.map((i) => totals[train.indexOf(i)]!),
    withTier.map((i) => i.tier!),
    WEAK_FLOOR,
  );
  const rounded = Object.fromEntries(Object.entries(weights).map(([k, v]) => [k, Math.round(v * 100) / 100]));
  return { ...base, intercept: Math.round(intercept * 100) / 100, weights: rounded, bands };
}

/** An item graded by a model, for the agreement figures. */
export function rated(i: FitItem, model: ScoringModel): Rated {
  const total = totalOf(model, i.features, i.flags);
  return { human: i.human, ...(i.tier !== undefined ? { tier: TIERS[i.tier]! } : {}), scorer: total, band: bandOf(total), group: i.family };
}

/**
 * Ridge pulls every prediction towards the mean; scaling the weights about the mean gives the
 * totals the spread of the human scores. The order, and so every rank figure, is unchanged.
 */
function stretch(
  train: readonly FitItem[],
  fit: Pick<ScoringModel, 'intercept' | 'weights'>,
  base: ScoringModel,
): Pick<ScoringModel, 'intercept' | 'weights'> {
  const raw = train.map((i) => applyModel({ ...base, ...fit }, i.features).raw);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = (xs: number[]) => Math.sqrt(mean(xs.map((x) => (x - mean(xs)) ** 2)));
  const human = train.map((i) => i.human);
  const k = sd(raw) > 0 ? sd(human) / sd(raw) : 1;
  const weights = Object.fromEntries(Object.entries(fit.weights).map(([f, w]) => [f, w! * k]));
  return { intercept: mean(human) - k * mean(raw) + k * fit.intercept, weights };
}

/**
 * Lambda chosen on the training folds alone, by an inner cross-validation: the largest whose
 * figure is within TOLERANCE of the best, as more shrinkage spreads weight over features that
 * say the same thing in different words, which is what answers nobody has seen need.
 */
const TOLERANCE = 0.01;
export function chooseLambda(train: readonly FitItem[]): number {
  const folds = [...new Set(train.map((i) => i.fold))];
  const rhos = LAMBDAS.map((lambda) => {
    const out: Rated[] = [];
    for (const f of folds) {
      const model = modelFor(
        train.filter((i) => i.fold !== f),
        lambda,
      );
      out.push(...train.filter((i) => i.fold === f).map((i) => rated(i, model)));
    }
    return agreement(out).spearman;
  });
  const best = Math.max(...rhos);
  return LAMBDAS.filter((_, i) => rhos[i]! >= best - TOLERANCE).at(-1)!;
}

/** Each item graded by a model fitted on the other folds, and the lambda each fold chose. */
export function heldOut(
  items: readonly FitItem[],
  itemsFor: (fold: number) => readonly FitItem[] = () => items,
): { rows: Rated[]; lambdas: number[] } {
  const rows: Rated[] = new Array(items.length);
  const lambdas: number[] = [];
  for (let f = 0; f < FOLDS; f++) {
    // The items as measured for this fold (by a topic model trained without it, say), in the same order.
    const measured = itemsFor(f);
    const train = measured.filter((i) => i.fold !== f);
    const lambda = chooseLambda(train);
    lambdas.push(lambda);
    const model = modelFor(train, lambda);
    measured.forEach((i, k) => {
      if (i.fold === f) rows[k] = rated(i, model);
    });
  }
  return { rows, lambdas };
}

const pct = (x: number) => (Number.isNaN(x) ? '–' : `${Math.round(x * 100)}%`);
const f2 = (x: number) => (Number.isNaN(x) ? '–' : x.toFixed(2));

/** The model fitted on every item, named by a hash of its numbers, with how it was fitted and how it measured held out. */
export function fittedModel(items: readonly FitItem[], held: readonly Rated[], sources: number): { model: ScoringModel; lambda: number } {
  const lambda = chooseLambda(items);
  const model = modelFor(items, lambda);
  const all = agreement(items.map((i) => rated(i, model)));
  const out = agreement(held);
  const version = hash(JSON.stringify([model.intercept, model.weights, model.bands])).slice(0, 8);
  return {
    lambda,
    model: {
      version,
      intercept: model.intercept,
      // A feature the fit left at 0 is left out: it weighs nothing either way.
      weights: Object.fromEntries(FEATURES.filter((f) => (model.weights[f] ?? 0) !== 0).map((f) => [f, model.weights[f]!])),
      bands: model.bands,
      listCap: DEFAULT_MODEL.listCap,
      fitted: `ridge (λ ${lambda}) with fixed signs on ${items.length} labelled answers from ${sources} sources; held out over ${FOLDS} folds by source: Spearman ${f2(out.spearman)}, kappa ${f2(out.kappa)}, pairwise ${pct(out.pairwise)}; in sample: Spearman ${f2(all.spearman)}`,
    },
  };
}
