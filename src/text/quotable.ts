// The phrase of an answer worth quoting back around a few matched words: a whole noun phrase or clause, never a fragment.
import { tokenize, type Token } from './text.js';

/** Longest phrase quoted, in words: something an interviewer can repeat in one breath. */
export const MAX_QUOTE_WORDS = 12;

/** Words that begin a new clause: a quote never runs across one. */
const CLAUSE_OPENERS = new Set(
  'because since so but although though while whereas unless if when whenever once until after before then therefore hence thus however'.split(
    ' ',
  ),
);
/** "and", "or" start a clause only before a subject ("… and we track …"); otherwise they join a list ("cohorts and delays"). */
const JOINERS = new Set(['and', 'or', 'nor']);
const SUBJECTS = new Set('i we you they he she it this that there these those people users merchants customers'.split(' '));
/** Relative words: the clause they open belongs to the noun phrase just before them ("merchants who receive …"). */
const RELATIVES = new Set(['who', 'which', 'whose', 'where', 'whom']);

/** Words a quote may not end on: it would stop in the middle of what it says. */
const DANGLING = new Set(
  (
    'a an the this that these those my our your their its his her each every any some no ' +
    'of in on at by for with from into onto over under above below about to per than as via across between through within without ' +
    'is are was were be been being am do does did have has had would will should could can may might must shall ' +
    'and or but nor so because since which who whose where whom if when while very more most less least ' +
    // Words that point to a noun still to come ("my last job", "the next quarter"): a quote does not stop on them.
    'last first next previous former current other same own'
  ).split(' '),
);
/** Words a quote may not start on: what they lean on is outside it. */
const LEANING = new Set([...CLAUSE_OPENERS, ...JOINERS, ...RELATIVES, 'that', 'also', 'just', 'then', 'to', 'of', 'by', 'with']);
/** Where a noun phrase before a relative word stops, walking left: verbs of being and having, prepositions, other clauses. */
const NOUN_PHRASE_STOPS = new Set(
  (
    'is are was were be been being am do does did have has had would will should could can may might must shall ' +
    'of in on at by for with from into to per than as via about over under i we you they he she it ' +
    'track tracking measure measuring choose pick use using watch watching'
  ).split(' '),
);
const DETERMINERS = new Set('a an the this that these those my our your their its each every any some'.split(' '));

export interface Span {
  start: number;
  end: number;
}

/** Punctuation between two words that ends a clause. */
const BREAK_MARKS = /[,;:.!?()[\]{}"“”—–\n]|\s-\s/;

/** Token indexes [from, to) of the clause around token `at`. */
function clauseOf(text: string, tokens: Token[], at: number): [number, number] {
  const breaksBefore = (i: number) => {
    if (i <= 0) return true;
    if (BREAK_MARKS.test(text.slice(tokens[i - 1]!.end, tokens[i]!.start))) return true;
    const w = tokens[i]!.norm;
    if (CLAUSE_OPENERS.has(w) || RELATIVES.has(w)) return true;
    return JOINERS.has(w) && SUBJECTS.has(tokens[i + 1]?.norm ?? '');
  };
  let from = at;
  while (!breaksBefore(from)) from--;
  let to = at + 1;
  while (to < tokens.length && !breaksBefore(to)) to++;
  return [from, to];
}

/** A clause opened by a relative word, with the noun phrase it describes in front ("weekly active merchants who …"). */
function withAntecedent(text: string, tokens: Token[], from: number): number {
  if (from === 0 || !RELATIVES.has(tokens[from]!.norm)) return from;
  if (BREAK_MARKS.test(text.slice(tokens[from - 1]!.end, tokens[from]!.start).replace(/,/g, ''))) return from;
  let i = from;
  while (i > 0 && !NOUN_PHRASE_STOPS.has(tokens[i - 1]!.norm) && !CLAUSE_OPENERS.has(tokens[i - 1]!.norm) && from - i < 5) {
    i--;
    if (DETERMINERS.has(tokens[i]!.norm)) break;
    if (BREAK_MARKS.test(text.slice(tokens[i]!.end, tokens[i + 1]!.start))) {
      i++;
      break;
    }
  }
  return i;
}

/**
 * The quote around `match` (offsets into `text`): the clause it is in, trimmed of the words that
 * join it to the rest, or, in a clause too long to repeat, the shortest run around the match
 * that starts and ends on words that stand on their own. Undefined when the match holds no word.
 */
export function quotableAround(text: string, match: Span): Span | undefined {
  const tokens = tokenize(text);
  const first = tokens.findIndex((t) => t.end > match.start);
  if (first < 0 || tokens[first]!.start >= match.end) return undefined;
  let last = first;
  while (last + 1 < tokens.length && tokens[last + 1]!.start < match.end) last++;
  const [clauseFrom, clauseTo] = clauseOf(text, tokens, first);
  let from = withAntecedent(text, tokens, clauseFrom);
  let to = clauseTo;
  // A match across a clause break keeps what it matched.
  if (last >= to) to = last + 1;
  // A possessive leans on the noun after it ("the board's target"): a quote stops after that noun, not on "the board's".
  const dangles = (i: number) =>
    DANGLING.has(tokens[i]!.norm) ||
    (/['’]s$/u.test(tokens[i]!.norm) && i + 1 < tokens.length && !BREAK_MARKS.test(text.slice(tokens[i]!.end, tokens[i + 1]!.start)));
  const standsAlone = (a: number, b: number) => !LEANING.has(tokens[a]!.norm) && !dangles(b - 1);
  if (to - from > MAX_QUOTE_WORDS || !standsAlone(from, to)) {
    // Trim the joining words at both ends; if still too long, the nearest whole run around the match.
    // A match that is only a joining word ("because") gives way to the words it joins.
    while (from < to - 1 && LEANING.has(tokens[from]!.norm)) from++;
    while (to - 1 > Math.max(last, from) && dangles(to - 1)) to--;
    if (to - from > MAX_QUOTE_WORDS) {
      from = first;
      to = last + 1;
      // Grow right until the run ends on a word that stands, then left over words that lean on it.
      while (to < clauseTo && dangles(to - 1) && to - from < MAX_QUOTE_WORDS) to++;
      while (
        from > clauseFrom &&
        (LEANING.has(tokens[from]!.norm) || DETERMINERS.has(tokens[from - 1]!.norm)) &&
        to - from < MAX_QUOTE_WORDS
      )
        from--;
    }
    while (from < to - 1 && LEANING.has(tokens[from]!.norm)) from++;
  }
  if (to - from > MAX_QUOTE_WORDS || dangles(to - 1) || LEANING.has(tokens[from]!.norm)) return undefined;
  return { start: tokens[from]!.start, end: tokens[to - 1]!.end };
}
