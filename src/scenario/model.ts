// The scoring model's file format: the features it may weigh, its weights and bands, and the shipped fit.
// Part of the rubric library format (a library may carry its own `model:`), so it lives with the scenario model.
import * as z from '../zod.js';
import defaults from './model.json' with { type: 'json' };
import { FEATURES } from './features.js';

export { FEATURES, type FeatureId } from './features.js';

export const ScoringModel = z
  .object({
    version: z.string().min(1).describe('Changes whenever the weights change; part of the rubric hash.'),
    intercept: z.number(),
    weights: z.partialRecord(z.enum(FEATURES), z.number()).describe('Points each feature adds at its full value (0–1).'),
    bands: z
      .object({ strong: z.number(), adequate: z.number(), weak: z.number() })
      .strict()
      .refine((b) => b.weak > 0 && b.strong > b.adequate && b.adequate > b.weak && b.strong < 100, {
        message: 'bands must rise inside the scale: 0 < weak < adequate < strong < 100',
      })
      .describe("Where the model's sum enters each band; totals are mapped so these land on 20, 45 and 70."),
    /** An answer that is mostly a list of terms scores at most this. */
    listCap: z.number().min(0).max(100),
    fitted: z.string().optional().describe('How the weights were fitted: the labelled set, the folds, the figures.'),
  })
  .strict();
export type ScoringModel = z.infer<typeof ScoringModel>;

/** The model shipped with rehearse, fitted to labelled answers by `npm run validity -- --write`. */
export const DEFAULT_MODEL: ScoringModel = ScoringModel.parse(defaults);
