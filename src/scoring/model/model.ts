// Applies the fitted model (src/scenario/model.ts) to an answer's features: the terms of its total.
import { FEATURES, type FeatureId, type ScoringModel } from '../../scenario/model.js';
import { FEATURE_LABELS, type Features } from './features.js';

export interface ModelTerm {
  feature: FeatureId;
  label: string;
  value: number;
  weight: number;
  /** weight × value, rounded to a tenth: what this feature added to the total. */
  points: number;
}

export function applyModel(model: ScoringModel, features: Features): { raw: number; terms: ModelTerm[] } {
  const terms: ModelTerm[] = [];
  let raw = model.intercept;
  for (const f of FEATURES) {
    const weight = model.weights[f] ?? 0;
    if (weight === 0) continue;
    const value = features[f];
    raw += weight * value;
    // A feature not seen adds nothing: it is left out of the terms (a batch keeps thousands of scores).
    if (value === 0) continue;
    terms.push({
      feature: f,
      label: FEATURE_LABELS[f],
      value: Math.round(value * 1000) / 1000,
      weight,
      points: Math.round(weight * value * 10) / 10 || 0,
    });
  }
  return { raw, terms };
}
