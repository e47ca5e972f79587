// Splits an answer into sentences and clauses and tells prose from bare lists of words.
import { FUNCTION_WORDS, ABBREVIATIONS, LINKING_WORDS } from './lexicon.js';
import { POLICY } from '../policy/policy.js';
import { BOUNDARY_MODEL, startsSentence } from './boundaries.js';
import {
  APOSTROPHE,
  ASTERISK,
  BULLET,
  CARRIAGE_RETURN,
  COLON,
  COMMA,
  DOUBLE_QUOTE,
  ELLIPSIS,
  EM_DASH,
  EN_DASH,
  EN_QUAD,
  EXCLAMATION_MARK,
  FULL_STOP,
  GREATER_THAN,
  HYPHEN,
  LEFT_PAREN,
  LINE_FEED,
  MIDDLE_DOT,
  NO_BREAK_SPACE,
  NUMBER_SIGN,
  QUESTION_MARK,
  RIGHT_DOUBLE_QUOTE,
  RIGHT_PAREN,
  RIGHT_SINGLE_QUOTE,
  SEMICOLON,
  SLASH,
  SPACE,
  TAB,
  VERTICAL_BAR,
  ZERO_WIDTH_SPACE,
  isDigit,
  FULL_WIDTH_QUESTION_MARK,
  FULL_WIDTH_EXCLAMATION_MARK,
  IDEOGRAPHIC_FULL_STOP,
} from './chars.js';

export interface Sentence {
  /** Which part of the answer (0 = main answer, then probe answers). */
  turn: number;
  start: number;
  end: number;
  words: number;
  /** A sentence someone would say, as opposed to a fragment or a list of terms. */
  prose: boolean;
}

export interface Token {
  start: number;
  end: number;
  /** Lower case, with curly apostrophes made straight. */
  norm: string;
}

export interface Analysis {
  /** The answer parts as the candidate wrote them (offsets refer to these). */
  turns: string[];
  /** The same texts with grader-directed spans blanked out, same lengths. */
  scan: string[];
  sentences: Sentence[];
  /** The words of each turn of `scan`, for phrase matching. */
  tokens: Token[][];
  words: number;
  proseWords: number;
  /**
   * Clause breaks per sentence, filled in as they are needed: every mention in a sentence asks for
   * its clause, and a sentence with many mentions would otherwise be walked once per mention.
   */
  clauseBreaks: WeakMap<Sentence, [number, number][]>;
  /** Per turn: whether it was written or transcribed without marks (see `isUnmarked`). */
  unmarked: readonly boolean[];
}

/**
 * A word: letters and figures, then any "'s" or "’re" (an apostrophe and letters), as the regular
 * expression /[\p{L}\p{N}]+(?:['’][\p{L}]+)*\/u would find it. It is read by character code: the
 * expression, run once per word, was most of what tokenising cost.
 */
const LETTER = 1;
const FIGURE = 2;
const OTHER = 3;
const IS_LETTER = /^\p{L}$/u;
const IS_FIGURE = /^\p{N}$/u;
/** What each character of the Basic Multilingual Plane is (LETTER, FIGURE or OTHER), worked out when first met; 0 not yet. */
const BMP_KIND = new Uint8Array(0x10000);
for (let c = 0; c < 0x80; c++) {
  const lower = c | 0x20;
  BMP_KIND[c] = lower >= 0x61 && lower <= 0x7a ? LETTER : c >= 0x30 && c <= 0x39 ? FIGURE : OTHER;
}

function kindOfCodePoint(c: number): number {
  if (c < 0x10000) {
    let k = BMP_KIND[c]!;
    if (k === 0) {
      const ch = String.fromCharCode(c);
      k = BMP_KIND[c] = IS_LETTER.test(ch) ? LETTER : IS_FIGURE.test(ch) ? FIGURE : OTHER;
    }
    return k;
  }
  const ch = String.fromCodePoint(c);
  return IS_LETTER.test(ch) ? LETTER : IS_FIGURE.test(ch) ? FIGURE : OTHER;
}

/**
 * Whether a code unit, read alone, is a letter or a figure, as /[\p{L}\p{N}]/u reads a one-unit string (half of
 * a surrogate pair is neither).
 */
export const isWordUnit = (c: number): boolean => {
  let k = BMP_KIND[c]!;
  if (k === 0) k = kindOfCodePoint(c);
  return k !== OTHER;
};

