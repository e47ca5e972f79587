// What the candidate reads under the total: the summary, strengths, gaps and the improvements worth most.
import type { ResolvedRubric } from '../scenario/rubric.js';
import { positives, type Present } from './rubric/conditions.js';
import { levelSignalsOf, totalWeight } from './rubric/criteria.js';
import { FEATURE_ADVICE, PENALTY_POINTS, type HabitWords } from './model/features.js';
import type { NonAnswer } from './rubric/guards.js';
import type { ModelTerm } from './model/model.js';
import { guardedTotal, type Guards } from './model/total.js';
import type { AntiPatternHit, Band, CriterionScore, Improvement, Score } from './types.js';

/** The improvements shown: the few worth most, as a longer list would bury them. */
const IMPROVEMENTS_SHOWN = 3;
/** When a weak answer names the rubric's points, its summary names what held it down: the habits whose term in the sum is this or lower… */
const THIN_POINTS = -2;
/** …the costliest few, as a summary is one sentence. */
const THIN_NAMED = 2;

const NON_ANSWER_SUMMARY: Record<NonAnswer, string> = {
  empty: 'No answer was given, so there is nothing to grade.',
  'non-answer': 'This is not an answer yet, so it earns no credit. A rough first attempt would already score.',
  'too-short': 'This is too short to show any reasoning, so it earns no credit.',
  repetitive: 'This repeats a few words without making a point, so it earns no credit.',
  restatement:
    'This says back what the question asks, or names its headings, with nothing of its own, so it earns no credit. Name the thing itself: which metric, which team, which number.',
  'not-english':
    'The scorer grades answers in English, and most of this one is in another script, so it was not graded and earns no credit. Answer in English for a score and feedback.',
};

/** A cut this small is kept out of the summary: the flag and the explanation still show it. */
const PARTLY_SAID = 0.9;

function summary(
  band: Band,
  criteria: readonly CriterionScore[],
  listOnly: boolean,
  thin: string[],
  offTopic?: OffTopic,
  partly?: PartlyOff,
): string {
  const text = wholeSummary(band, criteria, listOnly, thin, offTopic);
  if (offTopic || !partly || partly.kept >= PARTLY_SAID) return text;
  const other = partly.rival ? `another question (${partly.rival.toLowerCase()})` : 'something other than the question asked';
  return `${text} Much of it reads as an answer to ${other}, so it keeps ${Math.round(partly.kept * 100)}% of its total.`;
}

function wholeSummary(band: Band, criteria: readonly CriterionScore[], listOnly: boolean, thin: string[], offTopic?: OffTopic): string {
  const met = criteria.filter((c) => c.meetsBar).length;
  const of = `${met} of ${criteria.length} criteria meet the bar`;
  if (offTopic) {
    const other = offTopic.rival ? `another question (${offTopic.rival.toLowerCase()})` : 'another question';
    const why = offTopic.elsewhere
      ? `this reads as an answer to ${other}: it says far more of that than of what was asked`
      : `${onQuestion(offTopic.share)} bears on the question asked${offTopic.rival ? `; the rest reads as an answer to ${other}` : ''}`;
    return `Off topic: ${why}, so it earns little however well it is put. Answer the question asked, then add what supports it.`;
  }
  if (listOnly) return `This reads as a list of terms rather than an answer: ${of}. Say which one you choose and why, in sentences.`;
  // The rubric's words are there but the reasoning is not: say what held it down.
  if ((band === 'weak' || band === 'insufficient') && met * 2 >= criteria.length && thin.length) {
    return `The rubric's points are named (${of}), but the reasoning behind them is thin: ${thin.join('; ')}.`;
  }
  switch (band) {
    case 'strong':
      // The total weighs how the answer reasons as well as the criteria: a strong one that meets few of
      // them says so, rather than calling itself strong beside a row of gaps.
      return met * 2 < criteria.length
        ? `A strong answer in how it reasons, though ${met ? `only ${of}` : `none of the ${criteria.length} criteria meets the bar`}: the hints below say what the others ask for.`
        : `A strong answer: ${of}.`;
    case 'adequate':
      return `A workable answer with gaps: ${of}.`;
    case 'weak':
      return `A weak answer: ${of}. The gaps below matter most.`;
    case 'insufficient':
      return `This does not yet answer what was asked: ${of}.`;
  }
}

/** The costly habits the summary names; length is left out, as it says nothing about the reasoning. */
function thinReasoning(terms: readonly ModelTerm[]): string[] {
  return terms
    .filter((t) => t.points <= THIN_POINTS && t.feature !== 'length')
    .sort((a, b) => a.points - b.points)
    .slice(0, THIN_NAMED)
    .map((t) => t.label);
}

/** How much of an answer bears on the question, in words. */
const onQuestion = (share: number) => {
  const pct = Math.round(share * 100);
  return pct === 0 ? 'none of this answer' : `only ${pct}% of this answer`;
};

