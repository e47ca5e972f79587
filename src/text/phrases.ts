// Phrase lists: their syntax, and the tries they are built into before compiling (phrase-matcher.ts).
import { createHash } from 'node:crypto';
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
 *   (a|b)*   (a*|b*): each alternative's last word as a stem
 */
type Element =
  | { kind: 'word'; text: string; forms: readonly string[] }
  | { kind: 'stem'; text: string }
  | { kind: 'any' }
  | { kind: 'plural' }
  | { kind: 'number' };

interface TrieNode {
  words: Map<string, TrieNode> | undefined;
  /**
   * The plural and possessive forms a phrase's last word also matches, apart from `words`: a form
   * of one phrase's word ("metric" → "metrics") must not lead into another phrase that has that
   * form as its own word, or that phrase would match the singular too.
   */
  forms: Map<string, TrieNode> | undefined;
  /** Stems ("decid*") by their text. */
  stems: Map<string, TrieNode> | undefined;
  any: TrieNode | undefined;
  plural: TrieNode | undefined;
  number: TrieNode | undefined;
  /** The lists (by id) that have a phrase ending here. */
  ends: number[] | undefined;
  /** The node's number once the trie is flattened (nodes that are the same share one); -1 before. */
  id: number;
}

// Maps are made as they are needed: most nodes of a large trie have one kind of edge, or none.
const newNode = (): TrieNode => ({
  words: undefined,
  forms: undefined,
  stems: undefined,
  any: undefined,
  plural: undefined,
  number: undefined,
  ends: undefined,
  id: -1,
});

const NO_ENDS: readonly number[] = [];

/** Sorts the (kind, key, node) triples of `a` from `from` on by key, in place: a node has few edges, the root many. */
function sortByKey(a: number[], from: number): void {
  const count = (a.length - from) / 3;
  if (count < 2) return;
  if (count <= 16) {
    for (let i = from + 3; i < a.length; i += 3) {
      const key = a[i + 1]!;
      const node = a[i + 2]!;
      let j = i - 3;
      for (; j >= from && a[j + 1]! > key; j -= 3) {
        a[j + 4] = a[j + 1]!;
        a[j + 5] = a[j + 2]!;
      }
      a[j + 4] = key;
      a[j + 5] = node;
    }
    return;
  }
  const triples: [number, number][] = [];
  for (let i = from; i < a.length; i += 3) triples.push([a[i + 1]!, a[i + 2]!]);
  triples.sort((x, y) => x[0] - y[0]);
  triples.forEach(([key, node], k) => {
    a[from + 3 * k + 1] = key;
    a[from + 3 * k + 2] = node;
  });
}

const WORDS_OF = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*\*?|_s\b|_|#/gu;

function elementsOf(alternative: string): Element[] {
  return (alternative.toLowerCase().replace(/’/g, "'").match(WORDS_OF) ?? []).map((w): Element => {
    if (w === '_') return { kind: 'any' };
    if (w === '_s') return { kind: 'plural' };
    if (w === '#') return { kind: 'number' };
    if (w.endsWith('*')) return { kind: 'stem', text: w.slice(0, -1) };
    // The plural and possessive forms it also matches as a phrase's last word.
    return { kind: 'word', text: w, forms: /\p{L}$/u.test(w) ? [`${w}s`, `${w}es`, `${w}'s`] : [] };
  });
}

/** A part of a phrase: a group with what follows it (a star, a question mark), or a word. */
const PHRASE_PART = /\([^)]*\)(?:\*\??|\?\*?)?|\S+/g;

/** A part of a phrase as written: its alternatives (one unless it is a group), and whether it may be left out. */
function alternativesOf(raw: string): { alternatives: string[]; optional: boolean } {
  const group = /^\((.*)\)([*?]*)$/.exec(raw);
  const optional = group ? group[2]!.includes('?') : raw.length > 1 && raw.endsWith('?');
  // A star after a group stems each alternative: "(target|goal)*" is "(target*|goal*)".
  const starred = !!group && group[2]!.includes('*');
  const alternatives = group ? group[1]!.split('|').map((a) => (starred ? `${a.trim()}*` : a)) : [optional ? raw.slice(0, -1) : raw];
  return { alternatives, optional };
}

