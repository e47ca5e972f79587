// Measures an answer's reasoning from its sentences: the features the fitted model weighs.
import {
  COMMA_CUES,
  REASONING_LEXICONS,
  MEASURE_NOUNS,
  NOT_BEFORE_MEASURE,
  NUMBER_WORDS,
  OPENING_DEFINITION,
  PER,
} from '../../scenario/cues.js';
import { FEATURE_DEFS, FEATURES, featureDef, type FeatureId } from '../../scenario/features.js';
import { isPlural, PhraseMatcher, type Matches } from '../../text/phrase-matcher.js';
import { PhraseSet } from '../../text/phrases.js';
import { firstTokenAt, type Analysis, type Token } from '../../text/text.js';
import {
  COLON,
  COMMA,
  FULL_STOP,
  HYPHEN,
  LEFT_PAREN,
  LINE_FEED,
  PERCENT_SIGN,
  QUESTION_MARK,
  RIGHT_PAREN,
  SEMICOLON,
  SPACE,
  isDigit,
} from '../../text/chars.js';
import { POLICY } from '../../policy/policy.js';

/** Each feature's label, from its definition. */
export const FEATURE_LABELS = Object.fromEntries(FEATURES.map((f) => [f, featureDef(f).label])) as Record<FeatureId, string>;

export type Features = Record<FeatureId, number>;

/** Coaching for the features that cost points, from their definitions. */
export const FEATURE_ADVICE: Partial<Record<FeatureId, string>> = Object.fromEntries(
  FEATURES.flatMap((f) => {
    const advice = featureDef(f).advice;
    return advice ? [[f, advice]] : [];
  }),
);

/** The words an answer used for each habit whose advice names them: management words, scaffolding. */
export interface HabitWords {
  generic: string[];
  scaffold: string[];
}

/** Where a feature was seen, for the explanation: a sentence and the words in it. */
export interface FeatureHit {
  feature: FeatureId;
  sentence: number;
  turn: number;
  start: number;
  end: number;
}

// Where counts saturate: the features' definitions. How much of a sentence cue phrases may cover, what
// length costs: policy.json (why: policy.ts).
const SATURATE = Object.fromEntries(FEATURES.map((f) => [f, featureDef(f).saturateAt ?? 1])) as Record<FeatureId, number>;
const STUFFED_SHARE = POLICY.features.stuffedShare;
const FULL_LENGTH = POLICY.features.fullLength;
const LENGTH_FLOOR = POLICY.features.lengthFloor;
const DENSE_FLOOR = POLICY.features.denseFloor;
/** Words in a sentence as people usually say one: a run-on sentence counts as several. */
const SENTENCE_WORDS = POLICY.features.sentenceWords;
const GENERIC_PER_WORDS = POLICY.features.genericPerWords;
const { items: ENUMERATION_ITEMS, itemWords: ENUMERATION_ITEM_WORDS } = POLICY.features.enumeration;

/** A sentence that starts like an item of a sequence: "firstly", "next", "2.", "-". */
const SEQUENCE_START =
  /^\s*(?:firstly|secondly|thirdly|fourthly|fifthly|lastly|finally|additionally|also|another|next|then|furthermore|moreover|\d+[.)]|[-*•])\s/iu;
/** How much of a sentence's start SEQUENCE_START is shown: past the longest sequence word, so a long sentence is not copied. */
const SEQUENCE_REACH = 16;
/**
 * Whether only spaces or a hyphen stand between two words, so they belong to one phrase. A run of
 * spaces of any length is where a filler was blanked ("bookings, um, per member").
 */
const adjacent = (text: string, from: number, to: number) => /^[\s-]{1,3}$|^ +-? *$/u.test(text.slice(from, to));
/** The cue lists that show reasoning moves, which stuffing fakes. */
const CUE_IDS = FEATURES.filter((f) => featureDef(f).fakeable) as CueFeature[];
/** Penalty points are out of a hundred; the feature is the share, so the model's weight is the cost of a hundred points. */
export const PENALTY_POINTS = 100;

/** The cue lists by the feature that counts them; one phrase index holds them all, so the answer's words are walked once for all of them. */
const LIST = Object.fromEntries(
  FEATURES.flatMap((f) => {
    const cues = featureDef(f).cues;
    return cues ? [[f, cues.phrases]] : [];
  }),
) as Record<CueFeature, readonly string[]>;
/** The features that count a cue list. */
type CueFeature = { [F in FeatureId]: (typeof FEATURE_DEFS)[F] extends { cues: object } ? F : never }[FeatureId];
type ListId = keyof typeof LIST;
const LIST_IDS = Object.keys(LIST) as ListId[];
/** The cue list a built-in reasoning lexicon stands for, as its place in the spans findCues returns. */
const LEXICON_LIST: Record<string, number> = Object.fromEntries(
  Object.entries(REASONING_LEXICONS).map(([name, phrases]) => [name, LIST_IDS.findIndex((id) => LIST[id] === phrases)]),
);