/** What the character at i is, and how many code units it takes (2 for a surrogate pair), as kind * 4 + length. */
function charAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff) {
    let k = BMP_KIND[c]!;
    if (k === 0) k = kindOfCodePoint(c);
    return k * 4 + 1;
  }
  // A lone surrogate stands for itself, as the expression reads it.
  const d = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
  if (d < 0xdc00 || d > 0xdfff) return kindOfCodePoint(c) * 4 + 1;
  return kindOfCodePoint(((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000) * 4 + 2;
}

/** Where the word that starts at `start` (a letter or figure) ends. */
function wordEnd(text: string, start: number): number {
  const n = text.length;
  let i = start;
  // Letters and figures.
  while (i < n) {
    const k = charAt(text, i);
    if (k >> 2 === OTHER) break;
    i += k & 3;
  }
  // Then each apostrophe that letters follow, with those letters.
  while (i + 1 < n) {
    const a = text.charCodeAt(i);
    if (a !== APOSTROPHE && a !== RIGHT_SINGLE_QUOTE) break;
    let j = i + 1;
    while (j < n) {
      const k = charAt(text, j);
      if (k >> 2 !== LETTER) break;
      j += k & 3;
    }
    if (j === i + 1) break;
    i = j;
  }
  return i;
}

/** Where the next word starts at or after i, or the text's length. */
function wordStart(text: string, i: number): number {
  const n = text.length;
  while (i < n) {
    const k = charAt(text, i);
    if (k >> 2 !== OTHER) break;
    i += k & 3;
  }
  return i;
}

/** The text with its typographic hyphens (U+2010, and U+2011 that does not break a line) made plain: the same length. */
export function plainHyphens(text: string): string {
  return TYPOGRAPHIC_HYPHENS.test(text) ? text.replace(TYPOGRAPHIC_HYPHENS_ALL, '-') : text;
}
const TYPOGRAPHIC_HYPHENS = /[\u2010\u2011]/u;
const TYPOGRAPHIC_HYPHENS_ALL = /[\u2010\u2011]/gu;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  // Lower-case once; per word only where case folding changed the length (rare letters).
  const lower = text.toLowerCase();
  const aligned = lower.length === text.length;
  const curly = text.includes('’');
  for (let start = wordStart(text, 0); start < text.length; start = wordStart(text, start)) {
    const end = wordEnd(text, start);
    let norm = aligned ? lower.slice(start, end) : text.slice(start, end).toLowerCase();
    if (curly) norm = norm.replace(/’/g, "'");
    out.push({ start, end, norm });
    start = end;
  }
  return out;
}

export function countWords(text: string): number {
  let n = 0;
  for (let start = wordStart(text, 0); start < text.length; start = wordStart(text, wordEnd(text, start))) n++;
  return n;
}

/** Any space between words, the no-break and typographic ones included. */
const isSpace = (c: number) =>
  c === SPACE || c === TAB || c === LINE_FEED || c === CARRIAGE_RETURN || c === NO_BREAK_SPACE || (c >= EN_QUAD && c <= ZERO_WIDTH_SPACE);

/** A mark that starts a list item at the start of a line: - * • > # */
const isBulletMark = (c: number) => c === HYPHEN || c === ASTERISK || c === BULLET || c === GREATER_THAN || c === NUMBER_SIGN;

/** Characters that end a sentence, and so a line that ends in one: . ! ? : ; … */
const endsLikeSentence = (c: number) =>
  c === FULL_STOP || c === EXCLAMATION_MARK || c === QUESTION_MARK || c === COLON || c === SEMICOLON || c === ELLIPSIS || isFullWidthEnd(c);

/** ？ ！ 。: they end a sentence wherever they stand. */
const isFullWidthEnd = (c: number) => c === FULL_WIDTH_QUESTION_MARK || c === FULL_WIDTH_EXCLAMATION_MARK || c === IDEOGRAPHIC_FULL_STOP;

/**
 * A line break ends a sentence at a blank line, before a bullet or numbered item, or after
 * a line that ends like one; otherwise it is a wrapped line and only a space.
 */
