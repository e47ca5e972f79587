// Which interviewer questions get graded, against keys written by reading the text: precision (of
// the questions graded, how many are the family the key says) and recall (of the product
// questions the key names, how many are graded as that family).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gradeText } from '../src/batch/grade.js';
import { gradeOptions } from '../src/batch/options.js';
import { BUILT_IN_DIR } from '../src/scenario/catalog.js';
import { loadLibrary } from '../src/scenario/load.js';
import { detectFamily, familiesOf, type Families } from '../src/transcripts/align.js';
import { parseTranscripts } from '../src/transcripts/detect.js';
import { questionModel } from '../src/transcripts/families.js';
import type { QuestionModel } from '../src/transcripts/question-model.js';
import { cast } from '../src/transcripts/speakers.js';
import { TranscriptError } from '../src/transcripts/types.js';
import { FIXTURES, GENERATIONS, lineExamples, readKey, setsIn, spanOf, turnSpans, type QuestionSets } from './question-sets.js';
import type { Figure } from './util.js';

export type { QuestionSets } from './question-sets.js';

export interface Tally {
  /** Graded as the family the key says. */
  right: number;
  /** Graded, but the key says another family or none. */
  wrong: number;
  /** Questions the key names. */
  keyed: number;
  misses: string[];
}

export const NOT_PM_QUESTIONS = join(FIXTURES, 'questions', 'not-pm-questions.json');
export const CONVERSATIONS = join(FIXTURES, 'conversations');

/** The sets the recognition rules were developed against. */
export const EARLIER_SETS: QuestionSets = GENERATIONS[0]!.sets;

/** Sets written after the rules were settled, by someone who had not read them: never used to tune them. */
export const LATER_SETS = setsIn(join(FIXTURES, 'questions-later'));

/** Fresh sets written after the rules were last changed, by someone who had read neither them nor the sets above. */
export const FRESH_SETS = setsIn(join(FIXTURES, 'questions-fresh'));

/** Unseen sets written after the fresh sets' measurement, by someone who had read neither the rules nor any earlier set. */
export const UNSEEN_SETS = setsIn(join(FIXTURES, 'questions-unseen'));

/** Blind sets written after the unseen sets' measurement, by someone who had read neither the rules nor any earlier set. */
export const BLIND_SETS = setsIn(join(FIXTURES, 'questions-blind'));

/** Second blind sets, written while the rules were last changed, by someone who had read neither them nor any earlier set; measured once, their misses have since changed the rules too. */
export const SECOND_BLIND_SETS = setsIn(join(FIXTURES, 'questions-blind2'));

/** Third blind sets, written while the second's misses were studied, by someone who had read neither the rules nor any earlier set. */
export const THIRD_BLIND_SETS = setsIn(join(FIXTURES, 'questions-blind3'));

/** Fourth blind sets, written after the question model was first trained, by someone who had read neither the rules nor any earlier set; measured once, then added to the sets the model is trained on. */
export const FOURTH_BLIND_SETS = setsIn(join(FIXTURES, 'questions-blind4'));

/** Fifth blind sets, written by someone who had read neither the rules nor any earlier set, once the fourth had been measured; measured once, then trained on, and one of their misses changed a rule. */
export const FIFTH_BLIND_SETS = setsIn(join(FIXTURES, 'questions-blind5'));

/** Sixth blind sets, written by someone who had read neither the rules nor any earlier set, once the fifth had been measured; not among the sets the model is trained on. */
export const SIXTH_BLIND_SETS = setsIn(join(FIXTURES, 'questions-blind6'));

const empty = (): Tally => ({ right: 0, wrong: 0, keyed: 0, misses: [] });

/** The shipped rubrics' families, read with the given question model (null: by the cues alone). */
export const pmFamilies = (model: QuestionModel | null = questionModel()): Families =>
  familiesOf([loadLibrary(join(BUILT_IN_DIR, 'rubrics', 'pm.yaml'))], [], {}, model);

/** Lines read one at a time: the paraphrase sets must be graded as their family, the other lines never. */
export function lineTally(sets: QuestionSets = EARLIER_SETS, families: Families = pmFamilies()): Tally {
  const t = empty();
  for (const { text, label } of lineExamples(sets)) {
    const pm = label !== 'none';
    const got = detectFamily(text, families)?.family;
    if (pm) t.keyed++;
    if (got === label) t.right++;
    else if (got) t.wrong++;
    if (got !== (pm ? label : undefined)) t.misses.push(`${pm ? label : 'none'} → ${got ?? 'not graded'}: “${text}”`);
  }
  return t;
}

