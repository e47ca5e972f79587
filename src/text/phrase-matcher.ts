// Finds every phrase list's matches in an answer in one linear pass over its words, as integers.
//
// The phrase tries (phrases.ts) are a nondeterministic automaton over words: from a node, a word may
// lead along its own edge, a plural form's, a stem's, a number's, a plural's and an any-word edge at
// once. Walking that automaton from every word of every answer is what matching used to cost. Here
// each word becomes a class once (an integer: words that lead the same way share one), and the sets
// of nodes the walk can be in become states of a deterministic automaton, built lazily as answers
// need them and kept: after the first few answers, a word costs one table lookup per phrase it may
// continue. A phrase that begins with "any word" ("_ per user") needs no walk of its own from every
// word: its first literal word decides, as the step after the any-word edge.
import { CARRIAGE_RETURN, FULL_STOP, HYPHEN, LINE_FEED, NO_BREAK_SPACE, PERCENT_SIGN, SLASH, SPACE, TAB, isDigit } from './chars.js';
import type { Token } from './text.js';

export interface Span {
  start: number;
  end: number;
}

/** A plural noun, for `_s` and the "X per Y" shape: "visits", "patients"; not "this", "business", "shop's". */
export function isPlural(w: string): boolean {
  return w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith("'s");
}

/** Edge kinds, in the order a node's edges are stored. */
export const WORD = 0;
export const FORM = 1;
export const STEM = 2;
export const ANY = 3;
export const PLURAL = 4;
export const NUMBER = 5;

/** The phrase tries as flat arrays (see phrases.ts `flatten`): built from the phrases, or read back from disk. */
export interface PhraseData {
  /** Every word and plural form an edge names; an edge's key is its place here. */
  words: string[];
  /** Every stem ("decid" of "decid*") an edge names. */
  stems: string[];
  /** Each trie: its root node and the lists (numbered across all sections) whose phrases it holds. */
  sections: { root: number; firstList: number; lists: number }[];
  lists: number;
  /** Node n's edges are triples (kind, key, node) from edgeStart[n] to edgeStart[n + 1], by kind, then key. */
  edgeStart: Int32Array;
  edges: Int32Array;
  /** Node n ends a phrase of the lists ends[endStart[n] … endStart[n + 1]). */
  endStart: Int32Array;
  ends: Int32Array;
}

/** Every list's matches in one text: list l's spans are at first[l] … first[l + 1] of starts and ends, in text order. */
export interface Matches {
  first: Int32Array;
  starts: Int32Array;
  ends: Int32Array;
}

/** A list's matches as spans. */
export function spansOf(m: Matches, list: number): Span[] {
  const out: Span[] = [];
  for (let j = m.first[list]!; j < m.first[list + 1]!; j++) out.push({ start: m.starts[j]!, end: m.ends[j]! });
  return out;
}

/** How many matches a list has in a text. */
export const countOf = (m: Matches, list: number) => m.first[list + 1]! - m.first[list]!;

/** What may stand between two words of one phrase in the answer: a space, a hyphen, a slash or a dot. */
const isJoiner = (c: number) =>
  c === SPACE ||
  c === TAB ||
  c === LINE_FEED ||
  c === CARRIAGE_RETURN ||
  c === HYPHEN ||
  c === SLASH ||
  c === FULL_STOP ||
  c === NO_BREAK_SPACE;

/**
 * Whether only joiners stand between two words of the answer, so they can belong to one phrase. A
 * percent sign right after a figure is part of it: "a 105% target" is "a # target".
 */
function joinable(text: string, from: number, to: number): boolean {
  if (to <= from) return false;
  let i = from;
  if (text.charCodeAt(i) === PERCENT_SIGN && isDigit(text.charCodeAt(i - 1))) i++;
  for (; i < to; i++) if (!isJoiner(text.charCodeAt(i))) return false;
  return i > from;
}

