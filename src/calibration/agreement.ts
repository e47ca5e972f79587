// Agreement between the scorer and human raters: rank correlation, weighted kappa, pair order, confusion.
import type { Band } from '../scoring/types.js';

export const TIERS = ['weak', 'adequate', 'strong'] as const;
export type Tier = (typeof TIERS)[number];

/** Ranks with ties given their mean rank (1-based), as Spearman's rho needs. */
function ranks(xs: readonly number[]): number[] {
  const order = xs.map((x, i) => [x, i] as const).sort((a, b) => a[0] - b[0]);
  const out = new Array<number>(xs.length);
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]![0] === order[i]![0]) j++;
    const mean = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) out[order[k]![1]] = mean;
    i = j + 1;
  }
  return out;
}

export function pearson(xs: readonly number[], ys: readonly number[]): number {
  const n = xs.length;
  if (n < 2) return NaN;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i]! - mx;
    const dy = ys[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx === 0 || syy === 0 ? NaN : sxy / Math.sqrt(sxx * syy);
}

/** Spearman's rank correlation; NaN when either side is constant or there are fewer than two. */
export function spearman(xs: readonly number[], ys: readonly number[]): number {
  return pearson(ranks(xs), ranks(ys));
}

/** Cohen's kappa with quadratic weights over ordered categories 0..k-1. */
export function quadraticKappa(a: readonly number[], b: readonly number[], k: number): number {
  const n = a.length;
  if (n === 0) return NaN;
  const observed = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const ha = new Array<number>(k).fill(0);
  const hb = new Array<number>(k).fill(0);
  for (let i = 0; i < n; i++) {
    observed[a[i]!]![b[i]!]!++;
    ha[a[i]!]!++;
    hb[b[i]!]!++;
  }
  let num = 0;
  let den = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const w = ((i - j) * (i - j)) / ((k - 1) * (k - 1));
      num += w * observed[i]![j]!;
      den += (w * ha[i]! * hb[j]!) / n;
    }
  }
  return den === 0 ? NaN : 1 - num / den;
}

/**
 * Of the pairs in the same group whose human scores differ, the share the scorer orders the
 * same way; a tie in the scorer counts as half.
 */
export function pairwise(human: readonly number[], scorer: readonly number[], group: readonly string[]): { agree: number; pairs: number } {
  let agree = 0;
  let pairs = 0;
  for (let i = 0; i < human.length; i++) {
    for (let j = i + 1; j < human.length; j++) {
      if (group[i] !== group[j] || human[i] === human[j]) continue;
      pairs++;
      const h = Math.sign(human[i]! - human[j]!);
      const s = Math.sign(scorer[i]! - scorer[j]!);
      agree += s === 0 ? 0.5 : s === h ? 1 : 0;
    }
  }
  return { agree: pairs ? agree / pairs : NaN, pairs };
}

/** The scorer's bands read as the raters' three tiers: insufficient and weak are both weak. */
export function tierOfBand(band: Band): Tier {
  return band === 'strong' ? 'strong' : band === 'adequate' ? 'adequate' : 'weak';
}

export interface Agreement {
  n: number;
  spearman: number;
  /** Quadratic-weighted kappa of the raters' tiers against the scorer's bands (over items with a tier). */
  kappa: number;
  pairwise: number;
  pairs: number;
  /** confusion[human tier][scorer band], counts. */
  confusion: Record<Tier, Record<Band, number>>;
}

export interface Rated {
  human: number;
  tier?: Tier;
  scorer: number;
  band: Band;
  group: string;
}

export function agreement(items: readonly Rated[]): Agreement {
  const withTier = items.filter((i) => i.tier);
  const confusion = Object.fromEntries(
    TIERS.map((t) => [t, { insufficient: 0, weak: 0, adequate: 0, strong: 0 } as Record<Band, number>]),
  ) as Record<Tier, Record<Band, number>>;
  for (const i of withTier) confusion[i.tier!][i.band]++;
  const p = pairwise(
    items.map((i) => i.human),
    items.map((i) => i.scorer),
    items.map((i) => i.group),
  );
  return {
    n: items.length,
    spearman: spearman(
      items.map((i) => i.human),
      items.map((i) => i.scorer),
    ),
    kappa: quadraticKappa(
      withTier.map((i) => TIERS.indexOf(i.tier!)),
      withTier.map((i) => TIERS.indexOf(tierOfBand(i.band))),
      TIERS.length,
    ),
    pairwise: p.agree,
    pairs: p.pairs,
    confusion,
  };
}