function lineEndsSentence(text: string, i: number): boolean {
  let j = i + 1;
  while (j < text.length && (text.charCodeAt(j) === SPACE || text.charCodeAt(j) === TAB)) j++;
  if (j >= text.length) return true;
  const next = text.charCodeAt(j);
  // A blank line, or a bullet.
  if (next === LINE_FEED || next === CARRIAGE_RETURN || isBulletMark(next)) return true;
  // A numbered item: digits, then "." or ")".
  if (isDigit(next)) {
    let k = j;
    while (k < text.length && isDigit(text.charCodeAt(k))) k++;
    if (text.charCodeAt(k) === FULL_STOP || text.charCodeAt(k) === RIGHT_PAREN) return true;
  }
  let p = i - 1;
  while (p >= 0 && (text.charCodeAt(p) === SPACE || text.charCodeAt(p) === TAB || text.charCodeAt(p) === CARRIAGE_RETURN)) p--;
  if (p < 0) return true;
  if (endsLikeSentence(text.charCodeAt(p))) return true;
  // A list item ends at its line: the line after the last bullet ("- Customer satisfaction" then "These
  // would help…") starts afresh unless it is indented, as an item's wrapped line is.
  return j === i + 1 && isListItemLine(text, p);
}

/** Whether the line holding offset `p` opens with a bullet mark and a space, or a number and "." or ")". */
function isListItemLine(text: string, p: number): boolean {
  let k = p;
  while (k > 0 && text.charCodeAt(k - 1) !== LINE_FEED) k--;
  while (k < p && (text.charCodeAt(k) === SPACE || text.charCodeAt(k) === TAB)) k++;
  const c = text.charCodeAt(k);
  if (isBulletMark(c)) return text.charCodeAt(k + 1) === SPACE;
  if (!isDigit(c)) return false;
  while (k < p && isDigit(text.charCodeAt(k))) k++;
  return (text.charCodeAt(k) === FULL_STOP || text.charCodeAt(k) === RIGHT_PAREN) && text.charCodeAt(k + 1) === SPACE;
}

/** What may follow a full stop that ends a sentence, besides a space: a closing quote or bracket. */
const closesSentence = (c: number) =>
  c === DOUBLE_QUOTE || c === APOSTROPHE || c === RIGHT_DOUBLE_QUOTE || c === RIGHT_SINGLE_QUOTE || c === RIGHT_PAREN;

/** How far back from a full stop an abbreviation is looked for: past the longest of them ("approx"). */
const ABBREVIATION_REACH = 8;

function isBoundary(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c === LINE_FEED) return lineEndsSentence(text, i);
  if (c === SEMICOLON || c === EXCLAMATION_MARK || c === QUESTION_MARK || c === ELLIPSIS || isFullWidthEnd(c)) return true;
  if (c !== FULL_STOP) return false;
  if (i + 1 < text.length) {
    const n = text.charCodeAt(i + 1);
    // Not a full stop inside 3.5%, e.g.x or a URL.
    if (!isSpace(n) && !closesSentence(n)) return false;
  }
  const from = letterRunBefore(text, i, Math.max(0, i - ABBREVIATION_REACH));
  return !(from < i && ABBREVIATIONS.has(text.slice(from, i).toLowerCase()));
}

/**
 * Where the run of letters and full stops that ends at `end` starts, reading no further back than
 * `limit`: what /([\p{L}.]+)$/u finds in text.slice(limit, end), without the slice (half of a
 * surrogate pair cut off by `limit` or `end` is no letter).
 */
function letterRunBefore(text: string, end: number, limit: number): number {
  let j = end;
  while (j > limit) {
    const c = text.charCodeAt(j - 1);
    if (c === FULL_STOP) {
      j--;
      continue;
    }
    if (c >= 0xdc00 && c <= 0xdfff && j - 2 >= limit) {
      const h = text.charCodeAt(j - 2);
      if (h >= 0xd800 && h <= 0xdbff) {
        if (kindOfCodePoint(((h - 0xd800) << 10) + (c - 0xdc00) + 0x10000) !== LETTER) break;
        j -= 2;
        continue;
      }
    }
    if (kindOfCodePoint(c) !== LETTER) break;
    j--;
  }
  return j;
}

/** Characters that separate the items of a list: , ; / · | */
const isItemBreak = (c: number) => c === COMMA || c === SEMICOLON || c === SLASH || c === MIDDLE_DOT || c === VERTICAL_BAR;

const { minWords: PROSE_MIN_WORDS, listItems: LIST_ITEMS, listItemWords: LIST_ITEM_WORDS } = POLICY.prose;