/** Which cue list's spans serve a rubric lexicon, when it is a built-in reasoning lexicon left as shipped. */
export function cueListOf(lexicon: string, phrases: readonly string[]): number | undefined {
  const at = Object.hasOwn(LEXICON_LIST, lexicon) ? LEXICON_LIST[lexicon] : undefined;
  if (at === undefined || at < 0) return undefined;
  const own = LIST[LIST_IDS[at]!];
  return phrases.length === own.length && phrases.every((p, i) => p === own[i]) ? at : undefined;
}

/** The cue lists in the order their matches are numbered: list j of a cue section is `CUE_LISTS[j]`. */
export const CUE_LISTS: readonly (readonly string[])[] = LIST_IDS.map((id) => LIST[id]);

/**
 * Where each cue list was found in each turn: the matches of one pass over the turn's words, in which
 * cue list j is list `first + j`. A rubric's matcher holds the cue lists beside its own (see
 * rubric/compiled.ts), so scoring finds them in the same pass; `findCues` finds them alone.
 */
export interface CueMatches {
  found: readonly Matches[];
  first: number;
}

let cueMatcher: PhraseMatcher | undefined;
/** The cue lists alone, for reading an answer without a rubric; built on first use. */
export function findCues(a: Analysis): CueMatches {
  if (!cueMatcher) {
    const set = new PhraseSet();
    for (const list of CUE_LISTS) set.add(list);
    cueMatcher = new PhraseMatcher(set.compile());
  }
  const matcher = cueMatcher;
  return { found: a.scan.map((text, turn) => matcher.find(text, a.tokens[turn]!, matcher.wordsOf(a.tokens[turn]!))), first: 0 };
}

/** The flag arrays by answer length in sentences, kept: views on a buffer cost more to make than to clear. */
const FLAGS = new Map<number, { buffer: Uint8Array; seen: Record<ListId, Uint8Array> }>();
/** Lengths past this get arrays of their own each time. */
const FLAGS_KEPT = 256;

/** One flag array per list, of n sentences each, all clear: views on one buffer, made once per length. */
function flagsFor(n: number): Record<ListId, Uint8Array> {
  const kept = n <= FLAGS_KEPT ? FLAGS.get(n) : undefined;
  if (kept) {
    kept.buffer.fill(0);
    return kept.seen;
  }
  const buffer = new Uint8Array(n * LIST_IDS.length);
  const seen = Object.fromEntries(LIST_IDS.map((k, j) => [k, buffer.subarray(j * n, (j + 1) * n)])) as Record<ListId, Uint8Array>;
  if (n <= FLAGS_KEPT) FLAGS.set(n, { buffer, seen });
  return seen;
}

/** A count on a log scale reaching 1 at `at`: the first reasons count most, and more keep counting a little. */
const saturate = (n: number, at: number) => Math.min(1, Math.log1p(n) / Math.log1p(at));

/** The index of the sentence holding [start, end) of a turn, or -1; sentences are in text order. */
function sentenceOf(a: Analysis, turn: number, start: number, from: number): number {
  let i = from;
  while (i < a.sentences.length && (a.sentences[i]!.turn < turn || (a.sentences[i]!.turn === turn && a.sentences[i]!.end <= start))) i++;
  const s = a.sentences[i];
  return s && s.turn === turn && s.start <= start ? i : -1;
}

/**
 * The features of an analysed answer. `withHits` also records where each was seen, for the
 * explanation; scoring alone does not need it.
 */