/** A phrase's parts in order, each the element sequences it may be (an optional part may be none). */
function partsOf(phrase: string): Element[][][] {
  return (phrase.trim().match(PHRASE_PART) ?? []).map((raw) => {
    const { alternatives, optional } = alternativesOf(raw);
    const choices = alternatives.map(elementsOf).filter((c) => c.length > 0);
    if (optional) choices.push([]);
    return choices;
  });
}

/**
 * Characters that only mean something in a regular expression: brackets, braces, a backslash, a caret.
 * ("$" and "+" are left alone inside words: "us$" and "C++" are written as people write them.)
 */
const REGEX_MARK = /[[\]{}\\^]/u;

/** Whether an alternative as written holds any element (a word, a stem, a wildcard): what elementsOf would find, without making them. */
const HOLDS_ELEMENT = new RegExp(WORDS_OF.source, 'u');

/** Why a phrase can never match, when it cannot: a part of it that is no word, group or wildcard ("*" alone, "()"). */
export function phraseProblem(phrase: string): string | undefined {
  const parts = phrase.trim().match(PHRASE_PART) ?? [];
  if (!parts.length) return 'an empty phrase matches nothing';
  // Marks of regular expressions would otherwise be dropped as punctuation, and the phrase match other words than meant.
  const odd = REGEX_MARK.exec(phrase);
  if (odd)
    return `"${odd[0]}" is not phrase syntax (words, "(a|b)" groups, "?", "*", "_", "_s", "#"): spell the forms out ("(optimise|optimize) for"), or write a regular expression between slashes`;
  // Checked for every phrase of every file loaded, so read without building the phrase's elements.
  const dead = parts.find((raw) => !alternativesOf(raw).alternatives.some((a) => HOLDS_ELEMENT.test(a)));
  if (dead !== undefined)
    return `"${dead}" is not a word, a group or a wildcard, so the phrase matches nothing${dead.includes('*') ? ' (a star ends a word or a group: "metric*", "(goal|target)*")' : ''}`;
  return undefined;
}

/** A question cue: phrases joined by " + ", each of which must occur; one led by "~" is weak (it counts half). */
export function cueOf(cue: string): { weak: boolean; parts: string[] } {
  const weak = /^~\s*/u.exec(cue);
  return { weak: !!weak, parts: (weak ? cue.slice(weak[0].length) : cue).split(/\s+\+\s+/u) };
}

/** Every sequence of elements a phrase stands for, its groups and optional parts expanded. */
export function expandPhrase(phrase: string): Element[][] {
  let sequences: Element[][] = [[]];
  for (const choices of partsOf(phrase)) sequences = sequences.flatMap((seq) => choices.map((c) => [...seq, ...c]));
  return sequences.filter((s) => s.length > 0);
}

/**
 * Names the phrase syntax and the compiled form: change it whenever this file or phrase-matcher.ts
 * change what phrase lists compile to, so that nothing an older version compiled and kept is used.
 */
export const PHRASE_FORMAT = 'phrases/2';

/**
 * Where compiled phrase lists are kept between runs, by a key that names exactly what was compiled
 * (scenario/compiled-cache.ts keeps them beside the parsed scenario files). Without one, each
 * process compiles its own.
 */
export interface CompiledStore {
  read(key: string): PhraseData | undefined;
  write(key: string, data: PhraseData): void;
}

let store: CompiledStore | undefined;

/**
 * The lists this process compiled or read last, by key, so that lists met again (a rubric that
 * several scenarios use, the same rubric loaded afresh) are not compiled or read again.
 */
const recent = new Map<string, PhraseData>();
const RECENT = 64;

/** Sets where compiled phrase lists are kept, for the rest of the process. */
export function keepCompiledIn(s: CompiledStore | undefined): void {
  store = s;
}

/** Forgets the lists this process holds, so the next ones come from the store or are compiled, as in a new process. */
export function forgetCompiled(): void {
  recent.clear();
}

/**
 * The lists compiled under `key`: as this process last had them, else as kept in the store, else
 * what `compile` makes (then kept). The data is shared, so nothing may change it.
 */
