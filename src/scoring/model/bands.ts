// Where a total sits: the 0–100 scale a candidate sees, its bands, and a model's sum mapped onto it.
import type { AntiPattern } from '../../scenario/schema.js';
import type { ScoringModel } from '../../scenario/model.js';
import { POLICY } from '../../policy/policy.js';
import type { Band } from '../types.js';

/** Where each band starts on the 0–100 scale a candidate sees, whatever the rubric and model (policy.json). */
export const BANDS: Readonly<Record<'weak' | 'adequate' | 'strong', number>> = POLICY.bands;

/** The highest band an answer showing an anti-pattern can reach. */
export type Ceiling = NonNullable<AntiPattern['ceiling']>;

export function bandOf(total: number): Band {
  if (total >= BANDS.strong) return 'strong';
  if (total >= BANDS.adequate) return 'adequate';
  if (total >= BANDS.weak) return 'weak';
  return 'insufficient';
}

/** The highest total inside a band. */
export function ceilingOf(band: Ceiling): number {
  return (band === 'insufficient' ? BANDS.weak : band === 'weak' ? BANDS.adequate : BANDS.strong) - 1;
}

/**
 * The model's sum on the scale a candidate sees: piecewise linear through the model's band
 * cut points, so that they land on BANDS. It never reverses two answers' order; rounding can tie them.
 */
export function onScale(raw: number, cuts: ScoringModel['bands']): number {
  const points: [number, number][] = [
    [0, 0],
    [cuts.weak, BANDS.weak],
    [cuts.adequate, BANDS.adequate],
    [cuts.strong, BANDS.strong],
    [100, 100],
  ];
  if (!Number.isFinite(raw) || raw <= 0) return 0;
  for (let i = 1; i < points.length; i++) {
    const [x0, y0] = points[i - 1]!;
    const [x1, y1] = points[i]!;
    // A validated model's cut points rise, so no segment is empty; one made in code must still not divide by zero.
    if (raw <= x1) return y0 + ((raw - x0) * (y1 - y0)) / Math.max(x1 - x0, 1e-9);
  }
  return 100;
}