export function extractFeatures(
  a: Analysis,
  rubric: { attained: number; coverage: number; penalty: number },
  /** Where the cue lists were found in this answer. */
  cues: CueMatches,
  withHits = false,
): { features: Features; hits: FeatureHit[]; habitWords: HabitWords } {
  const hits: FeatureHit[] = [];
  // The management words and the scaffolding counted, each once in lower case, for their advice to name.
  const habits = { generic: new Set<string>(), scaffold: new Set<string>() };
  const n = a.sentences.length;
  // Which sentences each list was found in: one flag array per list, views on one buffer,
  // so that an answer makes one allocation, not one per list.
  const seen = flagsFor(n);
  const shapeKeys = new Set<string>();
  let vague = 0;
  let numbers = 0;
  // A sentence said again adds nothing: repeating an answer, or pasting it into every turn, is not more reasoning.
  const repeated = new Uint8Array(n);
  let words = 0;
  // Sentences are compared only with those of the same length, so most are never sliced.
  const byLength = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const s = a.sentences[i]!;
    const same = byLength.get(s.end - s.start);
    const text = (j: number) => a.scan[a.sentences[j]!.turn]!.slice(a.sentences[j]!.start, a.sentences[j]!.end);
    if (same?.some((j) => text(j) === text(i))) repeated[i] = 1;
    else {
      if (same) same.push(i);
      else byLength.set(s.end - s.start, [i]);
      words += s.words;
    }
  }
  const hit = (feature: FeatureId, sentence: number, turn: number, start: number, end: number) => {
    if (withHits) hits.push({ feature, sentence, turn, start, end });
  };

  // How much of each sentence the cue phrases cover (see `stuffed` below).
  const covered = new Float64Array(n);
  a.scan.forEach((text, turn) => {
    const found = cues.found[turn]!;
    for (let j = 0; j < LIST_IDS.length; j++) {
      const id = LIST_IDS[j]!;
      let at = 0;
      const list = cues.first + j;
      for (let x = found.first[list]!; x < found.first[list + 1]!; x++) {
        const span = { start: found.starts[x]!, end: found.ends[x]! };
        const i = sentenceOf(a, turn, span.start, at);
        if (i < 0) continue;
        at = i;
        if (repeated[i]) continue;
        // Management words count every time they are said (`generic` is their density); they are no
        // reasoning move, so they neither mark a sentence nor make it stuffed.
        if (id === 'generic') {
          vague++;
          habits.generic.add(text.slice(span.start, span.end).toLowerCase());
          continue;
        }
        covered[i]! += span.end - span.start;
        if (id === 'scaffold') habits.scaffold.add(text.slice(span.start, span.end).toLowerCase());
        // A metric counts once however often it is named, so every different one is shown, not every sentence.
        if (id === 'shapes') {
          const key = text.slice(span.start, span.end).toLowerCase();
          if (shapeKeys.has(key)) continue;
          shapeKeys.add(key);
        }
        if (!seen[id][i] || id === 'shapes') hit(id as FeatureId, i, turn, span.start, span.end);
        // How many times, up to 255: a long run-on sentence can hold several sentences' worth (see `units`).
        if (seen[id][i]! < 255) seen[id][i]!++;
      }
    }
    // Figures and the two shapes found from their middle word, in one walk over the words.
    const tokens = a.tokens[turn]!;
    const counted = countingMarks(text, tokens);
    let at = 0;
    for (let k = 0; k < tokens.length; k++) {
      const t = tokens[k]!;
      // Digits are a figure unless they number a list item; a number in words only before what it counts ("three weeks").
      const figure = isDigit(t.norm.charCodeAt(0))
        ? !isListNumber(text, tokens, k) && !continuesFigure(text, tokens, k) && !counted.has(k)
        : NUMBER_WORDS.has(t.norm) && k + 1 < tokens.length;
      const per =
        t.norm === PER &&
        k > 0 &&
        k + 1 < tokens.length &&
        isPlural(tokens[k - 1]!.norm) &&
        adjacent(text, tokens[k - 1]!.end, t.start) &&
        adjacent(text, t.end, tokens[k + 1]!.start);
      const measure =
        MEASURE_NOUNS.has(t.norm) && k > 0 && !NOT_BEFORE_MEASURE.has(tokens[k - 1]!.norm) && adjacent(text, tokens[k - 1]!.end, t.start);
      if (!figure && !per && !measure) continue;
      const i = sentenceOf(a, turn, t.start, at);
      if (i < 0) continue;
      at = i;
      if (repeated[i]) continue;
      if (figure) {
        numbers++;
        hit('numbers', i, turn, t.start, t.end);
      }
      if (per || measure) {
        const start = tokens[k - 1]!.start;
        const end = per ? tokens[k + 1]!.end : t.end;
        const key = text.slice(start, end).toLowerCase();
        if (!shapeKeys.has(key)) {
          shapeKeys.add(key);
          seen.shapes[i] = 1;
          hit('shapes', i, turn, start, end);
        }
      }
    }
  });

  let enumeration = 0;
  let questions = 0;
  let reasoned = 0;
  let scaffold = 0;
  // Punctuation the phrase lists cannot see: ", not a count" sets an alternative aside, ", so" draws a consequence.
  a.scan.forEach((text, turn) => {
    COMMA_CUES.lastIndex = 0;
    let at = 0;
    for (let m = COMMA_CUES.exec(text); m; m = COMMA_CUES.exec(text)) {
      const i = sentenceOf(a, turn, m.index, at);
      if (i < 0) continue;
      at = i;
      if (repeated[i]) continue;
      const id = m[1] ? 'contrast' : 'reason';
      if (!seen[id][i]) hit(id, i, turn, m.index, m.index + m[0].length);
      if (seen[id][i]! < 255) seen[id][i]!++;
    }
  });
  // A sentence made mostly of cue phrases is stuffed, not argued: its cues do not count.
  const stuffed = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const s = a.sentences[i]!;
    if (covered[i]! / Math.max(1, s.end - s.start) <= STUFFED_SHARE) continue;
    stuffed[i] = 1;
    for (const id of CUE_IDS) seen[id][i] = 0;
  }
  if (withHits && stuffed.includes(1)) {
    const kept = hits.filter((h) => !stuffed[h.sentence] || !(CUE_IDS as readonly string[]).includes(h.feature));
    hits.splice(0, hits.length, ...kept);
  }
  // How many sentences' worth each sentence holds: one, or more for a run-on one (speech written down
  // with no full stops), so that counts and shares do not depend on where the full stops fall.
  const units = new Uint8Array(n);
  let distinct = 0;
  for (let i = 0; i < n; i++) {
    if (repeated[i]) continue;
    units[i] = Math.min(255, Math.max(1, Math.ceil(a.sentences[i]!.words / SENTENCE_WORDS)));
    distinct += units[i]!;
    const s = a.sentences[i]!;
    const text = a.scan[s.turn]!;
    // An answer that opens by naming a metric and defining it ("Payment success rate: the share of…") commits to it.
    if (i === 0 && s.turn === 0 && seen.shapes[0] && !seen.commitment[0]) {
      const m = OPENING_DEFINITION.exec(text.slice(s.start, s.end));
      if (m) {
        seen.commitment[0] = 1;
        hit('commitment', 0, 0, s.start, s.start + m[0].length);
      }
    }
    scaffold += Math.min(seen.scaffold[i]!, units[i]!);
    reasoned += Math.min(seen.reason[i]! + seen.contrast[i]! + seen.definition[i]! + seen.mechanism[i]! + seen.evidence[i]!, units[i]!);
    if (text.charCodeAt(s.end - 1) === QUESTION_MARK) questions++;
    // A sentence that lists: a sequence word at its start, or several short items, with no reason given.
    if (!seen.reason[i] && (SEQUENCE_START.test(text.slice(s.start, s.start + SEQUENCE_REACH)) || isList(a, text, s))) enumeration++;
  }
  const count = (id: ListId) => {
    let c = 0;
    for (let i = 0; i < n; i++) c += Math.min(seen[id][i]!, units[i]!);
    return c;
  };
  const sentences = Math.max(1, distinct);
  // How much an answer of this length can hold: a short one reaches a count's full credit sooner, so
  // a dense answer is not paid less for leaving nothing out (never below the policy's floor).
  const room = Math.min(1, Math.max(DENSE_FLOOR, words / FULL_LENGTH));
  const dense = (n: number, at: number) => saturate(n, Math.max(1, at * room));
  const features: Features = {
    rubric: rubric.attained,
    coverage: rubric.coverage,
    penalty: rubric.penalty / PENALTY_POINTS,
    // Short answers lose, in proportion to what they leave out: a short answer that meets the rubric
    // needed no more words; padding a long one earns nothing.
    length:
      Math.max(LENGTH_FLOOR, Math.min(0, Math.log(Math.max(words, 1) / FULL_LENGTH))) *
      (1 - rubric.attained * dense(reasoned, SATURATE.reasoned)),
    shapes: dense(shapeKeys.size, SATURATE.shapes),
    numbers: dense(numbers, SATURATE.numbers),
    commitment: dense(count('commitment'), SATURATE.commitment),
    definition: dense(count('definition'), SATURATE.definition),
    reason: dense(count('reason'), SATURATE.reason),
    contrast: dense(count('contrast'), SATURATE.contrast),
    mechanism: dense(count('mechanism'), SATURATE.mechanism),
    evidence: dense(count('evidence'), SATURATE.evidence),
    scaffold: scaffold / sentences,
    generic: Math.min(1, (GENERIC_PER_WORDS * vague) / Math.max(words, 1)),
    enumeration: Math.min(1, enumeration / sentences),
    questions: questions / sentences,
    reasoned: dense(reasoned, SATURATE.reasoned),
    situated: dense(count('situated'), SATURATE.situated),
    plan: dense(count('plan'), SATURATE.plan),
    hedge: dense(count('hedge'), SATURATE.hedge),
  };
  return { features, hits, habitWords: { generic: [...habits.generic], scaffold: [...habits.scaffold] } };
}

