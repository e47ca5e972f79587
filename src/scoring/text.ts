// Splits an answer into sentences and clauses and tells prose from bare lists of words.
import { FUNCTION_WORDS, ABBREVIATIONS } from './lexicon.js';

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
  /** The first two characters of `norm` as a number, for looking up word stems. */
  head: number;
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
  /** Clause breaks per sentence, filled in as they are needed. */
  clauseBreaks: WeakMap<Sentence, [number, number][]>;
}

const TOKEN = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  // Lower-case once; per word only where case folding changed the length (rare letters).
  const lower = text.toLowerCase();
  const aligned = lower.length === text.length;
  const curly = text.includes('’');
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    const end = m.index + m[0].length;
    let norm = aligned ? lower.slice(m.index, end) : m[0].toLowerCase();
    if (curly) norm = norm.replace(/’/g, "'");
    out.push({ start: m.index, end, norm, head: norm.length > 1 ? norm.charCodeAt(0) * 65536 + norm.charCodeAt(1) : norm.length ? norm.charCodeAt(0) : 0 });
  }
  return out;
}

export function countWords(text: string): number {
  TOKEN.lastIndex = 0;
  let n = 0;
  while (TOKEN.exec(text)) n++;
  return n;
}

/**
 * A line break ends a sentence at a blank line, before a bullet or numbered item, or after
 * a line that ends like one; otherwise it is a wrapped line and only a space.
 */
// Character codes, read with charCodeAt: indexing a string that has any non-Latin-1 character
// in it (’, —) makes a new string per character, which is most of the garbage a long answer makes.
const LF = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;

const isSpace = (c: number) => c === SPACE || c === TAB || c === LF || c === CR || c === 0xa0 || (c >= 0x2000 && c <= 0x200b);

/**
 * A line break ends a sentence at a blank line, before a bullet or numbered item, or after
 * a line that ends like one; otherwise it is a wrapped line and only a space.
 */
function lineEndsSentence(text: string, i: number): boolean {
  let j = i + 1;
  while (j < text.length && (text.charCodeAt(j) === SPACE || text.charCodeAt(j) === TAB)) j++;
  if (j >= text.length) return true;
  const next = text.charCodeAt(j);
  // blank line, or a bullet (- * • > #), or a number followed by . or )
  if (next === LF || next === CR || next === 45 || next === 42 || next === 0x2022 || next === 62 || next === 35) return true;
  if (next >= 48 && next <= 57) {
    let k = j;
    while (k < text.length && text.charCodeAt(k) >= 48 && text.charCodeAt(k) <= 57) k++;
    if (text.charCodeAt(k) === 46 || text.charCodeAt(k) === 41) return true;
  }
  let p = i - 1;
  while (p >= 0 && (text.charCodeAt(p) === SPACE || text.charCodeAt(p) === TAB || text.charCodeAt(p) === CR)) p--;
  if (p < 0) return true;
  const prev = text.charCodeAt(p);
  // . ! ? : ; …
  return prev === 46 || prev === 33 || prev === 63 || prev === 58 || prev === 59 || prev === 0x2026;
}

function isBoundary(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c === LF) return lineEndsSentence(text, i);
  // ; ! ? …
  if (c === 59 || c === 33 || c === 63 || c === 0x2026) return true;
  if (c !== 46) return false;
  if (i + 1 < text.length) {
    const n = text.charCodeAt(i + 1);
    // followed by a space, a quote or a bracket; otherwise 3.5%, e.g.x, URLs
    if (!isSpace(n) && n !== 34 && n !== 39 && n !== 0x201d && n !== 0x2019 && n !== 41) return false;
  }
  const before = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, i - 8), i));
  return !(before && ABBREVIATIONS.has(before[1]!.toLowerCase()));
}

/** Characters that separate the items of a list: , ; / · | */
const isItemBreak = (c: number) => c === 44 || c === 59 || c === 47 || c === 0xb7 || c === 124;

function sentenceAt(text: string, tokens: readonly Token[], turn: number, start: number, end: number): Sentence | undefined {
  // Leading space and bullet marks (- * • > #), trailing space.
  while (start < end) {
    const c = text.charCodeAt(start);
    if (!(isSpace(c) || c === 45 || c === 42 || c === 0x2022 || c === 62 || c === 35)) break;
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
    if (FUNCTION_WORDS.has(t.norm)) fn++;
    if (i > first) {
      let brk = t.norm === 'and' || t.norm === 'or';
      for (let k = tokens[i - 1]!.end; !brk && k < t.start; k++) brk = isItemBreak(text.charCodeAt(k));
      if (brk) items++;
    }
  }
  if (count === 0) return undefined;
  const listy = items >= 4 && count / items <= 3;
  const prose = count >= 3 && fn >= 1 && !listy;
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
const CAN_END = /[\n;!?….]/g;

export function segment(text: string, turn: number, tokens: readonly Token[] = tokenize(text)): Sentence[] {
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
  return out;
}

/** `scan` is `turns` with grader-directed text blanked; sentences are found in it. */
export function analyse(turns: string[], scan: string[]): Analysis {
  const tokens = scan.map(tokenize);
  const sentences = scan.flatMap((t, i) => segment(t, i, tokens[i]));
  let total = 0;
  let prose = 0;
  for (const s of sentences) {
    total += s.words;
    if (s.prose) prose += s.words;
  }
  return { turns, scan, sentences, tokens, words: total, proseWords: prose, clauseBreaks: new WeakMap() };
}

/** A clause reaches at most this far from a mention, so a run-on answer stays linear. */
const CLAUSE_REACH = 300;
/** Words that start a new clause. */
const CLAUSE_WORDS = new Set(['but', 'whereas', 'while', 'although', 'though', 'however']);

function isBreakChar(c: number): boolean {
  // , : ; ( ) — –
  return c === 44 || c === 58 || c === 59 || c === 40 || c === 41 || c === 0x2014 || c === 0x2013;
}

/** Where the clause breaks of a sentence are, as [start, end) pairs; found once per sentence. */
function breaksOf(a: Analysis, text: string, s: Sentence): [number, number][] {
  let found = a.clauseBreaks.get(s);
  if (!found) {
    found = [];
    const tokens = a.tokens[s.turn]!;
    let t = firstTokenAt(tokens, s.start);
    for (let i = s.start; i < s.end; i++) {
      while (t < tokens.length && tokens[t]!.start < i) t++;
      const tok = tokens[t];
      if (tok && tok.start === i && tok.end <= s.end && CLAUSE_WORDS.has(tok.norm)) {
        found.push([tok.start, tok.end]);
        i = tok.end - 1;
        continue;
      }
      const c = text.charCodeAt(i);
      if (isBreakChar(c)) found.push([i, i + 1]);
      // " - " used as a dash
      else if (c === 45 && i > s.start && text.charCodeAt(i - 1) === 32 && text.charCodeAt(i + 1) === 32) found.push([i - 1, i + 2]);
    }
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
