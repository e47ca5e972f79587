// The end-of-interview report: totals per question and per criterion, and the changes worth most.
import { ownEntry } from '../own.js';
import type { Scenario } from '../scenario/schema.js';
import { measureDelivery, type Delivery } from '../delivery/delivery.js';
import { joinSpeech } from '../delivery/speech.js';
import { answersTo, probesOf, recordingsOf, type NoticeReason, type Session } from '../interview/session.js';
import { bandOf } from '../scoring/score.js';
import type { Band, Score } from '../scoring/types.js';
import { worthMaking } from './scorecard.js';
import { FEATURES } from '../scenario/features.js';

const HABITS: ReadonlySet<string> = new Set(FEATURES);

/** Whether two improvements say the same: the same advice, or advice on the same habit. */
const sameAdvice = (a: { criterion: string; advice: string }, b: { criterion: string; advice: string }) =>
  a.advice === b.advice || (a.criterion === b.criterion && HABITS.has(a.criterion));

export interface QuestionReport {
  id: string;
  prompt: string;
  answered: boolean;
  total: number;
  band: Band;
  probes: number;
  answers: string[];
  score?: Score;
  /** How the spoken answers were delivered (pace, fillers, pauses, time), apart from the score. */
  delivery?: Delivery;
  /** What was said aloud, as transcribed: the answers may have been corrected, or typed instead. */
  spoken?: string[];
}

export interface CriterionSummary {
  title: string;
  /** Mean share of the top level reached, 0–100, over the questions that grade it. */
  percent: number;
  questions: number;
}

export interface Report {
  sessionId: string;
  scenario: { id: string; title: string };
  mode: Session['mode'];
  complete: boolean;
  /** Mean of the question totals; a question not answered counts 0. */
  total: number;
  band: Band;
  questions: QuestionReport[];
  criteria: CriterionSummary[];
  /** The three changes that would raise the total most, with the points each is worth. */
  /** `gain` on the interview's total, `questionGain` on its question's (only those worth making). */
  improvements: { question: string; gain: number; questionGain: number; advice: string }[];
  /** What the interview said of its own along the way (an LLM that failed, time up); not resuming. */
  notices: { reason: NoticeReason; text: string }[];
}

/** How a question's spoken answers were delivered, from their transcripts' timings; undefined when none was spoken. */
export function deliveryOf(session: Session, question: Scenario['questions'][number]): Delivery | undefined {
  const speech = joinSpeech(recordingsOf(session, question.id).flatMap((r) => (r.speech ? [r.speech] : [])));
  return speech && measureDelivery(speech, { budgetSeconds: question.budget.seconds });
}

export function buildReport(session: Session, scenario: Scenario): Report {
  const questions: QuestionReport[] = scenario.questions.map((q) => {
    const score = ownEntry(session.scores, q.id);
    const delivery = deliveryOf(session, q);
    const spoken = recordingsOf(session, q.id).flatMap((r) => (r.speech?.text.trim() ? [r.speech.text.trim()] : []));
    return {
      id: q.id,
      prompt: q.prompt,
      answered: !!score,
      total: score?.total ?? 0,
      band: score?.band ?? 'insufficient',
      probes: probesOf(session, q.id).length,
      answers: answersTo(session, q.id),
      ...(score ? { score } : {}),
      ...(delivery ? { delivery } : {}),
      ...(spoken.length ? { spoken } : {}),
    };
  });
  const n = questions.length || 1;
  const total = Math.round(questions.reduce((sum, q) => sum + q.total, 0) / n);
  const byTitle = new Map<string, number[]>();
  for (const q of questions) {
    for (const c of q.score?.criteria ?? []) byTitle.set(c.title, [...(byTitle.get(c.title) ?? []), (100 * c.level) / c.maxLevel]);
  }
  const criteria = [...byTitle.entries()]
    .map(([title, xs]) => ({ title, percent: Math.round(xs.reduce((a, b) => a + b, 0) / xs.length), questions: xs.length }))
    .sort((a, b) => a.percent - b.percent || (a.title < b.title ? -1 : 1));
  const improvements = questions
    .flatMap((q) =>
      worthMaking(q.score?.feedback.improvements ?? []).map((i) => ({
        question: q.id,
        gain: i.gain / n,
        questionGain: i.gain,
        advice: i.advice,
        criterion: i.criterion,
      })),
    )
    .sort((a, b) => b.gain - a.gain || (a.question < b.question ? -1 : a.question > b.question ? 1 : 0))
    // The same advice for several questions is one piece of advice, worth what its best use is. A habit's
    // advice names each answer's own words ("Replace management words (…)"), so habits go by the habit.
    .filter((imp, i, all) => all.findIndex((x) => sameAdvice(x, imp)) === i)
    .slice(0, 3)
    .map(({ criterion: _, ...i }) => ({ ...i, gain: Math.round(i.gain * 10) / 10 }));
  return {
    sessionId: session.id,
    scenario: { id: scenario.id, title: scenario.title },
    mode: session.mode,
    complete: session.status === 'finished',
    total,
    band: bandOf(total),
    questions,
    criteria,
    improvements,
    notices: session.turns.flatMap((t) =>
      t.kind === 'notice' && t.notice && t.notice !== 'resumed' ? [{ reason: t.notice, text: t.text }] : [],
    ),
  };
}
