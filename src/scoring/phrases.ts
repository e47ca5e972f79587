// Matches many phrase lists against an answer's words in one pass, through one trie.
import type { Token } from './text.js';

/**
 * Phrase syntax. Words are separated by spaces (a hyphen or slash inside a word separates
 * words too, as in the answer). In the answer, the words of a phrase may be joined by spaces,
 * hyphens, slashes or dots, and the last word may take a plural. An element may be:
 *   word     that word            word*   any word starting so
 *   _        any one word         #       any number
 *   _s       any word ending in s (a plural, as in "_s per _")
 *   (a|b|c)  one of these        x?      x or nothing (after any element)
 */
type Element = { kind: 'word' | 'stem'; text: string } | { kind: 'any' } | { kind: 'plural' } | { kind: 'number' };

interface TrieNode {
  words: Map<string, TrieNode>;
  /** Stems by their first two letters as a number (see headKey), then stem → node. */
  stems: Map<number, [string, TrieNode][]>;
  any: TrieNode | undefined;
  plural: TrieNode | undefined;
  number: TrieNode | undefined;
  /** Whether a one-letter stem is among the stems. */
  shortStems: boolean;
  /** The lists (by id) that have a phrase ending here. */
  ends: number[];
}

// Every node is made with every field, so all share one shape and lookups on them stay fast.
const newNode = (): TrieNode => ({ words: new Map(), stems: new Map(), any: undefined, plural: undefined, number: undefined, shortStems: false, ends: [] });

const STEM_KEY = 2;

/** A plural noun, for `_s` and the "X per Y" shape: "visits", "patients"; not "this", "business", "shop's". */
export function isPlural(w: string): boolean {
  return w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith("'s");
}

/** The first two characters of a word as one number: a map key that costs no new string. */
export const headKey = (w: string) => (w.length > 1 ? w.charCodeAt(0) * 65536 + w.charCodeAt(1) : w.length === 1 ? w.charCodeAt(0) : 0);

const WORDS_OF = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*\*?|_s\b|_|#/gu;

function elementsOf(alternative: string): Element[] {
  return (alternative.toLowerCase().replace(/’/g, "'").match(WORDS_OF) ?? []).map((w): Element => {
    if (w === '_') return { kind: 'any' };
    if (w === '_s') return { kind: 'plural' };
    if (w === '#') return { kind: 'number' };
    if (w.endsWith('*')) return { kind: 'stem', text: w.slice(0, -1) };
    return { kind: 'word', text: w };
  });
}

/** Every sequence of elements a phrase stands for, its groups and optional parts expanded. */
export function expandPhrase(phrase: string): Element[][] {
  let sequences: Element[][] = [[]];
  for (const raw of phrase.trim().match(/\([^)]*\)\??|\S+/g) ?? []) {
    const optional = raw.length > 1 && raw.endsWith('?');
    const body = optional ? raw.slice(0, -1) : raw;
    const group = /^\((.*)\)$/.exec(body);
    const choices = (group ? group[1]!.split('|') : [body]).map(elementsOf).filter((c) => c.length > 0);
    if (optional) choices.push([]);
    sequences = sequences.flatMap((seq) => choices.map((c) => [...seq, ...c]));
  }
  return sequences.filter((s) => s.length > 0);
}

function isNumber(word: string): boolean {
  const c = word.charCodeAt(0);
  return c >= 48 && c <= 57;
}

/** Whether only spaces, hyphens, slashes or dots stand between two words of the answer. */
function joinable(text: string, from: number, to: number): boolean {
  if (to <= from) return false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    // space, tab, LF, CR, '-', '/', '.', no-break space
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13 && c !== 45 && c !== 47 && c !== 46 && c !== 160) return false;
  }
  return true;
}

/** Whether a word can start a phrase at the root: an exact word, a number or a stem. */
function startsHere(root: TrieNode, t: Token): boolean {
  return root.words.has(t.norm) || (!!root.number && isNumber(t.norm)) || (root.stems.size > 0 && root.stems.has(t.head));
}

