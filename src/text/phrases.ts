// Phrase lists: their syntax, and the tries they are built into before compiling (phrase-matcher.ts).
import { type Token } from './text.js';
import { ANY, FORM, NUMBER, PLURAL, PhraseMatcher, STEM, WORD, spansOf, type PhraseData, type Span } from './phrase-matcher.js';

export { isPlural, type Span } from './phrase-matcher.js';

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
  /** Stems ("decid*") by their text. */
  stems: Map<string, TrieNode>;
  any: TrieNode | undefined;
  plural: TrieNode | undefined;
  number: TrieNode | undefined;
  /** The lists (by id) that have a phrase ending here. */
  ends: number[];
}

const newNode = (): TrieNode => ({
  words: new Map(),
  forms: new Map(),
  stems: new Map(),
  any: undefined,
  plural: undefined,
  number: undefined,
  ends: [],
});

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

/**
 * Phrase lists gathered into tries, to be compiled into one matcher. Each section is a trie of its
 * own: a plural form leads on only within its own trie (see `forms`), so lists that were matched
 * apart keep matching exactly what they did when several sections share one matcher.
 */
export class PhraseSet {
  private readonly roots: TrieNode[] = [];
  private readonly sectionLists: number[] = [];
  private lists = 0;

  /** Starts a new section: the lists added from here on share its trie. */
  section(): this {
    this.roots.push(newNode());
    this.sectionLists.push(this.lists);
    return this;
  }

  /** Adds a list of phrases to the current section; returns its id, counted across all sections. */
  add(phrases: readonly string[]): number {
    if (!this.roots.length) this.section();
    const root = this.roots[this.roots.length - 1]!;
    const id = this.lists++;
    for (const phrase of phrases) for (const seq of expandPhrase(phrase)) insert(root, seq, id);
    return id;
  }

  /** The tries as flat arrays: what the matcher runs on, and what is kept on disk. */
  compile(): PhraseData {
    return flatten(this.roots, this.sectionLists, this.lists);
  }
}

function insert(root: TrieNode, seq: Element[], id: number): void {
  let at = root;
  seq.forEach((el, i) => {
    const last = i === seq.length - 1;
    if (el.kind === 'any') at = at.any ??= newNode();
    else if (el.kind === 'plural') at = at.plural ??= newNode();
    else if (el.kind === 'number') at = at.number ??= newNode();
    else if (el.kind === 'stem') {
      let next = at.stems.get(el.text);
      if (!next) at.stems.set(el.text, (next = newNode()));
      at = next;
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

/** Numbers the tries' nodes breadth first and writes their edges and ends as runs of integers. */
function flatten(roots: readonly TrieNode[], sectionLists: readonly number[], lists: number): PhraseData {
  const words = new Map<string, number>();
  const stems = new Map<string, number>();
  const intern = (m: Map<string, number>, s: string) => {
    let id = m.get(s);
    if (id === undefined) m.set(s, (id = m.size));
    return id;
  };
  const ids = new Map<TrieNode, number>();
  const order: TrieNode[] = [];
  const visit = (n: TrieNode) => {
    if (!ids.has(n)) {
      ids.set(n, order.length);
      order.push(n);
    }
    return ids.get(n)!;
  };
  for (const r of roots) visit(r);
  const edgeStart = [0];
  const edges: number[] = [];
  const endStart = [0];
  const ends: number[] = [];
  for (let i = 0; i < order.length; i++) {
    const n = order[i]!;
    const out: [number, number, TrieNode][] = [];
    for (const [w, to] of n.words) out.push([WORD, intern(words, w), to]);
    for (const [w, to] of n.forms) out.push([FORM, intern(words, w), to]);
    for (const [s, to] of n.stems) out.push([STEM, intern(stems, s), to]);
    if (n.any) out.push([ANY, 0, n.any]);
    if (n.plural) out.push([PLURAL, 0, n.plural]);
    if (n.number) out.push([NUMBER, 0, n.number]);
    out.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    for (const [kind, key, to] of out) edges.push(kind, key, visit(to));
    edgeStart.push(edges.length / 3);
    ends.push(...[...n.ends].sort((a, b) => a - b));
    endStart.push(ends.length);
  }
  return {
    words: [...words.keys()],
    stems: [...stems.keys()],
    sections: roots.map((_, i) => ({ root: i, firstList: sectionLists[i]!, lists: (sectionLists[i + 1] ?? lists) - sectionLists[i]! })),
    lists,
    edgeStart: Int32Array.from(edgeStart),
    edges: Int32Array.from(edges),
    endStart: Int32Array.from(endStart),
    ends: Int32Array.from(ends),
  };
}

/** Phrase lists in one trie, compiled on first use: for callers that build their lists where they use them. */
export class PhraseIndex {
  private readonly set = new PhraseSet();
  private matcher: PhraseMatcher | undefined;

  /** Adds a list of phrases; returns its id. */
  add(phrases: readonly string[]): number {
    this.matcher = undefined;
    return this.set.add(phrases);
  }

  /**
   * For each list, its matches in the text: at each word the longest phrase that starts
   * there, then on from its end, as a regular expression of the alternatives would find.
   */
  find(text: string, tokens: readonly Token[]): Span[][] {
    const matcher = (this.matcher ??= new PhraseMatcher(this.set.compile()));
    const found = matcher.find(text, tokens, matcher.wordsOf(tokens));
    return Array.from({ length: matcher.lists }, (_, list) => spansOf(found, list));
  }
}
