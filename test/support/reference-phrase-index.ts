// The phrase index as it was before the compiled matcher: a trie of Maps walked word by word from every
// word of the answer. Kept as the reference the compiled matcher must agree with, unchanged but for its imports
// and the key of a word's first two letters, which tokens no longer carry (it is worked out here), and
// the star after a group the phrase syntax gained since ("(target|goal)*" stems each alternative).
import {
  CARRIAGE_RETURN,
  FULL_STOP,
  HYPHEN,
  LINE_FEED,
  NO_BREAK_SPACE,
  PERCENT_SIGN,
  SLASH,
  SPACE,
  TAB,
  isDigit,
} from '../../src/text/chars.js';
import { type Token } from '../../src/text/text.js';

/** The first two characters of a word (16 bits each) as one number: a map key that costs no new string. */
const headKey = (w: string) => (w.length > 1 ? w.charCodeAt(0) * 0x10000 + w.charCodeAt(1) : w.length === 1 ? w.charCodeAt(0) : 0);

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
  /**
   * The plural and possessive forms a phrase's last word also matches, apart from `words`: a form
   * of one phrase's word ("metric" → "metrics") must not lead into another phrase that has that
   * form as its own word, or that phrase would match the singular too.
   */
  forms: Map<string, TrieNode>;
  /** Stems by their first two letters as a number (headKey), then stem → node; a one-letter stem by its letter. */
  stems: Map<number, [string, TrieNode][]>;
  any: TrieNode | undefined;
  plural: TrieNode | undefined;
  number: TrieNode | undefined;
  /**
   * Whether a one-letter stem is among the stems. A word is looked up by its first two letters,
   * a key no one letter has, so such a stem needs a second lookup, made only where one exists.
   */
  shortStems: boolean;
  /** The lists (by id) that have a phrase ending here. */
  ends: number[];
}

// Every node is made with every field, so all share one shape and lookups on them stay fast.
const newNode = (): TrieNode => ({
  words: new Map(),
  forms: new Map(),
  stems: new Map(),
  any: undefined,
  plural: undefined,
  number: undefined,
  shortStems: false,
  ends: [],
});

/** How many letters of a stem key it in the trie: as many as headKey reads. */
const HEAD_LENGTH = 2;

/** A plural noun, for `_s` and the "X per Y" shape: "visits", "patients"; not "this", "business", "shop's". */
export function isPlural(w: string): boolean {
  return w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith("'s");
}

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
  for (const raw of phrase.trim().match(/\([^)]*\)(?:\*\??|\?\*?)?|\S+/g) ?? []) {
    // A group may be followed by a star (each alternative a stem) and a question mark (optional), in either order.
    const group = /^\((.*)\)([*?]*)$/.exec(raw);
    const optional = group ? group[2]!.includes('?') : raw.length > 1 && raw.endsWith('?');
    const body = group ? group[1]! : optional ? raw.slice(0, -1) : raw;
    const alternatives = group ? body.split('|').map((a) => (group[2]!.includes('*') ? `${a.trim()}*` : a)) : [body];
    const choices = alternatives.map(elementsOf).filter((c) => c.length > 0);
    if (optional) choices.push([]);
    sequences = sequences.flatMap((seq) => choices.map((c) => [...seq, ...c]));
  }
  return sequences.filter((s) => s.length > 0);
}

/** A word that is a figure, for `#`: one that starts with a digit. */
const isNumber = (word: string) => isDigit(word.charCodeAt(0));

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

/** Whether a word can start a phrase at the root: an exact word, a number or a stem. */
function startsHere(root: TrieNode, t: Token): boolean {
  return (
    root.words.has(t.norm) ||
    root.forms.has(t.norm) ||
    (!!root.number && isNumber(t.norm)) ||
    (root.stems.size > 0 && root.stems.has(headKey(t.norm)))
  );
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

  private insert(seq: Element[], id: number): void {
    let at = this.root;
    seq.forEach((el, i) => {
      const last = i === seq.length - 1;
      if (el.kind === 'any') at = at.any ??= newNode();
      else if (el.kind === 'plural') at = at.plural ??= newNode();
      else if (el.kind === 'number') at = at.number ??= newNode();
      else if (el.kind === 'stem') {
        const key = headKey(el.text);
        if (el.text.length < HEAD_LENGTH) at.shortStems = true;
        const bucket = at.stems.get(key) ?? [];
        if (!at.stems.has(key)) at.stems.set(key, bucket);
        let found = bucket.find(([stem]) => stem === el.text);
        if (!found) bucket.push((found = [el.text, newNode()]));
        at = found[1];
      } else {
        const next = at.words.get(el.text) ?? newNode();
        const forms = last && /\p{L}$/u.test(el.text) ? [el.text, `${el.text}s`, `${el.text}es`, `${el.text}'s`] : [el.text];
        if (!at.words.has(el.text)) at.words.set(el.text, next);
        for (const f of forms) if (f !== el.text && !at.forms.has(f)) at.forms.set(f, next);
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
      const form = at.forms.size ? at.forms.get(word) : undefined;
      const num = at.number && isNumber(word) ? at.number : undefined;
      const stems = at.stems.size ? at.stems.get(headKey(tokens[k]!.norm)) : undefined;
      const short = at.shortStems ? at.stems.get(word.charCodeAt(0)) : undefined;
      const plural = at.plural && isPlural(word) ? at.plural : undefined;
      if (!exact && !form && !num && !at.any && !plural && !stems && !short) return;
      if (k > i && !joinable(text, tokens[k - 1]!.end, tokens[k]!.start)) return;
      if (exact) walk(exact, i, k + 1);
      if (form && form !== exact) walk(form, i, k + 1);
      if (num) walk(num, i, k + 1);
      if (stems) for (const [stem, next] of stems) if (word.startsWith(stem)) walk(next, i, k + 1);
      // A one-letter word is keyed by its letter alone, so both lookups found the same stems: walk them once.
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