/** No state: the walk ends. */
const DEAD = -1;
/** A transition not worked out yet. */
const UNKNOWN = -2;
/**
 * Past this many states or word classes the lazily built tables are dropped and built again: a
 * process that reads endless new words must not grow without bound. Answers reach a few thousand.
 */
const TABLE_LIMIT = 200_000;
/** Words remembered with their class, past which the memory is cleared (it is rebuilt as words come). */
const WORD_MEMORY = 100_000;
const NONE = new Int32Array(0);

/** What a class of words is: its word (or -1 when no edge names it), whether a figure or a plural, and the stems it starts with. */
interface WordClass {
  word: number;
  number: boolean;
  plural: boolean;
  stems: readonly number[];
}

export class PhraseMatcher {
  readonly lists: number;
  private readonly data: PhraseData;
  private readonly wordIds: Map<string, number>;
  /** Stems of two letters or more by their first two characters, and one-letter stems by their letter. */
  private readonly stemsByHead = new Map<string, number[]>();
  private readonly shortStems = new Map<string, number[]>();

  private classes: WordClass[] = [];
  private classOf = new Map<string, number>();
  private classBySignature = new Map<string, number>();
  private stateNodes: Int32Array[] = [];
  private stateEnds: Int32Array[] = [];
  /** Transitions worked out so far, (state, class) → state, in one open-addressed table of integers. */
  private moves = new Moves();
  private stateByKey = new Map<string, number>();
  /** Arrays a pass works in, kept from one pass to the next (a pass runs to its end before another starts). */
  private work = {
    joins: new Uint8Array(256),
    resume: new Int32Array(0),
    best: new Int32Array(0),
    touched: new Int32Array(0),
    found: new Int32Array(256),
  };
  /** Per set of sections (a bit each), its start state and that state's transitions, by class. */
  private starts = new Map<number, { state: number; next: Int32Array }>();

  constructor(data: PhraseData) {
    this.data = data;
    this.lists = data.lists;
    this.wordIds = new Map(data.words.map((w, i) => [w, i]));
    data.stems.forEach((s, i) => {
      const by = s.length > 1 ? this.stemsByHead : this.shortStems;
      const key = s.slice(0, 2);
      const bucket = by.get(key);
      if (bucket) bucket.push(i);
      else by.set(key, [i]);
    });
  }

  /**
   * Each word's class, worked out once per answer and shared by every list and section. The classes
   * hold until the next call: a table grown past its bound is dropped only here, between answers.
   */
  wordsOf(tokens: readonly Token[]): Int32Array {
    if (this.classes.length >= TABLE_LIMIT || this.stateNodes.length >= TABLE_LIMIT || this.moves.size >= 8 * TABLE_LIMIT) this.reset();
    const out = new Int32Array(tokens.length);
    for (let k = 0; k < tokens.length; k++) {
      const w = tokens[k]!.norm;
      let c = this.classOf.get(w);
      if (c === undefined) c = this.learn(w);
      out[k] = c;
    }
    return out;
  }

  private learn(w: string): number {
    if (this.classOf.size >= WORD_MEMORY) this.classOf.clear();
    const word = this.wordIds.get(w) ?? -1;
    const number = isDigit(w.charCodeAt(0));
    const plural = isPlural(w);
    const stems: number[] = [];
    for (const s of this.stemsByHead.get(w.slice(0, 2)) ?? []) if (w.startsWith(this.data.stems[s]!)) stems.push(s);
    for (const s of this.shortStems.get(w.slice(0, 1)) ?? []) stems.push(s);
    // Words no edge names lead only by what they are: a figure, a plural, the stems they start with.
    const signature = word >= 0 ? `w${word}` : `${+number}${+plural}:${stems.join(',')}`;
    let c = this.classBySignature.get(signature);
    if (c === undefined) {
      c = this.classes.length;
      this.classes.push({ word, number, plural, stems });
      this.classBySignature.set(signature, c);
    }
    this.classOf.set(w, c);
    return c;
  }

