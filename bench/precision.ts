// Which interviewer questions get graded, against keys written by reading the text: precision (of
// the questions graded, how many are the family the key says) and recall (of the product
// questions the key names, how many are graded as that family).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gradeText } from '../src/batch/grade.js';
import { gradeOptions } from '../src/batch/options.js';
import { PACKAGE_ROOT } from '../src/paths.js';
import { BUILT_IN_DIR } from '../src/scenario/catalog.js';
import { loadLibrary } from '../src/scenario/load.js';
import { detectFamily, familiesOf } from '../src/transcripts/align.js';
import { PARAPHRASES } from './recognition.js';
import type { Figure } from './util.js';

export interface Tally {
  /** Graded as the family the key says. */
  right: number;
  /** Graded, but the key says another family or none. */
  wrong: number;
  /** Questions the key names. */
  keyed: number;
  misses: string[];
}

/** Where one generation of sets lives: paraphrases by family, lines never to grade, and keyed conversations. */
export interface QuestionSets {
  paraphrases: string;
  notPm: string;
  /** A folder holding the conversations and their key.json. */
  conversations: string;
}

const FIXTURES = join(PACKAGE_ROOT, 'test', 'fixtures');
export const NOT_PM_QUESTIONS = join(FIXTURES, 'questions', 'not-pm-questions.json');
export const CONVERSATIONS = join(FIXTURES, 'conversations');

/** The sets the recognition rules were developed against. */
export const EARLIER_SETS: QuestionSets = { paraphrases: PARAPHRASES, notPm: NOT_PM_QUESTIONS, conversations: CONVERSATIONS };

const setsIn = (folder: string): QuestionSets => ({
  paraphrases: join(folder, 'paraphrases.json'),
  notPm: join(folder, 'not-pm-questions.json'),
  conversations: join(folder, 'conversations'),
});

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

const lists = (file: string): [string, unknown][] =>
  Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>).filter(([k]) => k !== 'about');

/** Lines read one at a time: the paraphrase sets must be graded as their family, the other lines never. */
export function lineTally(sets: QuestionSets = EARLIER_SETS): Tally {
  const families = familiesOf([loadLibrary(join(BUILT_IN_DIR, 'rubrics', 'pm.yaml'))], []);
  const t: Tally = { right: 0, wrong: 0, keyed: 0, misses: [] };
  for (const [, byFamily] of lists(sets.paraphrases)) {
    for (const [family, questions] of Object.entries(byFamily as Record<string, string[]>)) {
      for (const q of questions) {
        t.keyed++;
        const got = detectFamily(q, families)?.family;
        if (got === family) t.right++;
        else if (got) t.wrong++;
        if (got !== family) t.misses.push(`${family} → ${got ?? 'not graded'}: “${q}”`);
      }
    }
  }
  for (const [, lines] of lists(sets.notPm)) {
    for (const line of lines as string[]) {
      const got = detectFamily(line, families)?.family;
      if (got) {
        t.wrong++;
        t.misses.push(`none → ${got}: “${line}”`);
      }
    }
  }
  return t;
}

interface Key {
  files: Record<string, { line: number; family: string; followUps?: number[] }[]>;
}

/** Whole conversations graded as `rehearse grade` grades them, against the key's questions by line. */
export function conversationTally(folder: string = CONVERSATIONS): Tally {
  const key = JSON.parse(readFileSync(join(folder, 'key.json'), 'utf8')) as Key;
  const opts = gradeOptions({ scenario: 'auto' });
  const t: Tally = { right: 0, wrong: 0, keyed: 0, misses: [] };
  for (const [file, want] of Object.entries(key.files)) {
    const { graded } = gradeText(file, readFileSync(join(folder, file), 'utf8'), opts);
    const got = graded.flatMap((g) => g.answers.map((a) => ({ line: a.line, family: a.family })));
    t.keyed += want.length;
    for (const g of got) {
      if (want.some((w) => w.line === g.line && w.family === g.family)) t.right++;
      else {
        t.wrong++;
        t.misses.push(`${file}:${g.line} graded as ${g.family}`);
      }
    }
    for (const w of want)
      if (!got.some((g) => g.line === w.line && g.family === w.family)) t.misses.push(`${file}:${w.line} ${w.family} not found`);
  }
  return t;
}

const percent = (n: number, of: number) => (of ? Math.round((1000 * n) / of) / 10 : 100);

function figures(what: string, t: Tally): Figure[] {
  const precision = percent(t.right, t.right + t.wrong);
  const recall = percent(t.right, t.keyed);
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

export function benchPrecision(sets: QuestionSets = EARLIER_SETS): Figure[] {
  return [
    ...figures('single lines (paraphrase sets, and lines that must not be graded)', lineTally(sets)),
    ...figures('conversations', conversationTally(sets.conversations)),
  ];
}