/** Numbering at the start of a list item ("1." or "2)") is not a figure. */
/** The digits after the point or comma of one figure ("2.5%", "3,000", "9:30"): the figure is counted once, at its start. */
function continuesFigure(text: string, tokens: readonly Token[], k: number): boolean {
  if (k === 0) return false;
  const prev = tokens[k - 1]!;
  if (!isDigit(prev.norm.charCodeAt(prev.norm.length - 1)) || tokens[k]!.start - prev.end !== 1) return false;
  const mark = text.charCodeAt(prev.end);
  return mark === FULL_STOP || mark === COMMA || mark === COLON;
}

/** Words at least this far apart between one counting mark and the next: "from 1 to 2 million" counts nothing. */
const ITEM_WORDS = 3;
/** A run of counting marks is a list from this many items: "1 outage in March … only 2 since" states figures. */
const LIST_ITEMS = 3;

/**
 * Bare digits that count items off in order rather than state a figure: "1 … 2 … 3 …" with the list's
 * marks gone, as speech transcribed or a list copied without its layout gives it. Found as the run
 * 1, 2, 3… in order, each a whole number of its own (not "1.5", not "2%") more than ITEM_WORDS
 * words after the one before; a run needs at least LIST_ITEMS of them.
 */
function countingMarks(text: string, tokens: readonly Token[]): Set<number> {
  const run: number[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.norm !== String(run.length + 1) || text.charCodeAt(t.end) === PERCENT_SIGN) continue;
    if (k + 1 < tokens.length && continuesFigure(text, tokens, k + 1)) continue;
    if (run.length && k - run.at(-1)! <= ITEM_WORDS) continue;
    run.push(k);
  }
  return new Set(run.length >= LIST_ITEMS ? run : []);
}