export function keptOr(key: string, compile: () => PhraseData): PhraseData {
  let data = recent.get(key);
  if (data) recent.delete(key);
  else {
    data = store?.read(key);
    if (!data) {
      data = compile();
      store?.write(key, data);
    }
    if (recent.size >= RECENT) recent.delete(recent.keys().next().value!);
  }
  recent.set(key, data);
  return data;
}

/**
 * Phrase lists gathered into tries, to be compiled into one matcher. Each section is a trie of its
 * own: a plural form leads on only within its own trie (see `forms`), so lists that were matched
 * apart keep matching exactly what they did when several sections share one matcher.
 */
export class PhraseSet {
  /**
   * Each section's phrases in the order they first came, with the lists that hold them: a phrase
   * in several lists is inserted once. Inserting it again would change nothing but its ends, as
   * the first insertion already claimed whatever plural forms it could.
   */
  private readonly sections: Map<string, number[]>[] = [];
  private readonly sectionLists: number[] = [];
  private lists = 0;

  /** Starts a new section: the lists added from here on share its trie. */
  section(): this {
    this.sections.push(new Map());
    this.sectionLists.push(this.lists);
    return this;
  }

  /** Adds a list of phrases to the current section; returns its id, counted across all sections. */
  add(phrases: readonly string[]): number {
    if (!this.sections.length) this.section();
    const section = this.sections[this.sections.length - 1]!;
    const id = this.lists++;
    for (const phrase of phrases) {
      const lists = section.get(phrase);
      if (!lists) section.set(phrase, [id]);
      else if (lists[lists.length - 1] !== id) lists.push(id);
    }
    return id;
  }

  /** The tries as flat arrays: what the matcher runs on, and what is kept on disk. */
  compile(): PhraseData {
    const roots = this.sections.map((section) => {
      const root = newNode();
      for (const [phrase, lists] of section) insertPhrase(root, partsOf(phrase), lists);
      return root;
    });
    return flatten(roots, this.sectionLists, this.lists);
  }

  /** A digest of everything the set compiles from: the key it is kept under. */
  digest(): string {
    const hash = createHash('sha256').update(PHRASE_FORMAT);
    this.sections.forEach((section, i) => {
      hash.update(`\0section ${this.sectionLists[i]}`);
      for (const [phrase, lists] of section) hash.update(`\0${phrase}\0${lists.join(',')}`);
    });
    return hash.update(`\0lists ${this.lists}`).digest('hex');
  }
}

/** The node an element leads to from `at`, made if new. */
function stepTo(at: TrieNode, el: Element): TrieNode {
  if (el.kind === 'any') return (at.any ??= newNode());
  if (el.kind === 'plural') return (at.plural ??= newNode());
  if (el.kind === 'number') return (at.number ??= newNode());
  const map = el.kind === 'stem' ? (at.stems ??= new Map()) : (at.words ??= new Map());
  let next = map.get(el.text);
  if (!next) map.set(el.text, (next = newNode()));
  return next;
}

/**
 * Inserts every sequence a phrase stands for, as inserting each of `expandPhrase` in turn would, but
 * walking each shared beginning once: a phrase of a few groups stands for thousands of sequences.
 * A sequence's last word also takes its plural forms, set in the order the sequences come, as the
 * first to claim a form keeps it.
 */
function insertPhrase(root: TrieNode, parts: Element[][][], lists: readonly number[]): void {
  const walk = (p: number, at: TrieNode, lastFrom: TrieNode | undefined, last: Element | undefined): void => {
    if (p === parts.length) {
      if (!last) return;
      if (last.kind === 'word' && last.forms.length) {
        const forms = (lastFrom!.forms ??= new Map());
        for (const f of last.forms) if (!forms.has(f)) forms.set(f, at);
      }
      const ends = (at.ends ??= []);
      for (const id of lists) if (!ends.includes(id)) ends.push(id);
      return;
    }
    for (const choice of parts[p]!) {
      let node = at;
      let from = lastFrom;
      let el = last;
      for (const e of choice) {
        from = node;
        el = e;
        node = stepTo(node, e);
      }
      walk(p + 1, node, from, el);
    }
  };
  walk(0, root, undefined, undefined);
}

