// A labelled answer: which rubric grades it, the answer, and what a human made of it.
import * as z from '../zod.js';
import { tooLargeReason } from '../input.js';
import { jsonLines } from '../json-lines.js';
import { TIERS, type Tier } from './agreement.js';

/** Where a tier sits on the 0–100 scale when no score is given. */
export const TIER_SCORE: Record<Tier, number> = { weak: 15, adequate: 50, strong: 85 };

export const LabelLine = z
  .object({
    id: z.string().optional(),
    scenario: z.string().min(1).optional(),
    question: z.string().min(1).optional(),
    rubric: z.string().min(1).optional(),
    /** The question as it was asked: what the answer must bear on. Without it, the rubric's topic alone decides. */
    asked: z.string().optional(),
    answer: z.union([z.string(), z.array(z.string()).min(1)]),
    tier: z.preprocess((t) => (typeof t === 'string' ? t.trim().toLowerCase() : t), z.enum(TIERS)).optional(),
    score: z.number().min(0).max(100).optional(),
    /** The mean of two raters, as a labelled set with two raters provides it. */
    consensus: z.number().min(0).max(100).optional(),
    /** Answers from one source share a fold in cross-validation. */
    source: z.string().optional(),
    /** A second rater's labels, for comparing the raters with each other. */
    rater2: z
      .object({
        tier: z.preprocess((t) => (typeof t === 'string' ? t.trim().toLowerCase() : t), z.enum(TIERS)).optional(),
        score: z.number().min(0).max(100).optional(),
      })
      .optional(),
  })
  .passthrough()
  .refine((l) => l.rubric || (l.scenario && l.question), { message: 'give "rubric", or "scenario" and "question"', path: ['rubric'] })
  .refine((l) => l.tier || l.score !== undefined || l.consensus !== undefined, {
    message: 'give a human "tier" (weak, adequate, strong) or "score" (0–100)',
    path: ['tier'],
  });
export type LabelLine = z.infer<typeof LabelLine>;

/** The human score a line is measured against: its score, else the raters' consensus, else its tier's midpoint. */
export function humanScore(l: LabelLine): number {
  return l.score ?? l.consensus ?? TIER_SCORE[l.tier!];
}

export interface LabelIssue {
  line: number;
  path: string;
  message: string;
}

const answerBytes = (answer: LabelLine['answer']) =>
  typeof answer === 'string' ? Buffer.byteLength(answer) : answer.reduce((n, part) => n + Buffer.byteLength(part), 0);

/** Parses JSON Lines; blank lines are skipped; every bad line is reported, not just the first. */
export function parseLabels(text: string): { labels: { line: number; label: LabelLine }[]; issues: LabelIssue[] } {
  const labels: { line: number; label: LabelLine }[] = [];
  const issues: LabelIssue[] = [];
  for (const l of jsonLines(text)) {
    if ('error' in l) {
      issues.push({ line: l.line, path: '', message: `not JSON: ${l.error}` });
      continue;
    }
    const parsed = LabelLine.safeParse(l.data);
    // The limit `score` keeps: an answer past it would take seconds and gigabytes to grade.
    const tooLarge = parsed.success ? tooLargeReason(answerBytes(parsed.data.answer), 'answer') : undefined;
    if (tooLarge) issues.push({ line: l.line, path: 'answer', message: tooLarge });
    else if (parsed.success) labels.push({ line: l.line, label: parsed.data });
    else {
      const first = parsed.error.issues[0]!;
      issues.push({ line: l.line, path: first.path.join('.'), message: first.message });
    }
  }
  return { labels, issues };
}

/** The group a source belongs to for cross-validation: its page, without the note after it. */
export function sourceKey(l: LabelLine, fallback: string): string {
  if (!l.source) return fallback;
  return (
    l.source
      .replace(/\s*\(.*$/s, '')
      .replace(/[#?].*$/, '')
      .trim() || fallback
  );
}