export interface Span {
  start: number;
  end: number;
}

export class PhraseIndex {
  private readonly root = newNode();
  private lists = 0;

  /** Adds a list of phrases; returns its id. */
  add(phrases: readonly string[]): number {
    const id = this.lists++;
    for (const phrase of phrases) for (const seq of expandPhrase(phrase)) this.insert(seq, id);
    return id;
  }

  get size(): number {
    return this.lists;
  }

  private insert(seq: Element[], id: number): void {
    let at = this.root;
    seq.forEach((el, i) => {
      const last = i === seq.length - 1;
      if (el.kind === 'any') at = at.any ??= newNode();
      else if (el.kind === 'plural') at = at.plural ??= newNode();
      else if (el.kind === 'number') at = at.number ??= newNode();
      else if (el.kind === 'stem') {
        const key = headKey(el.text);
        if (el.text.length < STEM_KEY) at.shortStems = true;
        const bucket = at.stems.get(key) ?? [];
        if (!at.stems.has(key)) at.stems.set(key, bucket);
        let found = bucket.find(([stem]) => stem === el.text);
        if (!found) bucket.push((found = [el.text, newNode()]));
        at = found[1];
      } else {
        const next = at.words.get(el.text) ?? newNode();
        const forms = last && /\p{L}$/u.test(el.text) ? [el.text, `${el.text}s`, `${el.text}es`, `${el.text}'s`] : [el.text];
        for (const f of forms) if (!at.words.has(f)) at.words.set(f, next);
        at = next;
      }
    });
    if (!at.ends.includes(id)) at.ends.push(id);
  }

  /**
   * For each list, its matches in the text: at each word the longest phrase that starts
   * there, then on from its end, as a regular expression of the alternatives would find.
   */
  find(text: string, tokens: readonly Token[]): Span[][] {
    const out: Span[][] = Array.from({ length: this.lists }, () => []);
    const resume = new Int32Array(this.lists); // the token each list may match from again
    const best = new Int32Array(this.lists).fill(-1);
    const touched: number[] = [];
    const walk = (at: TrieNode, i: number, k: number): void => {
      if (k > i) {
        for (const id of at.ends) {
          if (best[id]! < 0) touched.push(id);
          if (k > best[id]!) best[id] = k;
        }
      }
      if (k >= tokens.length) return;
      const word = tokens[k]!.norm;
      const exact = at.words.get(word);
      const num = at.number && isNumber(word) ? at.number : undefined;
      const stems = at.stems.size ? at.stems.get(tokens[k]!.head) : undefined;
      const short = at.shortStems ? at.stems.get(word.charCodeAt(0)) : undefined;
      const plural = at.plural && isPlural(word) ? at.plural : undefined;
      if (!exact && !num && !at.any && !plural && !stems && !short) return;
      if (k > i && !joinable(text, tokens[k - 1]!.end, tokens[k]!.start)) return;
      if (exact) walk(exact, i, k + 1);
      if (num) walk(num, i, k + 1);
      if (stems) for (const [stem, next] of stems) if (word.startsWith(stem)) walk(next, i, k + 1);
      if (short && short !== stems) for (const [stem, next] of short) if (word.startsWith(stem)) walk(next, i, k + 1);
      if (at.any) walk(at.any, i, k + 1);
      if (plural) walk(plural, i, k + 1);
    };
    const root = this.root;
    // With no phrase that starts with any word, most words start no phrase: tell so without walking.
    const quick = !root.any && !root.plural && !root.shortStems;
    for (let i = 0; i < tokens.length; i++) {
      if (quick && !startsHere(root, tokens[i]!)) continue;
      walk(root, i, i);
      for (const id of touched) {
        if (i >= resume[id]!) {
          const end = best[id]!;
          out[id]!.push({ start: tokens[i]!.start, end: tokens[end - 1]!.end });
          resume[id] = end;
        }
        best[id] = -1;
      }
      touched.length = 0;
    }
    return out;
  }
}