  /** Drops every lazily built table, between answers: the classes handed out before are no longer valid. */
  private reset(): void {
    this.classes = [];
    this.classOf = new Map();
    this.classBySignature = new Map();
    this.stateNodes = [];
    this.stateEnds = [];
    this.moves = new Moves();
    this.stateByKey = new Map();
    this.starts = new Map();
  }

  /** The working arrays, cleared, for a text of n words. */
  private scratch(n: number) {
    const w = this.work;
    if (w.joins.length < n) w.joins = new Uint8Array(n * 2);
    else w.joins.fill(0, 0, n);
    if (w.best.length !== this.lists) {
      w.best = new Int32Array(this.lists).fill(-1);
      w.touched = new Int32Array(this.lists);
      w.resume = new Int32Array(this.lists);
    } else w.resume.fill(0);
    return w;
  }

  /** The state for a set of nodes, made the first time it is met. */
  private stateOf(nodes: number[]): number {
    if (!nodes.length) return DEAD;
    nodes.sort((a, b) => a - b);
    const key = nodes.join(',');
    let s = this.stateByKey.get(key);
    if (s === undefined) {
      s = this.stateNodes.length;
      const ends = new Set<number>();
      const { endStart, ends: all } = this.data;
      for (const n of nodes) for (let j = endStart[n]!; j < endStart[n + 1]!; j++) ends.add(all[j]!);
      this.stateNodes.push(Int32Array.from(nodes));
      this.stateEnds.push(ends.size ? Int32Array.from([...ends].sort((a, b) => a - b)) : NONE);
      this.stateByKey.set(key, s);
    }
    return s;
  }

  /** Where a word of a class leads from a state: every edge of every node it may take. */
  private step(state: number, c: number): number {
    const cls = this.classes[c]!;
    const { edgeStart, edges } = this.data;
    const to = new Set<number>();
    for (const n of this.stateNodes[state]!) {
      for (let e = edgeStart[n]!; e < edgeStart[n + 1]!; e++) {
        const kind = edges[3 * e]!;
        const key = edges[3 * e + 1]!;
        if (
          ((kind === WORD || kind === FORM) && key === cls.word) ||
          (kind === STEM && cls.stems.includes(key)) ||
          kind === ANY ||
          (kind === PLURAL && cls.plural) ||
          (kind === NUMBER && cls.number)
        )
          to.add(edges[3 * e + 2]!);
      }
    }
    return this.stateOf([...to]);
  }

  private next(state: number, c: number): number {
    let s = this.moves.get(state, c);
    if (s === UNKNOWN) this.moves.set(state, c, (s = this.step(state, c)));
    return s;
  }

  private start(sections: number): { state: number; next: Int32Array } {
    let st = this.starts.get(sections);
    if (!st) {
      const roots = this.data.sections.filter((_, i) => sections & (1 << i)).map((s) => s.root);
      st = { state: this.stateOf(roots), next: new Int32Array(0) };
      this.starts.set(sections, st);
    }
    if (st.next.length < this.classes.length) {
      const grown = new Int32Array(Math.max(64, this.classes.length * 2)).fill(UNKNOWN);
      grown.set(st.next);
      st.next = grown;
    }
    return st;
  }

