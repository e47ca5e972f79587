// The score the scorer gives an answer; saved in sessions and reports, so it has a schema.
import * as z from '../zod.js';
import { POLICY } from '../policy/policy.js';

/** The version of the scorer a score was made by; it lives with the policy numbers it versions (policy.json). */
export const SCORER_VERSION = POLICY.version;

export const Evidence = z.object({
  signal: z.string(),
  /** 0 is the main answer, 1.. the answers to probes. */
  turn: z.number().int().min(0),
  /** Offsets into that turn's text (UTF-16 code units): text.slice(start, end) === quote. */
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  quote: z.string(),
  /** The words inside the quote that earned it. */
  match: z.string(),
  /** Where a long sentence was cut short to quote it: at its start, its end or both (absent when quoted whole). */
  cut: z.enum(['start', 'end', 'both']).optional(),
});
export type Evidence = z.infer<typeof Evidence>;

export const CriterionScore = z.object({
  id: z.string(),
  title: z.string(),
  weight: z.number(),
  level: z.number().int().min(0),
  maxLevel: z.number().int().min(1),
  bar: z.number().int().min(1),
  meetsBar: z.boolean(),
  anchor: z.string(),
  evidence: z.array(Evidence),
  /** What the next level up asks for, in words for the candidate; empty at the top level. */
  missing: z.array(z.string()),
  /** Set when an anti-pattern held the level down. */
  cappedBy: z.string().optional(),
});
export type CriterionScore = z.infer<typeof CriterionScore>;

export const AntiPatternHit = z.object({
  id: z.string(),
  title: z.string(),
  penalty: z.number(),
  advice: z.string(),
  evidence: z.array(Evidence),
});
export type AntiPatternHit = z.infer<typeof AntiPatternHit>;

export const Band = z.enum(['insufficient', 'weak', 'adequate', 'strong']);
export type Band = z.infer<typeof Band>;

export const Improvement = z.object({
  criterion: z.string(),
  /** Points the total would gain from reaching the next level. */
  gain: z.number(),
  advice: z.string(),
});
export type Improvement = z.infer<typeof Improvement>;

export const Score = z.object({
  scorerVersion: z.string(),
  rubricId: z.string(),
  rubricHash: z.string(),
  total: z.number().int().min(0).max(100),
  band: Band,
  criteria: z.array(CriterionScore),
  antiPatterns: z.array(AntiPatternHit),
  words: z.number().int().min(0),
  flags: z.object({
    /** Why the answer was not graded as an attempt (empty, "dont know", too short, not in English…). */
    nonAnswer: z.enum(['empty', 'non-answer', 'too-short', 'repetitive', 'restatement', 'not-english']).optional(),
    /** The answer is terms without sentences. */
    listOnly: z.boolean(),
    /** Too little of the answer bears on the question asked to grade it as an answer to it. */
    offTopic: z.boolean().optional(),
    /** The share of the answer's words in sentences that bear on the question (0–1); absent in older scores. */
    relevance: z.number().min(0).max(1).optional(),
    /** The share of its total the answer kept because the topic model reads it as partly about another question (0–1); absent when it kept all. */
    topic: z.number().min(0).max(1).optional(),
    /** Text aimed at the grader; it was ignored, neither credited nor penalised. */
    graderDirected: z.array(Evidence),
  }),
  /** How the total was summed: the fitted model's terms. Absent in scores saved before it existed. */
  model: z
    .object({
      version: z.string(),
      intercept: z.number(),
      raw: z.number(),
      /** Each feature's part of the sum; present when the score was explained (`--explain`). */
      terms: z
        .array(z.object({ feature: z.string(), label: z.string(), value: z.number(), weight: z.number(), points: z.number() }))
        .optional(),
      /** What held the total below the sum: "list-only", or the anti-pattern whose ceiling applied. */
      limitedBy: z.string().optional(),
    })
    .optional(),
  feedback: z.object({
    summary: z.string(),
    strengths: z.array(z.string()),
    gaps: z.array(z.string()),
    improvements: z.array(Improvement),
  }),
});
export type Score = z.infer<typeof Score>;
