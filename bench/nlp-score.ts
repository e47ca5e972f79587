// How each toolkit does on the labelled cases: one scoring function per task, each returning counts
// that the table turns into figures.
import type { FigureCase, NegationCase, NounPhraseCase, SplitCase, TagCase } from './nlp-labels.js';
import type { Span, Tool } from './nlp-tools.js';

export interface Counts {
  /** Found and right. */
  hit: number;
  /** Found, but not in the labels. */
  extra: number;
  /** In the labels, not found. */
  missed: number;
  /** Cases wholly right, of `cases`. */
  exact: number;
  cases: number;
  /** Figures only: labelled figures found as several pieces. */
  pieces?: number;
}

export interface Graded {
  right: number;
  of: number;
  /** A second figure where the task has one (see each task). */
  also?: { right: number; of: number };
  also2?: { right: number; of: number };
}

const WORD = /[\p{L}\p{N}]+/gu;

/**
 * Where a sentence starts, as the index of its first word: a list mark, a quote or spaces before
 * it do not move a boundary, and a tool that starts sentences a character apart agrees.
 */
export function boundaries(text: string, starts: readonly number[]): Set<number> {
  const words = wordStarts(text);
  const out = new Set<number>();
  for (const s of starts) {
    const i = words.findIndex((w) => w >= s);
    if (i > 0) out.add(i);
  }
  return out;
}

const wordStarts = (text: string) => [...text.matchAll(WORD)].map((m) => m.index);

/** A case's text on one line, cut short, for the list of misses. */
const shown = (text: string) => JSON.stringify(text.length > 90 ? `${text.slice(0, 87)}...` : text);
/** What a span holds, for the list of misses. */
const said = (text: string, s: Span | undefined) => (s ? JSON.stringify(text.slice(s.start, s.end)) : 'nothing');

export function scoreSplits(cases: readonly SplitCase[], split: (text: string) => number[], misses?: string[]): Counts {
  const c: Counts = { hit: 0, extra: 0, missed: 0, exact: 0, cases: cases.length };
  for (const k of cases) {
    const want = boundaries(k.text, k.starts);
    const got = boundaries(k.text, split(k.text));
    let hit = 0;
    for (const b of got) if (want.has(b)) hit++;
    c.hit += hit;
    c.extra += got.size - hit;
    c.missed += want.size - hit;
    if (hit === want.size && got.size === hit) c.exact++;
    else if (misses) {
      // Each boundary shown by the word that opens the sentence.
      const words = [...k.text.matchAll(WORD)].map((m) => m[0]);
      const list = (bs: number[]) => bs.map((b) => words[b]).join(' ');
      const extra = [...got].filter((b) => !want.has(b));
      const missed = [...want].filter((b) => !got.has(b));
      misses.push(
        `${shown(k.text)}:${extra.length ? ` starts sentences at ${list(extra)};` : ''}${missed.length ? ` runs on past ${list(missed)}` : ''}`,
      );
    }
  }
  return c;
}

/** A span without the spaces and sentence punctuation at its ends: "1%." is the figure "1%". */
export function trim(text: string, s: Span): Span {
  let { start, end } = s;
  while (start < end && /[\s.,;:!?"'()…]/u.test(text[start]!)) start++;
  while (end > start && /[\s.,;:!?"'()…]/u.test(text[end - 1]!)) end--;
  return { start, end };
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
const same = (a: Span, b: Span) => a.start === b.start && a.end === b.end;

/**
 * Figures: `hit` counts the labelled figures something found overlaps, `missed` those nothing
 * does, `extra` what was found where no figure is; `exact` counts labelled figures found whole,
 * unit and all, and `pieces` those found as several pieces ("2" and "5" for "2.5%"), of `cases` figures.
 */
export function scoreFigures(cases: readonly FigureCase[], find: (text: string) => Span[], misses?: string[]): Counts {
  const c: Counts = { hit: 0, extra: 0, missed: 0, exact: 0, cases: 0, pieces: 0 };
  for (const k of cases) {
    const got = find(k.text)
      .map((s) => trim(k.text, s))
      .filter((s) => s.end > s.start);
    c.extra += got.filter((g) => !k.figures.some((f) => overlaps(f, g))).length;
    for (const f of k.figures) {
      const on = got.filter((g) => overlaps(f, g));
      c.cases++;
      if (!on.length) c.missed++;
      else c.hit++;
      if (on.length > 1) c.pieces!++;
      if (on.some((g) => same(f, g))) c.exact++;
    }
    const right = got.every((g) => k.figures.some((f) => same(f, g))) && k.figures.every((f) => got.some((g) => same(f, g)));
    if (!right) misses?.push(`${shown(k.text)}: found ${got.map((g) => said(k.text, g)).join(', ') || 'nothing'}`);
  }
  return c;
}

/** Negation: right of all phrases; `also` the negated ones caught, `also2` the others left alone. */
export function scoreNegation(cases: readonly NegationCase[], negated: NonNullable<Tool['negated']>, misses?: string[]): Graded {
  const g = { right: 0, of: 0, also: { right: 0, of: 0 }, also2: { right: 0, of: 0 } };
  for (const k of cases) {
    for (const p of k.phrases) {
      const says = negated(k.text, p.span);
      const side = p.negated ? g.also : g.also2;
      g.of++;
      side.of++;
      if (says === p.negated) {
        g.right++;
        side.right++;
      } else
        misses?.push(
          `${shown(k.text)}: ${JSON.stringify(k.text.slice(p.span.start, p.span.end))} taken as ${says ? 'negated' : 'not negated'}`,
        );
    }
  }
  return g;
}

/** What a quote leaves off the front of a noun phrase: its article, possessive or quantifier. */
const DETERMINER = /^(?:the|a|an|our|their|my|your|its|his|her|this|that|these|those|each|every|some|any|all|no)\s+/iu;

/** The phrase without its determiners. */
export function bare(text: string, s: Span): Span {
  const { end } = trim(text, s);
  let { start } = trim(text, s);
  for (let m = DETERMINER.exec(text.slice(start, end)); m; m = DETERMINER.exec(text.slice(start, end))) start += m[0].length;
  return { start, end };
}

/** Noun phrases: exactly the phrase; `also` the phrase whole, longer or not. */
export function scoreNounPhrases(cases: readonly NounPhraseCase[], phrase: NonNullable<Tool['nounPhrase']>, misses?: string[]): Graded {
  const g = { right: 0, of: cases.length, also: { right: 0, of: cases.length } };
  for (const k of cases) {
    const got = phrase(k.text, k.word);
    const b = got && bare(k.text, got);
    if (b && same(b, k.phrase)) g.right++;
    else misses?.push(`${shown(k.text)}: ${said(k.text, b)} for ${said(k.text, k.word)}`);
    if (b && b.start <= k.phrase.start && k.phrase.end <= b.end) g.also.right++;
  }
  return g;
}

export function scoreTags(cases: readonly TagCase[], tag: NonNullable<Tool['tag']>, misses?: string[]): Graded {
  let right = 0;
  for (const k of cases) {
    const got = tag(k.text, k.word);
    if (got === k.tag) right++;
    else misses?.push(`${shown(k.text)}: ${said(k.text, k.word)} taken as ${got}, is ${k.tag}`);
  }
  return { right, of: cases.length };
}
