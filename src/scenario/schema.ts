// The scenario and rubric file formats: the single source for their types, defaults and JSON Schema.
import * as z from '../zod.js';
import { forTerminal } from '../terminal-text.js';
import { ScoringModel } from './model.js';

/**
 * Text people read (titles, prompts, names, anchors, examples): line breaks and tabs, but no other
 * control character. Drawn, one would be removed or would act on the reader's terminal; here it is
 * named, so the author can see it and take it out.
 */
const Text = z.string().superRefine((s, ctx) => {
  const drawn = forTerminal(s);
  if (drawn === s) return;
  let at = 0;
  while (s[at] === drawn[at]) at++;
  const code = s.charCodeAt(at).toString(16).toUpperCase().padStart(4, '0');
  ctx.addIssue({ code: 'custom', message: `control character U+${code} at character ${at + 1}: only line breaks and tabs are allowed` });
});

export const Id = z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'use lowercase letters, digits, "-" and "_"');

/** Which signals must (or must not) be present for a level or an anti-pattern. */
export const Condition = z
  .object({
    all: z.array(Id).min(1).optional(),
    any: z.array(Id).min(1).optional(),
    none: z.array(Id).min(1).optional(),
    atLeast: z
      .object({ count: z.number().int().min(1), of: z.array(Id).min(1) })
      .strict()
      .optional(),
  })
  .strict()
  .refine((c) => c.all || c.any || c.none || c.atLeast, {
    message: 'give at least one of all, any, none, atLeast',
  });
export type Condition = z.infer<typeof Condition>;

/** What text a signal looks for: phrases, a named lexicon, or a regular expression. */
const MatcherFields = {
  terms: z.array(Text.min(1)).min(1).optional(),
  lexicon: Id.optional(),
  pattern: z.string().min(1).optional(),
};
export const Matcher = z
  .object(MatcherFields)
  .strict()
  .refine((m) => m.terms || m.lexicon || m.pattern, { message: 'give terms, lexicon or pattern' });
export type Matcher = z.infer<typeof Matcher>;

export const Signal = z
  .object({
    ...MatcherFields,
    hint: Text.min(1).describe('What to tell the candidate when this signal is missing.'),
    near: z
      .object({ ...MatcherFields, window: z.number().int().min(0).max(3).default(0) })
      .strict()
      .optional()
      .describe('Another matcher that must occur in the same sentence (window 0) or within that many sentences.'),
    distinct: z.number().int().min(1).default(1).describe('How many different phrases must match.'),
    polarity: z
      .enum(['affirmed', 'rejected', 'any'])
      .default('affirmed')
      .describe('affirmed: negated or criticised mentions do not count; rejected: only those count.'),
    opening: z
      .boolean()
      .default(false)
      .describe('Only the first sentence of the main answer counts: where a candidate states their choice.'),
    words: z
      .object({ over: z.number().int().min(1).optional(), under: z.number().int().min(1).optional() })
      .strict()
      .optional()
      .describe('A length signal: present when the answer has more than `over` or fewer than `under` words.'),
  })
  .strict()
  .refine((s) => s.terms || s.lexicon || s.pattern || s.words, {
    message: 'give terms, lexicon, pattern or words',
  });
export type Signal = z.infer<typeof Signal>;

export const Level = z
  .object({
    anchor: Text.min(1).describe('What an answer at this level does.'),
    when: Condition.optional().describe('Signals that earn this level; level 0 has none.'),
  })
  .strict();

export const Criterion = z
  .object({
    id: Id,
    title: Text.min(1),
    weight: z.number().positive(),
    bar: z.number().int().min(1).describe('The level that meets the bar; below it the interviewer may probe.'),
    levels: z.array(Level).min(2),
  })
  .strict();
export type Criterion = z.infer<typeof Criterion>;

export const AntiPattern = z
  .object({
    id: Id,
    title: Text.min(1),
    when: Condition,
    penalty: z.number().min(0).max(100).default(0),
    cap: z
      .object({ criterion: Id, level: z.number().int().min(0) })
      .strict()
      .optional(),
    ceiling: z
      .enum(['insufficient', 'weak', 'adequate'])
      .optional()
      .describe('The highest band an answer with this anti-pattern can reach, whatever else it does.'),
    advice: Text.min(1),
  })
  .strict();
export type AntiPattern = z.infer<typeof AntiPattern>;

/** Words added to lexicons by name: `{ metrics: [completed visit*, patients seen] }`. */
const Vocabulary = z.record(Id, z.array(Text.min(1)).min(1)).default({});