function sentenceAt(text: string, tokens: readonly Token[], turn: number, start: number, end: number): Sentence | undefined {
  // Leading space and bullet marks, trailing space, so that a sentence starts and ends at its words.
  while (start < end) {
    const c = text.charCodeAt(start);
    if (!(isSpace(c) || isBulletMark(c))) break;
    start++;
  }
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  if (end <= start) return undefined;
  const first = firstTokenAt(tokens, start);
  let count = 0;
  let fn = 0;
  // A run of short items between commas is a list of terms, even with a word like "my" in front.
  let items = 1;
  for (let i = first; i < tokens.length && tokens[i]!.end <= end; i++) {
    const t = tokens[i]!;
    count++;
    // Grammar, or a word that relates terms ("per week", "above 99%"): notes written in shorthand still say something.
    if (FUNCTION_WORDS.has(t.norm) || (LINKING_WORDS.has(t.norm) && t.norm !== 'and' && t.norm !== 'or')) fn++;
    if (i > first) {
      let brk = t.norm === 'and' || t.norm === 'or';
      for (let k = tokens[i - 1]!.end; !brk && k < t.start; k++) brk = isItemBreak(text.charCodeAt(k));
      if (brk) items++;
    }
  }
  if (count === 0) return undefined;
  const listy = items >= LIST_ITEMS && count / items <= LIST_ITEM_WORDS;
  const prose = count >= PROSE_MIN_WORDS && fn >= 1 && !listy;
  return { turn, start, end, words: count, prose };
}

/** The index of the first token that starts at or after `offset`. */
export function firstTokenAt(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Only these characters can end a sentence; the rest of the text is skipped over. */
const CAN_END = /[\n;!?….？！。]/g;

/** The sentences that marks and capitals show, before run-on stretches are split. */
export function markedSentences(text: string, turn: number, tokens: readonly Token[]): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  CAN_END.lastIndex = 0;
  for (let m = CAN_END.exec(text); m; m = CAN_END.exec(text)) {
    const i = m.index;
    if (isBoundary(text, i)) {
      const s = sentenceAt(text, tokens, turn, start, i + 1);
      if (s) out.push(s);
      start = i + 1;
    }
  }
  const last = sentenceAt(text, tokens, turn, start, text.length);
  if (last) out.push(last);
  return out.flatMap((s) => splitAtCapital(text, tokens, s));
}

export function segment(text: string, turn: number, tokens: readonly Token[] = tokenize(text)): Sentence[] {
  return segmentTurn(text, turn, tokens).sentences;
}

/** A turn's sentences, and whether it was written without marks: both read from one pass over its marks. */
function segmentTurn(text: string, turn: number, tokens: readonly Token[]): { sentences: Sentence[]; unmarked: boolean } {
  const marked = markedSentences(text, turn, tokens);
  if (!marked.some((s) => s.words > RUN_ON_WORDS)) return { sentences: marked, unmarked: false };
  return { sentences: marked.flatMap((s) => splitRunOn(text, tokens, s)), unmarked: mostlyRunOn(text, marked) };
}

/**
 * Words that, written with a capital after a word in lower case and no mark between, start a new
 * sentence whose full stop was left out ("…the weekly number We then…"). Only words that are not
 * names: "in Google Maps" keeps its capitals inside the sentence.
 */
const CAPITAL_OPENERS = new Set(
  'the this that these those my our we it its if when so but then there last also however because once after before what how why you your they their he she his her'.split(
    ' ',
  ),
);
/** A piece split off at a capital has at least this many words before it: shorter, and it is a title or a name. */
const CAPITAL_PIECE = 3;

const isUpper = (c: number) => c >= 65 && c <= 90;
const isLower = (c: number) => c >= 97 && c <= 122;

/** A closing quote or bracket. */
const isClosing = (c: number) => c === DOUBLE_QUOTE || c === RIGHT_DOUBLE_QUOTE || c === RIGHT_SINGLE_QUOTE || c === RIGHT_PAREN;

