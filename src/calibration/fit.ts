// Fits the model's weights to human scores: ridge regression with each weight's sign fixed in advance.
import type { Features } from '../scoring/model/features.js';
import { FEATURES, type FeatureId, type ScoringModel } from '../scenario/model.js';
import { featureDef } from '../scenario/features.js';
import { quadraticKappa } from './agreement.js';
import { BANDS } from '../scoring/model/bands.js';

/**
 * The direction each feature may push the total (its definition's `sign`). A weight fitted the other
 * way is dropped and the rest refitted, so no feature can learn to reward, say, scaffolding from a few answers.
 */
export const SIGNS = Object.fromEntries(FEATURES.map((f) => [f, featureDef(f).sign])) as Record<FeatureId, 1 | -1 | 0>;

export interface Example {
  features: Features;
  human: number;
  /** The first rater's tier as 0 (weak), 1 (adequate), 2 (strong), when there is one. */
  tier?: number;
}

/** Solves A x = b for a small symmetric positive-definite A, by Gaussian elimination. */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[p]![c]!)) p = r;
    [m[c], m[p]] = [m[p]!, m[c]!];
    const d = m[c]![c]!;
    if (Math.abs(d) < 1e-12) continue;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r]![c]! / d;
      if (f) for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  return m.map((row, i) => (Math.abs(row[i]!) < 1e-12 ? 0 : row[n]! / row[i]!));
}

/** Ridge regression on standardised features, returned as weights on the raw features. */
function ridge(
  examples: readonly Example[],
  use: readonly FeatureId[],
  lambda: number,
): { intercept: number; weights: Partial<Record<FeatureId, number>> } {
  const n = examples.length;
  const mean = use.map((f) => examples.reduce((s, e) => s + e.features[f], 0) / n);
  const sd = use.map((f, j) => Math.sqrt(examples.reduce((s, e) => s + (e.features[f] - mean[j]!) ** 2, 0) / n) || 1);
  const ym = examples.reduce((s, e) => s + e.human, 0) / n;
  const z = examples.map((e) => use.map((f, j) => (e.features[f] - mean[j]!) / sd[j]!));
  const a = use.map((_, i) => use.map((__, j) => z.reduce((s, row) => s + row[i]! * row[j]!, 0) + (i === j ? lambda * n : 0)));
  const b = use.map((_, i) => z.reduce((s, row, k) => s + row[i]! * (examples[k]!.human - ym), 0));
  const beta = solve(a, b);
  const weights: Partial<Record<FeatureId, number>> = {};
  let intercept = ym;
  use.forEach((f, j) => {
    weights[f] = beta[j]! / sd[j]!;
    intercept -= (beta[j]! * mean[j]!) / sd[j]!;
  });
  return { intercept, weights };
}

export function fitWeights(examples: readonly Example[], lambda: number, features: readonly FeatureId[] = FEATURES) {
  let use = [...features];
  for (;;) {
    const fit = ridge(examples, use, lambda);
    const wrong = use.filter((f) => SIGNS[f] !== 0 && Math.sign(fit.weights[f]!) === -SIGNS[f]);
    if (!wrong.length) return fit;
    use = use.filter((f) => !wrong.includes(f));
  }
}

/**
 * Band thresholds that agree best with the raters' tiers (quadratic kappa) on the fitted totals;
 * `weak` stays where it is, as it separates non-answers from weak ones.
 */
export function fitBands(totals: readonly number[], tiers: readonly number[], weak: number): ScoringModel['bands'] {
  // With no tiers to agree with (kappa is never a number), the cut points stay the scale's own bands.
  let best = { strong: BANDS.strong, adequate: BANDS.adequate, weak, kappa: -Infinity };
  for (let adequate = weak + 5; adequate <= 75; adequate++) {
    for (let strong = adequate + 5; strong <= 90; strong++) {
      const bands = totals.map((t) => (t >= strong ? 2 : t >= adequate ? 1 : 0));
      const kappa = quadraticKappa(tiers, bands, 3);
      // On a tie the first found, the lowest thresholds, is kept.
      if (kappa > best.kappa + 1e-9) best = { strong, adequate, weak, kappa };
    }
  }
  return { strong: best.strong, adequate: best.adequate, weak: best.weak };
}