/** Each turn's line span in a file, over all its conversations, in order. */
function spansOf(text: string): { from: number; to: number }[] {
  let transcripts;
  try {
    transcripts = parseTranscripts(text);
  } catch (e) {
    if (e instanceof TranscriptError) return [];
    throw e;
  }
  const turns = transcripts.flatMap((t) => cast(t, {}).turns).sort((a, b) => a.line - b.line);
  return turnSpans(text, turns);
}

export interface ConversationTallies {
  /** A graded question matches a keyed one when the keyed line lies in the same turn (its header lines included). */
  byTurn: Tally;
  /** …only when it names the very line the key names. */
  exact: Tally;
}

/** Whole conversations graded as `rehearse grade` grades them, against the key's questions, by turn and by exact line. */
export function conversationTallies(folder: string = CONVERSATIONS, model: QuestionModel | null = questionModel()): ConversationTallies {
  const key = readKey(folder);
  const opts = { ...gradeOptions({ scenario: 'auto' }), questionModel: model };
  const out: ConversationTallies = { byTurn: empty(), exact: empty() };
  for (const [file, want] of Object.entries(key.files)) {
    const text = readFileSync(join(folder, file), 'utf8');
    const { graded } = gradeText(file, text, opts);
    const got = graded.flatMap((g) => g.answers.map((a) => ({ line: a.line, family: a.family })));
    const spans = spansOf(text);
    const sameTurn = (a: number, b: number) => a === b || (spanOf(spans, a) >= 0 && spanOf(spans, a) === spanOf(spans, b));
    for (const [t, same] of [
      [out.byTurn, sameTurn],
      [out.exact, (a: number, b: number) => a === b],
    ] as const) {
      t.keyed += want.length;
      const found = new Set<number>();
      for (const g of got) {
        const w = want.findIndex((w, i) => !found.has(i) && w.family === g.family && same(w.line, g.line));
        if (w >= 0) {
          found.add(w);
          t.right++;
        } else {
          t.wrong++;
          t.misses.push(`${file}:${g.line} graded as ${g.family}`);
        }
      }
      want.forEach((w, i) => found.has(i) || t.misses.push(`${file}:${w.line} ${w.family} not found`));
    }
  }
  return out;
}

/** Conversations matched by turn (see conversationTallies). */
export const conversationTally = (folder: string = CONVERSATIONS, model: QuestionModel | null = questionModel()): Tally =>
  conversationTallies(folder, model).byTurn;

export const percent = (n: number, of: number): number => (of ? Math.round((1000 * n) / of) / 10 : 100);
export const precisionOf = (t: Tally): number => percent(t.right, t.right + t.wrong);
export const recallOf = (t: Tally): number => percent(t.right, t.keyed);

function figures(what: string, t: Tally): Figure[] {
  const precision = precisionOf(t);
  const recall = recallOf(t);
  return [
    {
      name: `precision, ${what}`,
      value: precision,
      unit: `% of ${t.right + t.wrong} graded`,
      target: '≥ 95%',
      ok: precision >= 95,
      ...(t.misses.length ? { detail: `wrong or missed: ${t.misses.join(' · ')}` } : {}),
    },
    { name: `recall, ${what}`, value: recall, unit: `% of ${t.keyed}`, target: '≥ 90%', ok: recall >= 90 },
  ];
}

/** The shipped reader (cues and the shipped question model, which was trained on these sets too) on one generation. */
export function benchPrecision(sets: QuestionSets = EARLIER_SETS): Figure[] {
  const conversations = conversationTallies(sets.conversations);
  const { right, wrong, keyed } = conversations.exact;
  return [
    ...figures('single lines (paraphrase sets, and lines that must not be graded)', lineTally(sets)),
    ...figures('conversations (a question found in the keyed turn)', conversations.byTurn),
    {
      name: 'conversations by exact line (the old convention: a question found on the turn’s header line counts as missed)',
      value: precisionOf(conversations.exact),
      unit: `% precision of ${right + wrong} graded, ${recallOf(conversations.exact)}% recall of ${keyed}`,
    },
  ];
}