function splitAtCapital(text: string, tokens: readonly Token[], s: Sentence): Sentence[] {
  return splitWhere(text, tokens, s, CAPITAL_PIECE, (k) => {
    const t = tokens[k]!;
    if (!isUpper(text.charCodeAt(t.start)) || !CAPITAL_OPENERS.has(t.norm)) return false;
    const prev = tokens[k - 1]!;
    // The word before ends in lower case or a figure, and only spaces stand between, after a closing quote or
    // bracket if one ends what came before ("… supposed to do” My sister …"): no other mark, no line.
    const end = text.charCodeAt(prev.end - 1);
    if (!isLower(text.charCodeAt(prev.start)) && !isDigit(text.charCodeAt(prev.start))) return false;
    if (!isLower(end) && !isDigit(end)) return false;
    let j = prev.end;
    while (j < t.start && isClosing(text.charCodeAt(j))) j++;
    if (j === t.start) return false;
    for (; j < t.start; j++) if (text.charCodeAt(j) !== SPACE) return false;
    return true;
  });
}

/** A sentence cut before each word `startsHere` says opens a new one, with pieces of at least `minWords` words. */
function splitWhere(
  text: string,
  tokens: readonly Token[],
  s: Sentence,
  minWords: number,
  startsHere: (k: number, since: number) => boolean,
): Sentence[] {
  const out: Sentence[] = [];
  const first = firstTokenAt(tokens, s.start);
  let from = s.start;
  let since = 0;
  for (let k = first; k < tokens.length && tokens[k]!.end <= s.end; k++, since++) {
    if (k === first || since < minWords || !startsHere(k, since)) continue;
    const piece = sentenceAt(text, tokens, s.turn, from, tokens[k]!.start);
    if (piece) out.push(piece);
    from = tokens[k]!.start;
    since = 0;
  }
  if (from === s.start) return [s];
  const rest = sentenceAt(text, tokens, s.turn, from, s.end);
  if (rest) out.push(rest);
  return out;
}

/**
 * Past this many words with no mark inside, a sentence is speech transcribed without punctuation,
 * or notes typed without it: it is split where a new sentence starts, so that each reason, figure
 * and choice is counted as it would be in the punctuated answer.
 */
const RUN_ON_WORDS = 28;
/**
 * Marks inside a sentence that show it was punctuated: with one every RUN_ON_WORDS words or closer, it is
 * long, not run on. A comma, colon or semicolon, not one inside a figure ("1,000", "9:30"); brackets and
 * dashes survive in transcribed speech that has no other marks, so they prove nothing.
 */
const PUNCTUATED = /(?<!\d)[,:;]|[,:;](?!\d)/gu;

/**
 * A turn cut into units where the boundary model puts a sentence start at least `threshold` likely, its
 * marks ignored: a full stop or a comma left in or taken out changes no unit (a dash or a bracket may).
 */
export function speechUnits(text: string, turn: number, tokens: readonly Token[], threshold: number, model = BOUNDARY_MODEL): Sentence[] {
  const whole = sentenceAt(text, tokens, turn, 0, text.length);
  return whole ? splitByModel(text, tokens, whole, threshold, model) : [];
}

/** A sentence cut where the boundary model finds a start, each piece, the last too, at least the model's fewest words. */
function splitByModel(text: string, tokens: readonly Token[], s: Sentence, threshold: number, model = BOUNDARY_MODEL): Sentence[] {
  const end = firstTokenAt(tokens, s.end);
  return splitWhere(
    text,
    tokens,
    s,
    model.minWords,
    (k, since) => end - k >= model.minWords && startsSentence(model, text, tokens, k, since, threshold, end),
  );
}

/** The share of a turn's words in run-on stretches from which it counts as written or transcribed without marks. */
const UNMARKED_SHARE = 0.8;

/**
 * Whether a turn was written or transcribed without marks: most of its words are in run-on stretches. A
 * stray "right?" or "e.g." in a long transcription does not make it punctuated.
 */
export function isUnmarked(text: string, tokens: readonly Token[]): boolean {
  return mostlyRunOn(text, markedSentences(text, 0, tokens));
}

function mostlyRunOn(text: string, marked: readonly Sentence[]): boolean {
  let words = 0;
  let runOn = 0;
  for (const s of marked) {
    words += s.words;
    if (isRunOn(text, s)) runOn += s.words;
  }
  return words > 0 && runOn >= UNMARKED_SHARE * words;
}

/** Whether a sentence is a run-on stretch: long, with too few marks inside to be long by design. */
export function isRunOn(text: string, s: Sentence): boolean {
  if (s.words <= RUN_ON_WORDS) return false;
  // One stray comma in two hundred words does not make them punctuated: the stretch between marks does.
  const marks = text.slice(s.start, s.end).match(PUNCTUATED)?.length ?? 0;
  return s.words > RUN_ON_WORDS * (marks + 1);
}