  /**
   * Every list's matches in a text, given its tokens and their classes (wordsOf): at each word the
   * longest phrase of each list that starts there, then on from its end, as a regular expression of
   * the alternatives would find. `sections` (a bit per section, all by default) says which tries to read.
   */
  find(text: string, tokens: readonly Token[], words: Int32Array, sections = (1 << this.data.sections.length) - 1): Matches {
    const n = tokens.length;
    const lists = this.lists;
    const st = this.start(sections);
    // No phrase at all in the sections read (no lists, or only empty ones): nothing to find.
    if (st.state === DEAD) return { first: new Int32Array(lists + 1), starts: NONE, ends: NONE };
    const startNext = st.next;
    const work = this.scratch(n);
    // Whether each word may continue a phrase from the one before it: 0 not known yet, 1 no, 2 yes.
    const joins = work.joins;
    const { resume, best } = work; // the token each list may match from again; the longest match from here
    const touched = work.touched;
    let touchedCount = 0;
    let found = work.found; // (list, start token, end token) triples, in text order
    let count = 0;
    for (let i = 0; i < n; i++) {
      const c = words[i]!;
      let s = startNext[c]!;
      if (s === UNKNOWN) startNext[c] = s = this.step(st.state, c);
      for (let k = i; s !== DEAD;) {
        const ends = this.stateEnds[s]!;
        for (let j = 0; j < ends.length; j++) {
          const l = ends[j]!;
          if (best[l]! < 0) touched[touchedCount++] = l;
          best[l] = k + 1;
        }
        if (++k >= n) break;
        if (!joins[k]) joins[k] = joinable(text, tokens[k - 1]!.end, tokens[k]!.start) ? 2 : 1;
        if (joins[k] === 1) break;
        s = this.next(s, words[k]!);
      }
      for (let t = 0; t < touchedCount; t++) {
        const l = touched[t]!;
        if (i >= resume[l]!) {
          if (count * 3 + 3 > found.length) {
            const grown = new Int32Array(found.length * 2);
            grown.set(found);
            found = work.found = grown;
          }
          found[count * 3] = l;
          found[count * 3 + 1] = i;
          found[count * 3 + 2] = best[l]!;
          count++;
          resume[l] = best[l]!;
        }
        best[l] = -1;
      }
      touchedCount = 0;
    }
    // Grouped by list, kept in text order within each.
    const first = new Int32Array(lists + 1);
    for (let j = 0; j < count; j++) first[found[j * 3]! + 1]!++;
    for (let l = 0; l < lists; l++) first[l + 1]! += first[l]!;
    const fill = first.slice(0, lists);
    const starts = new Int32Array(count);
    const ends = new Int32Array(count);
    for (let j = 0; j < count; j++) {
      const at = fill[found[j * 3]!]!++;
      starts[at] = tokens[found[j * 3 + 1]!]!.start;
      ends[at] = tokens[found[j * 3 + 2]! - 1]!.end;
    }
    return { first, starts, ends };
  }
}

/**
 * A map from (state, class) to state in flat arrays, probed linearly: a lookup is a few integer
 * operations and makes no garbage, where a Map per state costs a hash of a boxed key.
 */
class Moves {
  private states = new Int32Array(1024).fill(-1);
  private classes = new Int32Array(1024);
  private targets = new Int32Array(1024);
  private count = 0;

  /** How many transitions are kept. */
  get size(): number {
    return this.count;
  }

  private slot(state: number, c: number): number {
    const mask = this.states.length - 1;
    let i = (Math.imul(state, 0x9e3779b1) ^ Math.imul(c, 0x85ebca6b)) & mask;
    while (this.states[i] !== -1 && (this.states[i] !== state || this.classes[i] !== c)) i = (i + 1) & mask;
    return i;
  }

  get(state: number, c: number): number {
    const i = this.slot(state, c);
    return this.states[i] === -1 ? UNKNOWN : this.targets[i]!;
  }

  set(state: number, c: number, target: number): void {
    // Kept at most half full, so that probes stay short.
    if (2 * (this.count + 1) > this.states.length) this.grow();
    const i = this.slot(state, c);
    if (this.states[i] === -1) this.count++;
    this.states[i] = state;
    this.classes[i] = c;
    this.targets[i] = target;
  }

  private grow(): void {
    const { states, classes, targets } = this;
    this.states = new Int32Array(states.length * 2).fill(-1);
    this.classes = new Int32Array(states.length * 2);
    this.targets = new Int32Array(states.length * 2);
    this.count = 0;
    for (let i = 0; i < states.length; i++) if (states[i] !== -1) this.set(states[i]!, classes[i]!, targets[i]!);
  }
}
