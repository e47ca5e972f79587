// Finds where a signal's phrases stand in an answer and whether each mention is affirmed or rejected.
import type { Matcher } from '../../scenario/schema.js';
import {
  CLAUSE_SUBJECTS,
  CRITICISM,
  DISPUTED,
  MEANS_WORDS,
  NEGATED_PRONOUNS,
  NEGATOR_WORDS,
  NEGATOR_PAIRS,
  OWN_VIEW,
  REJECTED_AFTER,
  REPORTED_VIEW,
  notNegating,
} from '../../text/lexicon.js';
import type { Matches, Span } from '../../text/phrase-matcher.js';
import { cueListOf, type CueMatches } from '../model/features.js';
import { HYPHEN } from '../../text/chars.js';
import { requiredPattern, withFirstChars } from './first-chars.js';
import { POLICY } from '../../policy/policy.js';
import { clauseAround, nextClause, firstTokenAt, isWordUnit, type Analysis, type Sentence, type Token } from '../../text/text.js';

export interface Mention {
  sentence: number;
  turn: number;
  start: number;
  end: number;
}

/** What a mention names: its words folded to lower case and single spaces, without a plural ending. */
export function keyOf(a: Analysis, m: Mention): string {
  return a.scan[m.turn]!.slice(m.start, m.end)
    .toLowerCase()
    .replace(/[\s\-/.]+/g, ' ')
    .replace(/['’]s$|(?<=[^s])s$/u, '');
}

export interface CompiledMatcher {
  /** Equal keys find equal mentions, so signals that share a lexicon share the work. */
  key: string;
  /** The phrase list's id among the rubric's lists (see rubric/compiled.ts); -1 when a cue list serves instead. */
  list: number;
  /** A built-in reasoning lexicon: the cue list whose spans (found once for the features) serve. */
  cue?: number;
  /** Phrases written as regular expressions, and a signal's own pattern. */
  regex?: MatcherRegex;
}

/**
 * A matcher's regular expression as written, and for long texts the same with a lookahead for the
 * characters a match can start with (first-chars.ts), made the first time a long text needs it:
 * both find the same matches, but working the lookahead out is a cost a process's first rubric
 * would otherwise pay, and only long texts (where a lookbehind's reading back goes quadratic) gain.
 */
export interface MatcherRegex {
  source: string;
  plain: RegExp;
  long?: RegExp;
  /**
   * The strings one of which every match holds (first-chars.ts `requiredLiterals`), as one pattern
   * under the same flags, when the reader could tell them: a text without any has no match, and most
   * answers are passed over with one quick test.
   */
  needs?: RegExp | null;
}

/** Texts longer than this are read with the lookahead. */
const LONG_TEXT = 4000;

function regexFor(r: MatcherRegex, text: string): RegExp {
  if (text.length <= LONG_TEXT) return r.plain;
  return (r.long ??= new RegExp(withFirstChars(r.source), 'giu'));
}

/** Where a matcher's phrases go: a list of them, numbered in the order they are added. */
export interface PhraseLists {
  add(phrases: readonly string[]): number;
}

export function compileMatcher(m: Matcher, lexicons: Record<string, string[]>, index: PhraseLists): CompiledMatcher {
  const cue = m.lexicon && !m.terms && !m.pattern ? cueListOf(m.lexicon, lexicons[m.lexicon] ?? []) : undefined;
  if (cue !== undefined) return { key: `cue:${cue}`, list: -1, cue };
  const phrases = [...new Set([...(m.terms ?? []), ...(m.lexicon ? (lexicons[m.lexicon] ?? []) : [])])].sort();
  const isRegex = (p: string) => p.length > 2 && p.startsWith('/') && p.endsWith('/');
  const sources = phrases.filter(isRegex).map((p) => `(?:${p.slice(1, -1)})`);
  if (m.pattern) sources.push(`(?:${m.pattern})`);
  return {
    key: JSON.stringify([phrases, m.pattern ?? '']),
    list: index.add(phrases.filter((p) => !isRegex(p))),
    ...(sources.length ? { regex: regexOf(`(?:${sources.join('|')})(?![\\p{L}\\p{N}])`) } : {}),
  };
}

/** One object per pattern, whichever rubric and matcher wrote it: its forms are made once, and what it found in an answer is shared (foundBy). */
const regexes = new Map<string, MatcherRegex>();
const REGEXES_KEPT = 1000;

function regexOf(source: string): MatcherRegex {
  let r = regexes.get(source);
  if (!r) {
    if (regexes.size >= REGEXES_KEPT) regexes.clear();
    r = { source, plain: new RegExp(source, 'giu') };
    regexes.set(source, r);
  }
  return r;
}

function needsOf(r: MatcherRegex): RegExp | null {
  if (r.needs === undefined) r.needs = requiredPattern(r.source);
  return r.needs;
}

/**
 * What a pattern found in each turn of one analysis: one answer is read by the matchers of several
 * signals whose phrase lists differ but whose patterns are the same. Kept by the analysis's turns,
 * so nothing outlives the answer it was found in.
 */
const foundBy = new WeakMap<readonly string[], Map<MatcherRegex, (readonly Span[])[]>>();

function regexSpans(r: MatcherRegex, scan: readonly string[], turn: number): readonly Span[] {
  let byPattern = foundBy.get(scan);
  if (!byPattern) foundBy.set(scan, (byPattern = new Map()));
  let byTurn = byPattern.get(r);
  if (!byTurn) byPattern.set(r, (byTurn = []));
  let spans = byTurn[turn];
  if (!spans) {
    const text = scan[turn]!;
    const needs = needsOf(r);
    byTurn[turn] = spans = needs && !needs.test(text) ? [] : spansOfRegex(r, text);
  }
  return spans;
}

function spansOfRegex(r: MatcherRegex, text: string): Span[] {
  const re = regexFor(r, text);
  const out: Span[] = [];
  re.lastIndex = 0;
  for (let r = re.exec(text); r; r = re.exec(text)) {
    // The word boundary before a match is checked here, not in the regex: a lookbehind
    // would stop the engine from skipping ahead to likely first characters.
    if (r[0].length === 0 || (r.index > 0 && isWordUnit(text.charCodeAt(r.index - 1)))) {
      re.lastIndex = r.index + 1;
      continue;
    }
    out.push({ start: r.index, end: r.index + r[0].length });
  }
  return out;
}

/** A list's phrase matches, and regex matches with them; where they overlap the longer wins. */
function spansIn(m: CompiledMatcher, scan: readonly string[], turn: number, found: Matches, list: number): Span[] {
  const out: Span[] = [];
  for (let j = found.first[list]!; j < found.first[list + 1]!; j++) out.push({ start: found.starts[j]!, end: found.ends[j]! });
  if (!m.regex) return out;
  const all = [...out, ...regexSpans(m.regex, scan, turn)].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Span[] = [];
  for (const s of all) if (!kept.length || s.start >= kept[kept.length - 1]!.end) kept.push(s);
  return kept;
}

/** How many words a negator reaches forward (policy.json): "not QR codes issued or app downloads". */
const NEGATION_REACH = POLICY.negationReach;
/**
 * How many characters past the end of its clause a verdict on a mention (REJECTED_AFTER) is looked
 * for: "X, is not the right metric" puts it behind a comma, and a comma ends the clause.
 */
const VERDICT_REACH = 40;

/** Whether the nearest negator before token t, within its clause and reach, negates it. */
function isNegated(text: string, tokens: readonly Token[], t: number, clauseStart: number): boolean {
  for (let j = t - 1; j >= 0 && j >= t - 1 - NEGATION_REACH - 1; j--) {
    const tok = tokens[j]!;
    if (tok.start < clauseStart) return false;
    const w = tok.norm;
    // "Guard against fraud by watching retention": what a means ("by watching…") leads to is not what is
    // negated. "We don't judge it by downloads" still negates: a noun after "by" is the measure itself.
    if (MEANS_WORDS.has(w) && tokens[j + 1]?.norm.endsWith('ing')) return false;
    const pair = j > 0 && NEGATOR_PAIRS.get(w)?.has(tokens[j - 1]!.norm) === true;
    if (pair || NEGATOR_WORDS.has(w) || w.endsWith("n't")) {
      // "no-show rate", "non-paying": a hyphen makes the negator part of a word.
      if (text.charCodeAt(tok.end) === HYPHEN) continue;
      if (notNegating(tokens, j)) return false;
      // "Guard against it, watching retention": the negator took the pronoun as its object. "No I'd track
      // retention": a clause with its own subject starts right after it. ("I don't think we should watch
      // retention" and "I wouldn't ask you to watch it" still negate: the negator is a verb's, not alone.)
      const next = j + 1 < t ? tokens[j + 1]!.norm : '';
      if (NEGATED_PRONOUNS.has(next) || CLAUSE_SUBJECTS.has(next)) return false;
      return t - j - 1 <= NEGATION_REACH;
    }
  }
  return false;
}

/**
 * Whether the mention is someone else's view that the speaker then disputes, in one sentence: "the growth
 * team will say there aren't any risks, but…", "some argue GMV is the metric; however…". The speaker's own
 * view ("I'd say there aren't any risks, but we watch refunds") stays theirs.
 */
function reportedThenDisputed(text: string, s: Sentence, clauseStart: number, start: number, end: number): boolean {
  // The report is looked for in the mention's own clause only: "As my mentor says, I would pick X" is the speaker's pick.
  const before = text.slice(clauseStart, start);
  let reported = false;
  REPORTED_VIEW.lastIndex = 0;
  for (let m = REPORTED_VIEW.exec(before); m && !reported; m = REPORTED_VIEW.exec(before)) {
    reported = !OWN_VIEW.test(before.slice(Math.max(0, m.index - 24), m.index));
  }
  // The rest of the sentence is read only for a report: most mentions have none.
  return reported && DISPUTED.test(text.slice(end, s.end));
}

/** Offsets and turns packed into one number, a cache key that makes no string (answers are far below 10^6 characters a turn). */
const pack = (turn: number, from: number, to: number) => (turn * 1e6 + from) * 1e6 + to;

function criticised(a: Analysis, turn: number, from: number, to: number, cache: Map<number, boolean>): boolean {
  const key = pack(turn, from, to);
  let found = cache.get(key);
  if (found === undefined) cache.set(key, (found = CRITICISM.test(a.scan[turn]!.slice(from, to))));
  return found;
}

function isRejected(a: Analysis, turn: number, s: Sentence, start: number, end: number, cache: Map<number, boolean>): boolean {
  const text = a.scan[turn]!;
  const tokens = a.tokens[turn]!;
  const [from, to] = clauseAround(a, text, s, start, end);
  if (isNegated(text, tokens, firstTokenAt(tokens, start), from)) return true;
  if (REJECTED_AFTER.test(text.slice(end, Math.min(to + VERDICT_REACH, s.end)))) return true;
  if (criticised(a, turn, from, to, cache)) return true;
  if (reportedThenDisputed(text, s, from, start, end)) return true;
  // The next clause criticises the mention only when it opens by pointing back at it: "X, which is a vanity metric".
  const next = nextClause(a, text, s, to);
  if (!next) return false;
  const following = text.slice(next[0], next[1]);
  return /^\s*(?:which|that|those|these|they|it|as|since|because)\b/iu.test(following) && CRITICISM.test(following);
}

/**
 * Every mention in the answer, with its sentence. Whether it is rejected is asked separately
 * (isRejectedMention), and only by signals that care.
 * `found[turn]` is what the rubric's lists hold in each turn, `cues` where the cue lists were found.
 */
export function findMentions(m: CompiledMatcher, a: Analysis, found: readonly Matches[], cues: CueMatches): Mention[] {
  const out: Mention[] = [];
  let index = 0;
  for (let turn = 0; turn < a.scan.length; turn++) {
    while (index < a.sentences.length && a.sentences[index]!.turn < turn) index++;
    const inTurn = m.cue !== undefined ? cues.found[turn]! : found[turn]!;
    const list = m.cue !== undefined ? cues.first + m.cue : m.list;
    // Without a regular expression the list's matches are the spans, read where they are.
    if (!m.regex) {
      for (let j = inTurn.first[list]!; j < inTurn.first[list + 1]!; j++) {
        const start = inTurn.starts[j]!;
        const end = inTurn.ends[j]!;
        while (index < a.sentences.length && a.sentences[index]!.turn === turn && a.sentences[index]!.end <= start) index++;
        const s = a.sentences[index];
        if (!s || s.turn !== turn) break;
        if (start < s.start || end > s.end) continue;
        out.push({ sentence: index, turn, start, end });
      }
      continue;
    }
    for (const span of spansIn(m, a.scan, turn, inTurn, list)) {
      while (index < a.sentences.length && a.sentences[index]!.turn === turn && a.sentences[index]!.end <= span.start) index++;
      const s = a.sentences[index];
      if (!s || s.turn !== turn) break;
      if (span.start < s.start || span.end > s.end) continue;
      out.push({ sentence: index, turn, start: span.start, end: span.end });
    }
  }
  return out;
}

/** Whether a mention is negated or criticised; worked out once per place in the answer. */
export function isRejectedMention(a: Analysis, m: Mention, cache: MentionCache): boolean {
  const key = pack(m.turn, m.start, m.end);
  let rejected = cache.rejected.get(key);
  if (rejected === undefined) {
    rejected = isRejected(a, m.turn, a.sentences[m.sentence]!, m.start, m.end, cache.criticised);
    cache.rejected.set(key, rejected);
  }
  return rejected;
}

/**
 * What one scoring of an answer has already worked out about its mentions. Signals whose phrases
 * overlap ask about the same mention, and mentions in one clause share its criticism test, a
 * regular expression over the clause. Made afresh per answer, so nothing carries over between them.
 */
export interface MentionCache {
  /** By place in the answer (pack): whether the mention there is negated or criticised. */
  rejected: Map<number, boolean>;
  /** By clause (pack): whether the clause criticises what it names. */
  criticised: Map<number, boolean>;
}

export const newMentionCache = (): MentionCache => ({ rejected: new Map(), criticised: new Map() });

/** How many different things the mentions name; "churn" inside "churn rate" is the same thing. */
export function distinctCount(a: Analysis, mentions: readonly Mention[]): number {
  const keys = [...new Set(mentions.map((m) => keyFor(a, m)))].sort((a, b) => b.length - a.length);
  // Each key with a space either side, made once: "churn" is inside "churn rate" as " churn " is inside " churn rate ".
  const kept: string[] = [];
  for (const k of keys) {
    const padded = ` ${k} `;
    if (!kept.some((longer) => longer.includes(padded))) kept.push(padded);
  }
  return kept.length;
}

/** Keys by the words as written: answers name the same few things again and again. */
const keys = new Map<string, string>();
/** Words remembered with their key, past which the memory is cleared. */
const KEY_MEMORY = 10_000;

/** keyOf, remembered by the mention's words. */
function keyFor(a: Analysis, m: Mention): string {
  const words = a.scan[m.turn]!.slice(m.start, m.end);
  let key = keys.get(words);
  if (key === undefined) {
    if (keys.size >= KEY_MEMORY) keys.clear();
    key = keyOf(a, m);
    keys.set(words, key);
  }
  return key;
}
