// Changes to an answer that an interviewer's grade would ignore (form) or that must lower it (another
// question): shared by the metamorphic tests and by `npm run validity`, which runs them on real answers.
import { withoutMarks } from '../../src/calibration/fit-boundaries.js';

/**
 * Questions whose answers overlap by nature: a KPI answer says something about its supporting
 * metrics, a vision answer about aligning teams, a metrics answer about gaming. Another family's
 * question, for the relation "an answer to another question keeps little", is one outside this list.
 */
const RELATED: readonly (readonly [string, string])[] = [
  ['kpi', 'metrics'],
  ['vision', 'incentives'],
  ['metrics', 'risks'],
  ['kpi', 'risks'],
];

export const related = (a: string, b: string) => a === b || RELATED.some(([x, y]) => (x === a && y === b) || (x === b && y === a));

/** The families an answer of `family` may be graded under as "another question". */
export const unrelatedFamilies = (family: string, all: readonly string[]) => all.filter((f) => !related(family, f));

/**
 * Three sentences about something else, each with what the question-blind features used to pay for:
 * a figure, an "if … when", a reason, a past situation. Written for the project; several, so that no
 * one wording decides a relation.
 */
export const PADDING: readonly string[] = [
  'Last summer I spent 12 days hiking in the hills with my cousins. If it rains when we set out, we wait in the hut and play cards because the path gets slippery. The view from the top was worth every one of the 3,000 steps.',
  'My sister bakes sourdough every Sunday, so the starter gets fed on Saturday night. When the kitchen is cold the dough takes about 14 hours to rise. We usually give the second loaf to the neighbours, who return the favour with jam.',
  'I commute by train, which takes 45 minutes each way. If the 8:10 is late when I reach the platform, I read a chapter of a novel instead of checking email. Last year I finished 30 books that way.',
];

export const pad = (answer: string, k = 0) => `${answer.trimEnd()} ${PADDING[k % PADDING.length]}`;

/** The answer's sentences, split where a full stop, question or exclamation mark meets a space or a line break. */
export function sentencesOf(answer: string): string[] {
  return answer
    .split(/(?<=[.!?])\s+|\n+/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Each sentence as a bullet on its own line, as people write notes to themselves. */
export const asBullets = (answer: string) =>
  sentencesOf(answer)
    .map((s) => `- ${s}`)
    .join('\n');

/** What speech transcription often gives: no sentence punctuation, no capitals. */
export const unpunctuated = withoutMarks;

/**
 * The same answer as advice, the way people write it in notes or a coaching doc: "I would pick X" becomes
 * "Pick X", "I'd watch" becomes "Watch". Sentences that do not open with a first person and a modal stay.
 */
export const adviceForm = (answer: string) =>
  answer.replace(
    /(^|[.!?;]\s+|\n)(First,? |Then,? |Next,? |Also,? )?(?:I|We) (?:would |will |should |(?:'|’)d )(?:first |then |also )?(\p{Ll})/gu,
    (_, lead: string, opener: string | undefined, letter: string) => `${lead}${opener ?? ''}${opener ? letter : letter.toUpperCase()}`,
  );