export const Rubric = z
  .object({
    id: Id,
    version: z.number().int().min(1).default(1),
    title: Text.min(1),
    family: Text.min(1).describe('The question family this rubric grades, e.g. kpi or incentives.'),
    detect: z
      .array(Text.min(1))
      .default([])
      .describe(
        'What marks a question of this family in a transcript, in the phrase syntax of lexicons. "a + b" needs both parts somewhere in the question; "~ a" is a weak cue that counts half. The family with the most matches wins; a tie decides nothing.',
      ),
    topic: z
      .array(Text.min(1))
      .default([])
      .describe(
        "What an answer to a question of this family is about, in the phrase syntax of lexicons: the concepts, not one phrasing. A sentence that names none of them, and continues none that does, is not about the question and earns nothing; an answer mostly elsewhere, or about another family's topic, is off topic. Without it, every sentence is read and no answer is judged off topic.",
      ),
    extends: Id.optional().describe(
      'Another rubric (in this library or one it uses) this one builds on: its criteria, anti-patterns and signals, with those given here added or, by the same id, replaced.',
    ),
    criteria: z.array(Criterion).default([]),
    antiPatterns: z.array(AntiPattern).default([]),
    signals: z.record(Id, Signal).default({}).describe('Signals only this rubric uses.'),
    vocabulary: Vocabulary.describe('Words added to the lexicons of these names, for this rubric only.'),
  })
  .strict()
  .superRefine((r, ctx) => {
    if (!r.extends && r.criteria.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['criteria'],
        message: 'a rubric needs at least one criterion, or `extends` to build on another',
      });
    }
  });
export type Rubric = z.infer<typeof Rubric>;

/** A file of rubrics, signals and lexicons that several scenarios share. */
export const RubricLibrary = z
  .object({
    $schema: z.string().optional(),
    uses: z
      .array(z.string().min(1))
      .default([])
      .describe(
        'Other libraries whose lexicons, signals and rubrics this one uses by name: a path relative to this file, or rehearse:<name> for one rehearse ships.',
      ),
    overrides: z
      .array(Id)
      .default([])
      .describe(
        'Ids of lexicons, signals or rubrics defined here that replace ones of the same id in a used library; any other clash is an error.',
      ),
    lexicons: z.record(Id, z.array(Text.min(1)).min(1)).default({}),
    signals: z.record(Id, Signal).default({}),
    rubrics: z.array(Rubric).min(1),
    model: ScoringModel.optional().describe("How features become a total; without it, rehearse's fitted model."),
  })
  .strict();
export type RubricLibrary = z.infer<typeof RubricLibrary>;

export const FollowUp = z
  .object({
    id: Id,
    prompt: Text.min(1),
    targets: z.array(Id).min(1).describe('The rubric criteria this follow-up probes.'),
  })
  .strict();
export type FollowUp = z.infer<typeof FollowUp>;

export const Exemplar = z
  .object({
    level: z.enum(['strong', 'adequate', 'weak']),
    text: Text.min(1),
    note: Text.optional(),
  })
  .strict();
export type Exemplar = z.infer<typeof Exemplar>;

export const Question = z
  .object({
    id: Id,
    prompt: Text.min(1),
    rubric: Id.describe('The id of a rubric in one of the files listed under `uses`.'),
    follows: Id.optional().describe(
      'The id of an earlier question this one builds on ("…around that north star?"): a drill that asks this question alone shows that one first.',
    ),
    followUps: z.array(FollowUp).default([]),
    example: Text.min(1).describe('A strong example answer.'),
    exemplars: z.array(Exemplar).default([]),
    budget: z
      .object({
        probes: z.number().int().min(0).max(5).default(2),
        seconds: z.number().int().min(30).default(300),
      })
      .strict()
      .default({ probes: 2, seconds: 300 }),
  })
  .strict();
export type Question = z.infer<typeof Question>;

export const Scenario = z
  .object({
    $schema: z.string().optional(),
    id: Id,
    title: Text.min(1),
    summary: Text.min(1).describe('One line shown in the scenario list.'),
    role: Text.min(1),
    company: z
      .object({
        name: Text.min(1),
        stage: Text.min(1),
        market: Text.min(1),
        description: Text.min(1),
      })
      .strict(),
    interviewer: z.object({ name: Text.min(1), title: Text.min(1), style: Text.min(1) }).strict(),
    context: z
      .object({
        terms: z.array(Text.min(1)).min(1).describe('Words that show an answer fits this company.'),
        vocabulary: Vocabulary.describe(
          "This company's words added to the lexicons of the rubrics it uses, by lexicon name: `metrics: [completed visit*]` teaches the KPI rubric this domain's metrics.",
        ),
      })
      .strict(),
    uses: z
      .array(z.string().min(1))
      .default([])
      .describe('Rubric library files: a path relative to this file, or rehearse:<name> for a library rehearse ships (rehearse:pm).'),
    questions: z.array(Question).min(1),
  })
  .strict();
export type Scenario = z.infer<typeof Scenario>;
