// The reasoning features the scorer measures, each defined once: what it is called, which way the fit
// may weigh it, where a count of it saturates, the cue list it counts and the coaching it gives. The
// model's format (model.ts), the measuring (scoring/model/features.ts), the fit and the explanations all
// derive what they need from here.
import { CUES, HEDGE, METRIC_SHAPES, PLAN, SITUATED, VAGUE, type CueList } from './cues.js';

export interface FeatureDef {
  /** What the explanation calls it. */
  label: string;
  /** The direction the fit may push the total with it: 1 rewards, -1 costs, 0 either way. A weight fitted the other way is dropped. */
  sign: 1 | -1 | 0;
  /** For a counted feature, the count at which it reaches its full value on a log scale: the first counts most. */
  saturateAt?: number;
  /** The cue list whose phrases it counts, when it counts one. */
  cues?: CueList;
  /** Whether strung-together cue phrases fake it, so that a sentence made mostly of them does not count (see `stuffedShare`). */
  fakeable?: boolean;
  /** Coaching for when it costs points: what to do instead, in the candidate's words. */
  advice?: string;
}

const cue = (
  list: CueList,
  saturateAt: number | undefined,
  sign: 1 | -1,
  more: Partial<FeatureDef> = {},
): FeatureDef & { cues: CueList } => ({
  label: list.label,
  sign,
  ...(saturateAt ? { saturateAt } : {}),
  cues: list,
  fakeable: true,
  ...more,
});

/** Every feature, in the order the explanation lists them. */
export const FEATURE_DEFS = {
  rubric: { label: 'rubric criteria met', sign: 1 },
  coverage: { label: 'rubric signals found', sign: 1 },
  penalty: { label: 'rubric anti-patterns', sign: -1 },
  length: {
    label: 'length',
    sign: 0,
    advice: 'Develop the answer: the reason, a trade-off, and what you would do if the number moved.',
  },
  shapes: { label: 'metrics by their shape', sign: 1, saturateAt: 3, cues: METRIC_SHAPES },
  numbers: { label: 'numbers and thresholds', sign: 1, saturateAt: 4 },
  commitment: cue(CUES.commitment, 1, 1),
  definition: cue(CUES.definition, 2, 1),
  reason: cue(CUES.reason, 3, 1),
  contrast: cue(CUES.contrast, 2, 1),
  mechanism: cue(CUES.mechanism, 3, 1),
  evidence: cue(CUES.evidence, 2, 1),
  // Its value is the share of sentences that scaffold, not a count.
  scaffold: cue(CUES.scaffold, undefined, -1, {
    advice: 'Drop the scaffolding ("firstly", "it is important to", "a variety of") and lead with your choice and your reason.',
  }),
  generic: {
    label: 'management words, nothing specific',
    sign: -1,
    cues: VAGUE,
    advice:
      'Replace management words (alignment, stakeholders, insights, ensure) with the specific thing: which metric, which team, which number.',
  },
  enumeration: {
    label: 'items listed without reasons',
    sign: -1,
    advice: 'Instead of listing items, pick the one that matters and say why.',
  },
  questions: { label: 'questions instead of answers', sign: -1, advice: 'Answer the question rather than asking more of them.' },
  reasoned: { label: 'sentences that reason', sign: 1, saturateAt: 8 },
  situated: cue(SITUATED, 6, 1, { label: 'situated reasoning (if we…, we saw…)' }),
  plan: cue(PLAN, 5, 1, { label: "concrete steps (I'd check…, we'd pay…)" }),
  hedge: cue(HEDGE, 3, -1, {
    label: 'hedging (it depends, kind of)',
    advice: 'Commit to an answer; "it depends" needs the one case you would bet on.',
  }),
} as const satisfies Record<string, FeatureDef>;

export type FeatureId = keyof typeof FEATURE_DEFS;

/** The feature ids, in the order of their definitions. */
export const FEATURES = Object.keys(FEATURE_DEFS) as [FeatureId, ...FeatureId[]];

/** A feature's definition, typed as the general shape (the literal one hides the optional fields). */
export const featureDef = (id: FeatureId): FeatureDef => FEATURE_DEFS[id];
