// Reads the labelled cases of bench/nlp-cases.ts: each label is written into its text as a mark,
// taken out here, leaving the text and the offsets the marks stood at.
import type { Span, Tag } from './nlp-tools.js';

export interface SplitCase {
  text: string;
  /** Where every sentence but the first starts. */
  starts: number[];
}
export interface FigureCase {
  text: string;
  figures: Span[];
}
export interface NegationCase {
  text: string;
  phrases: { span: Span; negated: boolean }[];
}
export interface NounPhraseCase {
  text: string;
  word: Span;
  phrase: Span;
}
export interface TagCase {
  text: string;
  word: Span;
  tag: Tag;
}

interface Mark {
  mark: string;
  at: number;
}

/** The text without the marks, and where each mark stood in it. */
export function unmark(src: string, marks: RegExp): { text: string; marks: Mark[] } {
  let text = '';
  const found: Mark[] = [];
  let last = 0;
  for (const m of src.matchAll(marks)) {
    text += src.slice(last, m.index);
    found.push({ mark: m[0], at: text.length });
    last = m.index + m[0].length;
  }
  return { text: text + src.slice(last), marks: found };
}

const fail = (src: string, why: string): never => {
  throw new Error(`nlp case “${src.slice(0, 50)}”: ${why}`);
};

/** "First sentence. ¦Second one." — a ¦ before each sentence after the first. */
export function splitCase(src: string): SplitCase {
  const { text, marks } = unmark(src, /¦/g);
  if (!marks.length) fail(src, 'no ¦ marks a sentence start');
  return { text, starts: marks.map((m) => m.at) };
}

/** "Refunds under [[2%]] in [[30 days]]" — each figure with its unit in [[ ]]. */
export function figureCase(src: string): FigureCase {
  const { text, marks } = unmark(src, /\[\[|\]\]/g);
  const figures: Span[] = [];
  for (let i = 0; i < marks.length; i += 2) {
    const [open, close] = [marks[i]!, marks[i + 1]];
    if (open.mark !== '[[' || close?.mark !== ']]') fail(src, 'a [[ without its ]]');
    figures.push({ start: open.at, end: close!.at });
  }
  return { text, figures };
}

/** "not [-downloads] but [+weekly payers]" — each metric phrase marked negated (-) or not (+). */
export function negationCase(src: string): NegationCase {
  const { text, marks } = unmark(src, /\[[-+]|\]/g);
  const phrases: NegationCase['phrases'] = [];
  for (let i = 0; i < marks.length; i += 2) {
    const [open, close] = [marks[i]!, marks[i + 1]];
    if (open.mark === ']' || close?.mark !== ']') fail(src, 'a [- or [+ without its ]');
    phrases.push({ span: { start: open.at, end: close!.at }, negated: open.mark === '[-' });
  }
  if (!phrases.length) fail(src, 'no phrase is marked');
  return { text, phrases };
}

/** "the {weekly *paying* users}" — the noun phrase in { }, the word asked about in * *. */
export function nounPhraseCase(src: string): NounPhraseCase {
  const { text, marks } = unmark(src, /[{}*]/g);
  if (marks.map((m) => m.mark).join('') !== '{**}') fail(src, 'needs one {phrase} holding one *word*');
  const [open, from, to, close] = marks.map((m) => m.at) as [number, number, number, number];
  return { text, word: { start: from, end: to }, phrase: { start: open, end: close } };
}

/** "*Track* weekly payers" with its part of speech. */
export function tagCase([src, tag]: readonly [string, Tag]): TagCase {
  const { text, marks } = unmark(src, /\*/g);
  if (marks.length !== 2) fail(src, 'needs one *word*');
  return { text, word: { start: marks[0]!.at, end: marks[1]!.at }, tag };
}