function splitRunOn(text: string, tokens: readonly Token[], s: Sentence): Sentence[] {
  return isRunOn(text, s) ? splitByModel(text, tokens, s, BOUNDARY_MODEL.threshold) : [s];
}

/** `scan` is `turns` with grader-directed text blanked; sentences are found in it. `tokens` are scan's, when known. */
export function analyse(turns: string[], scan: string[], tokens: Token[][] = scan.map(tokenize)): Analysis {
  const turnsRead = scan.map((t, i) => segmentTurn(t, i, tokens[i]!));
  const sentences = turnsRead.flatMap((r) => r.sentences);
  let total = 0;
  let prose = 0;
  for (const s of sentences) {
    total += s.words;
    if (s.prose) prose += s.words;
  }
  return {
    turns,
    scan,
    sentences,
    tokens,
    words: total,
    proseWords: prose,
    clauseBreaks: new WeakMap(),
    unmarked: turnsRead.map((r) => r.unmarked),
  };
}

/**
 * A clause reaches at most this many characters from a mention, so a run-on answer without
 * punctuation stays linear to read; clauses people write end long before it.
 */
const CLAUSE_REACH = 300;
/** Words that start a new clause. */
const CLAUSE_WORDS = new Set(['but', 'whereas', 'while', 'although', 'though', 'however']);

/** Punctuation that ends a clause: , : ; ( ) — – */
function isBreakChar(c: number): boolean {
  return c === COMMA || c === COLON || c === SEMICOLON || c === LEFT_PAREN || c === RIGHT_PAREN || c === EM_DASH || c === EN_DASH;
}

/** Where the clause breaks of a sentence are, as [start, end) pairs; found once per sentence. */
function breaksOf(a: Analysis, text: string, s: Sentence): [number, number][] {
  let found = a.clauseBreaks.get(s);
  if (!found) {
    const out: [number, number][] = [];
    // Marks between the words: no mark is ever inside a word, so the words' own letters are not read.
    const marksIn = (from: number, to: number) => {
      for (let i = from; i < to; i++) {
        const c = text.charCodeAt(i);
        // A hyphen with a space either side is a dash typed on a keyboard; one inside a word ("no-show") is not.
        if (isBreakChar(c)) out.push([i, i + 1]);
        else if (c === HYPHEN && i > s.start && text.charCodeAt(i - 1) === SPACE && text.charCodeAt(i + 1) === SPACE)
          out.push([i - 1, i + 2]);
      }
    };
    const tokens = a.tokens[s.turn]!;
    let at = s.start;
    for (let t = firstTokenAt(tokens, s.start); t < tokens.length && tokens[t]!.start < s.end; t++) {
      const tok = tokens[t]!;
      marksIn(at, tok.start);
      if (tok.end <= s.end && CLAUSE_WORDS.has(tok.norm)) out.push([tok.start, tok.end]);
      at = tok.end;
    }
    marksIn(at, s.end);
    found = out;
    a.clauseBreaks.set(s, found);
  }
  return found;
}

/** The start and end of the clause around [start, end) inside its sentence. */
export function clauseAround(a: Analysis, text: string, s: Sentence, start: number, end: number): [number, number] {
  let from = s.start;
  let to = s.end;
  const breaks = breaksOf(a, text, s);
  // The last break that ends at or before `start`, by binary search.
  let lo = 0;
  let hi = breaks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (breaks[mid]![1] <= start) lo = mid + 1;
    else hi = mid;
  }
  if (lo > 0) from = breaks[lo - 1]![1];
  for (let i = lo; i < breaks.length; i++) {
    if (breaks[i]![0] >= end) {
      to = breaks[i]![0];
      break;
    }
  }
  return [Math.max(from, start - CLAUSE_REACH), Math.min(to, end + CLAUSE_REACH)];
}

/** The clause that follows one ending at `clauseEnd` in the same sentence, if any. */
export function nextClause(a: Analysis, text: string, s: Sentence, clauseEnd: number): [number, number] | undefined {
  if (clauseEnd >= s.end) return undefined;
  const breaks = breaksOf(a, text, s);
  const at = breaks.findIndex(([b]) => b >= clauseEnd);
  if (at < 0 || breaks[at]![0] !== clauseEnd) return undefined;
  const from = breaks[at]![1];
  const next = breaks[at + 1];
  return [from, Math.min(next ? next[0] : s.end, from + CLAUSE_REACH)];
}