/** Why an answer was held off topic: the share of its words on the question, and the title of the question it answers instead. */
export interface OffTopic {
  share: number;
  /** Held off topic as the answer to another question, not for too little on this one. */
  elsewhere: boolean;
  rival?: string;
}

export interface Graded {
  rubric: ResolvedRubric;
  nonAnswer: NonAnswer | undefined;
  criteria: readonly CriterionScore[];
  antiPatterns: readonly AntiPatternHit[];
  present: Present;
  /** The model's sum and its terms. */
  fitted: { raw: number; terms: readonly ModelTerm[] };
  /** The management words and the scaffolding the answer used, for their advice to name. */
  habitWords?: HabitWords;
  guards: Guards;
  total: number;
  band: Band;
  offTopic?: OffTopic;
  /** Held down, not off topic: what the topic model read the answer as about instead, and the share of its total kept. */
  partly?: PartlyOff;
}

export interface PartlyOff {
  rival?: string;
  kept: number;
}

/**
 * What would raise the total most, each gain worked out by the model: the points on the 0–100
 * scale that reaching the next level, dropping an anti-pattern or a costly habit would add.
 */
function improvements(g: Graded): Improvement[] {
  const { rubric, fitted, guards, total } = g;
  // Reaching a level earns something, so the cap on an answer that earned nothing does not hold it; dropping a habit earns nothing.
  const gainOf = (delta: number, without?: string, earns = false) =>
    guardedTotal(rubric.model, fitted.raw + delta, {
      ...guards,
      ...(earns ? { nothingEarned: false } : {}),
      ceilings: guards.ceilings.filter((c) => c.id !== without),
    }).total - total;
  const w = rubric.model.weights;
  const weights = totalWeight(g.criteria);
  const levelSignals = levelSignalsOf(rubric);
  return [
    ...g.criteria
      .filter((c) => c.level < c.maxLevel && !c.cappedBy)
      .map((c) => {
        const next = rubric.criteria.find((d) => d.id === c.id)!.levels[c.level + 1]!.when!;
        const newSignals = positives(next).filter((id) => !g.present(id) && levelSignals.includes(id)).length;
        const delta =
          ((w.rubric ?? 0) * c.weight) / c.maxLevel / weights + ((w.coverage ?? 0) * newSignals) / Math.max(1, levelSignals.length);
        return { criterion: c.id, gain: gainOf(delta, undefined, true), advice: asSentence(`${c.title}: ${c.missing[0] ?? c.anchor}`) };
      }),
    ...g.antiPatterns.map((a) => ({
      criterion: a.id,
      gain: gainOf(-((w.penalty ?? 0) * a.penalty) / PENALTY_POINTS, a.id),
      advice: asSentence(a.advice),
    })),
    ...fitted.terms
      .filter((t) => t.points < 0 && FEATURE_ADVICE[t.feature])
      .map((t) => ({ criterion: t.feature, gain: gainOf(-t.points), advice: adviceFor(t.feature, g.habitWords) })),
  ]
    .filter((imp, i, all) => imp.gain > 0 && all.findIndex((x) => x.advice === imp.advice) === i)
    .sort((x, y) => y.gain - x.gain)
    .slice(0, IMPROVEMENTS_SHOWN);
}

/** How many of the words an answer used a habit's advice names. */
const HABIT_WORDS_NAMED = 4;

/**
 * A habit's advice. The advice on management words and on scaffolding names the words this answer used
 * in place of the examples its definition gives in brackets, which the answer may not use at all.
 */
function adviceFor(feature: keyof typeof FEATURE_ADVICE, habitWords: HabitWords | undefined): string {
  const advice = FEATURE_ADVICE[feature]!;
  const used = feature === 'generic' || feature === 'scaffold' ? (habitWords?.[feature] ?? []) : [];
  if (!used.length) return advice;
  const named = used
    .slice(0, HABIT_WORDS_NAMED)
    .map((w) => `“${w}”`)
    .join(', ');
  return advice.replace(/\([^)]*\)/u, `(${named})`);
}

/** Advice read as a sentence, whatever its source wrote: it ends on a full stop. */
const asSentence = (text: string) => (/[.!?…]["'”’)]?$/u.test(text.trimEnd()) ? text.trimEnd() : `${text.trimEnd()}.`);

export function feedbackFor(g: Graded): Score['feedback'] {
  const { nonAnswer, criteria } = g;
  return {
    summary: nonAnswer
      ? NON_ANSWER_SUMMARY[nonAnswer]
      : summary(g.band, criteria, g.guards.listOnly, thinReasoning(g.fitted.terms), g.offTopic, g.partly),
    // A non-answer earned nothing, so nothing is praised; its gaps still say what an answer needs.
    strengths: nonAnswer ? [] : criteria.filter((c) => c.meetsBar).map((c) => `${c.title}: ${c.anchor}`),
    gaps: criteria.filter((c) => !c.meetsBar).map((c) => `${c.title}: ${c.missing.join('; ') || c.anchor}`),
    improvements: improvements(g),
  };
}