/**
 * Writes the tries as runs of integers, each node once however often it recurs: nodes that end the
 * same lists and lead by the same edges to the same nodes are one ("(i|we) (pick|choose)" holds one
 * "pick|choose" below both words). A walk cannot tell them apart, so what it finds is unchanged;
 * the group expansions that make a trie large make its merged form small.
 */
function flatten(roots: readonly TrieNode[], sectionLists: readonly number[], lists: number): PhraseData {
  const words = new Map<string, number>();
  const stems = new Map<string, number>();
  const intern = (m: Map<string, number>, s: string) => {
    let id = m.get(s);
    if (id === undefined) m.set(s, (id = m.size));
    return id;
  };
  const edgeStart = [0];
  const edges: number[] = [];
  const endStart = [0];
  const ends: number[] = [];
  /** Nodes written so far by a hash of what they are, to find one that is the same. */
  const byHash = new Map<number, number[]>();
  const same = (id: number, own: readonly number[], mine: readonly number[]) => {
    if (endStart[id + 1]! - endStart[id]! !== own.length || edgeStart[id + 1]! - edgeStart[id]! !== mine.length / 3) return false;
    for (let j = 0; j < own.length; j++) if (ends[endStart[id]! + j] !== own[j]) return false;
    for (let j = 0; j < mine.length; j++) if (edges[3 * edgeStart[id]! + j] !== mine[j]) return false;
    return true;
  };
  // Children first, so a node is described by its children's merged numbers. A node's edges are
  // (kind, key, node) triples in one flat array, sorted by kind then key; the kinds come in order.
  const numberOf = (n: TrieNode): number => {
    if (n.id >= 0) return n.id;
    const mine: number[] = [];
    const edgesOf = (kind: number, map: Map<string, TrieNode> | undefined, ids: Map<string, number>) => {
      if (!map) return;
      const from = mine.length;
      for (const [w, to] of map) mine.push(kind, intern(ids, w), numberOf(to));
      sortByKey(mine, from);
    };
    edgesOf(WORD, n.words, words);
    edgesOf(FORM, n.forms, words);
    edgesOf(STEM, n.stems, stems);
    if (n.any) mine.push(ANY, 0, numberOf(n.any));
    if (n.plural) mine.push(PLURAL, 0, numberOf(n.plural));
    if (n.number) mine.push(NUMBER, 0, numberOf(n.number));
    const own = !n.ends ? NO_ENDS : n.ends.length === 1 ? n.ends : [...n.ends].sort((a, b) => a - b);
    let hash = own.length;
    for (const e of own) hash = (Math.imul(hash, 31) + e) | 0;
    for (let j = 0; j < mine.length; j += 3)
      hash = (Math.imul(hash, 31) + ((mine[j]! * 7919) ^ Math.imul(mine[j + 1]!, 104729) ^ mine[j + 2]!)) | 0;
    const bucket = byHash.get(hash);
    let id = bucket?.find((b) => same(b, own, mine));
    if (id === undefined) {
      id = endStart.length - 1;
      for (const x of mine) edges.push(x);
      edgeStart.push(edges.length / 3);
      for (const e of own) ends.push(e);
      endStart.push(ends.length);
      if (bucket) bucket.push(id);
      else byHash.set(hash, [id]);
    }
    n.id = id;
    return id;
  };
  const rootIds = roots.map(numberOf);
  return {
    words: [...words.keys()],
    stems: [...stems.keys()],
    sections: roots.map((_, i) => ({
      root: rootIds[i]!,
      firstList: sectionLists[i]!,
      lists: (sectionLists[i + 1] ?? lists) - sectionLists[i]!,
    })),
    lists,
    edgeStart: Int32Array.from(edgeStart),
    edges: Int32Array.from(edges),
    endStart: Int32Array.from(endStart),
    ends: Int32Array.from(ends),
  };
}

/**
 * Phrase lists in one trie, compiled on first use (or read from where compiled lists are kept): for
 * callers that build their lists where they use them.
 */
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
    const matcher = (this.matcher ??= new PhraseMatcher(keptOr(this.set.digest(), () => this.set.compile())));
    const found = matcher.find(text, tokens, matcher.wordsOf(tokens));
    return Array.from({ length: matcher.lists }, (_, list) => spansOf(found, list));
  }
}
