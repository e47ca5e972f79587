// One view of a graded answer, made once from its score, and the rules every rendering reads it by.
import type { Delivery } from '../delivery/delivery.js';
import type { Band, Evidence, Score } from '../scoring/types.js';
import type { Unaligned } from '../transcripts/align.js';

type NonAnswer = NonNullable<Score['flags']['nonAnswer']>;

/** A quote the answer was credited for. */
export interface Quote {
  quote: string;
  /** Where the sentence was cut short to quote it (Evidence.cut). */
  cut?: Evidence['cut'];
}

/** A quote with its line in the file the answer was read from. */
export interface QuoteInFile extends Quote {
  line: number;
}

export interface CriterionView<Q extends Quote = Quote> {
  id: string;
  title: string;
  level: number;
  maxLevel: number;
  meetsBar: boolean;
  evidence: Q[];
  /** What the next level up asks for; empty at the top level. */
  missing: string[];
}

/** What every format shows of a graded answer, whatever the format shows it with. */
export interface AnswerView<Q extends Quote = Quote> {
  total: number;
  band: Band;
  rubric: { id: string; hash: string };
  criteria: CriterionView<Q>[];
  antiPatterns: { id: string; title: string }[];
  /** Set when the answer was not an attempt ("dont know", empty). */
  nonAnswer?: NonAnswer;
  /** Set when too little of the answer bears on the question asked to grade it as an answer to it. */
  offTopic?: true;
  /** Text aimed at the grader ("ignore the rubric…"), which was not read: neither credited nor penalised. */
  graderDirected?: Q[];
  /** Pace, fillers and pauses, when the answer's speech was timed; no part of the score. */
  delivery?: Delivery;
}

/** The candidate's turns, where each starts in the file, and where each later piece of a turn joined from several lines starts. */
export type AnswerTurn = { text: string; line: number; joined?: readonly { line: number; at: number }[] };

/** A quote of an answer typed in an interview, which has no file to place it in. */
export const quoted = (e: Evidence): Quote => ({ quote: e.quote, ...(e.cut ? { cut: e.cut } : {}) });

/** A quote as a reader sees it: an ellipsis where its sentence was cut short (in place of a comma or a dash there). */
export function excerpt(q: Quote): string {
  const start = q.cut === 'start' || q.cut === 'both' ? '…' : '';
  return q.cut === 'end' || q.cut === 'both' ? `${start}${q.quote.replace(/[\s,;:–—-]+$/u, '')}…` : `${start}${q.quote}`;
}

/** Quotes of an answer read from a file: each on its line in the file, through the pieces a turn was joined from. */
export const quotedIn =
  (turns: readonly AnswerTurn[]) =>
  (e: Evidence): QuoteInFile => {
    const t = turns[e.turn]!;
    // The piece of a joined turn the quote starts in, then the line breaks before it in that piece.
    let line = t.line;
    let from = 0;
    for (const piece of t.joined ?? []) {
      if (piece.at > e.start) break;
      line = piece.line;
      from = piece.at;
    }
    return { ...quoted(e), line: line + (t.text.slice(from, e.start).match(/\n/g)?.length ?? 0) };
  };

/** The view of a score, its quotes as `quote` places them. */
export function answerView<Q extends Quote>(score: Score, quote: (e: Evidence) => Q, delivery?: Delivery): AnswerView<Q> {
  return {
    total: score.total,
    band: score.band,
    rubric: { id: score.rubricId, hash: score.rubricHash },
    criteria: score.criteria.map((c) => ({
      id: c.id,
      title: c.title,
      level: c.level,
      maxLevel: c.maxLevel,
      meetsBar: c.meetsBar,
      evidence: c.evidence.map(quote),
      missing: c.missing,
    })),
    antiPatterns: score.antiPatterns.map((a) => ({ id: a.id, title: a.title })),
    ...(score.flags.nonAnswer ? { nonAnswer: score.flags.nonAnswer } : {}),
    ...(score.flags.offTopic ? { offTopic: true as const } : {}),
    ...(score.flags.graderDirected.length ? { graderDirected: score.flags.graderDirected.map(quote) } : {}),
    ...(delivery ? { delivery } : {}),
  };
}

/** How much of its top level a criterion reached, 0–1. */
export const ratio = (c: CriterionView) => c.level / c.maxLevel;

/** The criteria the answer fell short of the bar on. */
export const belowBar = (v: AnswerView) => v.criteria.filter((c) => !c.meetsBar);

/** The criterion furthest from its top level, when one is below it; the first of equals. */
export function weakest(v: AnswerView): CriterionView | undefined {
  const w = [...v.criteria].sort((x, y) => ratio(x) - ratio(y))[0];
  return w && w.level < w.maxLevel ? w : undefined;
}

/** The first quote the answer was credited for. */
export const firstQuote = (v: AnswerView): string | undefined => {
  const q = v.criteria.flatMap((c) => c.evidence)[0];
  return q && excerpt(q);
};

/** A criterion's quotes on one line each, each said once: a sentence can be quoted by several signals. */
export const distinctQuotes = (c: CriterionView) => [...new Set(c.evidence.map((e) => excerpt(e).replace(/\s+/g, ' ')))];

/** What would reach the next level of a criterion; nothing for a non-answer, which is not graded as an attempt. */
export const toReach = (v: AnswerView, c: CriterionView) => (v.nonAnswer ? [] : c.missing);

const NOT_AN_ATTEMPT: Record<NonAnswer, string> = {
  empty: 'no answer was given',
  'non-answer': 'it says there is no answer yet',
  'too-short': 'too short to show any reasoning',
  repetitive: 'it repeats a few words without making a point',
  restatement: 'it says back what the question asks, or names its headings, with nothing of its own',
  'not-english': 'mostly not in English, the one language the scorer grades',
};

/**
 * What every format says of an answer beside its grades, a line each: why it earned nothing, or
 * why it earned little. A fact of the view that a reader needs wherever the report is read goes here.
 */
export function remarks(v: AnswerView): string[] {
  return [
    ...(v.nonAnswer ? [`not graded as an attempt: ${NOT_AN_ATTEMPT[v.nonAnswer]}`] : []),
    // One reason where an answer is no attempt: it is not also said to be off the question.
    ...(v.offTopic && !v.nonAnswer ? ['off topic: too little of it bears on the question asked'] : []),
    ...(v.graderDirected ?? []).map((q) => `ignored, as text aimed at the grader: “${excerpt(q).replace(/\s+/gu, ' ')}”`),
  ];
}

/** A question that was asked but not graded, as every format shows it. */
export interface NotGraded {
  line: number;
  prompt: string;
  reason: string;
  /** Answers given to it, graded under no other question. */
  answers: number;
}

export const notGraded = (t: { unaligned: readonly Unaligned[] }): NotGraded[] =>
  t.unaligned.map((u) => ({ line: u.line, prompt: u.text, reason: u.reason, answers: u.answers }));

/** Why a question was not graded, with the answers that went ungraded with it. */
export const whyNotGraded = (n: NotGraded) => `${n.reason}${n.answers ? ` (${n.answers} answer(s) not graded)` : ''}`;

/** What a score says to coach the candidate, which the view leaves out: what each criterion's level means, each anti-pattern's advice. */
export function coachingOf(score: Score) {
  const anchors = new Map(score.criteria.map((c) => [c.id, c.anchor]));
  const advice = new Map(score.antiPatterns.map((a) => [a.id, a.advice]));
  return { anchor: (c: { id: string }) => anchors.get(c.id) ?? '', advice: (a: { id: string }) => advice.get(a.id) ?? '' };
}
