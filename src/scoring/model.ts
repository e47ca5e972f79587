// The fitted model that turns an answer's features into its total: weights and bands as data.
import { z } from 'zod';
import defaults from './model.json' with { type: 'json' };
import { FEATURES, FEATURE_LABELS, type FeatureId, type Features } from './features.js';

export const ScoringModel = z
  .object({
    version: z.string().min(1).describe('Changes whenever the weights change; part of the rubric hash.'),
    intercept: z.number(),
    weights: z.partialRecord(z.enum(FEATURES), z.number()).describe('Points each feature adds at its full value (0–1).'),
    bands: z
      .object({ strong: z.number(), adequate: z.number(), weak: z.number() })
      .strict()
      .refine((b) => b.strong > b.adequate && b.adequate > b.weak, { message: 'bands must rise: weak < adequate < strong' })
      .describe("Where the model's sum enters each band; totals are mapped so these land on 20, 45 and 70."),
    /** An answer that is mostly a list of terms scores at most this. */
    listCap: z.number().min(0).max(100),
    fitted: z.string().optional().describe('How the weights were fitted: the labelled set, the folds, the figures.'),
  })
  .strict();
export type ScoringModel = z.infer<typeof ScoringModel>;

/** The model shipped with rehearse, fitted to labelled answers by `npm run validity -- --write`. */
export const DEFAULT_MODEL: ScoringModel = ScoringModel.parse(defaults);

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
    terms.push({ feature: f, label: FEATURE_LABELS[f], value: Math.round(value * 1000) / 1000, weight, points: Math.round(weight * value * 10) / 10 || 0 });
  }
  return { raw, terms };
}