/** Whether `at` lies inside a bracket opened earlier on its line and not yet closed. */
function insideBrackets(text: string, at: number): boolean {
  let depth = 0;
  for (let c = at - 1; c >= 0; c--) {
    const ch = text.charCodeAt(c);
    if (ch === LINE_FEED) break;
    if (ch === RIGHT_PAREN) depth--;
    else if (ch === LEFT_PAREN && ++depth > 0) return true;
  }
  return false;
}

function isListNumber(text: string, tokens: readonly Token[], k: number): boolean {
  const t = tokens[k]!;
  const after = text.charCodeAt(t.end);
  // "1)" and "1- " number an item wherever they stand, unless the bracket closes one opened before it on
  // the line ("(from 9 to 6)"): a figure is followed by neither.
  if (t.norm.length <= 2 && after === HYPHEN && text.charCodeAt(t.end + 1) === SPACE) return true;
  if (t.norm.length <= 2 && after === RIGHT_PAREN && !insideBrackets(text, t.start)) return true;
  if (after !== FULL_STOP && after !== RIGHT_PAREN) return false;
  if (k === 0) return true;
  for (let c = tokens[k - 1]!.end; c < t.start; c++) if (text.charCodeAt(c) === LINE_FEED) return true;
  return false;
}

/** Several short items between commas, semicolons, "and" or "or": a list of terms, not a thought. */
function isList(a: Analysis, text: string, s: { turn: number; start: number; end: number; words: number }): boolean {
  const tokens = a.tokens[s.turn]!;
  let items = 1;
  let k = firstTokenAt(tokens, s.start);
  for (let prev = -1; k < tokens.length && tokens[k]!.end <= s.end; prev = k, k++) {
    const t = tokens[k]!;
    if (t.norm === 'and' || t.norm === 'or') items++;
    else if (prev >= 0) {
      for (let c = tokens[prev]!.end; c < t.start; c++) {
        const ch = text.charCodeAt(c);
        if (ch === COMMA || ch === SEMICOLON) {
          items++;
          break;
        }
      }
    }
  }
  return items >= ENUMERATION_ITEMS && s.words / items <= ENUMERATION_ITEM_WORDS;
}
