// Finds a matcher's phrases in an answer and decides, per mention, whether it is affirmed or rejected.
import type { Matcher } from '../scenario/schema.js';
import { CRITICISM, NEGATORS, NOT_NEGATING, REJECTED_AFTER } from './lexicon.js';
import { clauseAround, nextClause, type Analysis, type Sentence, type Token } from './text.js';

export interface Mention {
  sentence: number;
  start: number;
  end: number;
  /** The phrase as written, folded to lower case and single spaces, without a plural ending. */
  key: string;
  rejected: boolean;
}

/**
 * Phrases are matched word by word against the answer's tokens through a trie, so the cost
 * grows with the answer, not with the number of phrases. In a phrase, words may be joined in
 * the answer by spaces, hyphens or slashes; the last word may take a plural; `word*` matches
 * any ending; `_` matches any one word. A phrase between slashes is a regular expression.
 */
interface TrieNode {
  words: Map<string, TrieNode>;
  stems: [string, TrieNode][];
  any?: TrieNode;
  end: boolean;
}

const node = (): TrieNode => ({ words: new Map(), stems: [], end: false });

export interface CompiledMatcher {
  /** Equal keys find equal mentions, so signals that share a lexicon share the work. */
  key: string;
  trie: TrieNode;
  regex?: RegExp;
}

const PHRASE_TOKEN = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*\*?|_/gu;

function addPhrase(root: TrieNode, phrase: string): void {
  const parts = phrase.toLowerCase().replace(/’/g, "'").match(PHRASE_TOKEN) ?? [];
  if (parts.length === 0) return;
  let at = root;
  parts.forEach((part, i) => {
    const last = i === parts.length - 1;
    if (part === '_') {
      at.any ??= node();
      at = at.any;
    } else if (part.endsWith('*')) {
      const stem = part.slice(0, -1);
      let found = at.stems.find(([s]) => s === stem);
      if (!found) at.stems.push((found = [stem, node()]));
      at = found[1];
    } else {
      const forms = last && /\p{L}$/u.test(part) ? [part, `${part}s`, `${part}es`, `${part}'s`] : [part];
      const next = at.words.get(part) ?? node();
      for (const f of forms) if (!at.words.has(f)) at.words.set(f, next);
      at = next;
    }
    if (last) at.end = true;
  });
}

export function compileMatcher(m: Matcher, lexicons: Record<string, string[]>): CompiledMatcher {
  const phrases = [...new Set([...(m.terms ?? []), ...(m.lexicon ? (lexicons[m.lexicon] ?? []) : [])])].sort();
  const trie = node();
  const regexes: string[] = [];
  for (const p of phrases) {
    if (p.length > 2 && p.startsWith('/') && p.endsWith('/')) regexes.push(`(?:${p.slice(1, -1)})`);
    else addPhrase(trie, p);
  }
  if (m.pattern) regexes.push(`(?:${m.pattern})`);
  const source = regexes.join('|');
  return {
    key: JSON.stringify([phrases, m.pattern ?? '']),
    trie,
    ...(source ? { regex: new RegExp(`(?:${source})(?![\\p{L}\\p{N}])`, 'giu') } : {}),
  };
}

/** Whether only spaces, hyphens, slashes or dots stand between two words: they may join a phrase. */
function joinable(text: string, from: number, to: number): boolean {
  if (to <= from) return false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    // space, tab, newline, CR, '-', '/', '.', no-break space
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13 && c !== 45 && c !== 47 && c !== 46 && c !== 160) return false;
  }
  return true;
}

/** The end token (exclusive) of the longest phrase starting at token i, or -1. */
function longestAt(root: TrieNode, text: string, tokens: readonly Token[], i: number): number {
  return walk(root, text, tokens, i, i, -1);
}

function walk(at: TrieNode, text: string, tokens: readonly Token[], i: number, k: number, best: number): number {
  if (at.end && k > i && k > best) best = k;
  if (k >= tokens.length) return best;
  if (k > i && !joinable(text, tokens[k - 1]!.end, tokens[k]!.start)) return best;
  const word = tokens[k]!.norm;
  const exact = at.words.get(word);
  if (exact) best = walk(exact, text, tokens, i, k + 1, best);
  for (let j = 0; j < at.stems.length; j++) {
    const [stem, next] = at.stems[j]!;
    if (word.startsWith(stem)) best = walk(next, text, tokens, i, k + 1, best);
  }
  if (at.any) best = walk(at.any, text, tokens, i, k + 1, best);
  return best;
}

interface Span {
  start: number;
  end: number;
}

function spansIn(m: CompiledMatcher, text: string, tokens: readonly Token[]): Span[] {
  const found: Span[] = [];
  for (let i = 0; i < tokens.length; ) {
    const end = longestAt(m.trie, text, tokens, i);
    if (end > i) {
      found.push({ start: tokens[i]!.start, end: tokens[end - 1]!.end });
      i = end;
    } else i++;
  }
  if (m.regex) {
    const re = m.regex;
    re.lastIndex = 0;
    for (let r = re.exec(text); r; r = re.exec(text)) {
      if (r[0].length === 0 || (r.index > 0 && /[\p{L}\p{N}]/u.test(text[r.index - 1]!))) {
        re.lastIndex = r.index + 1;
        continue;
      }
      found.push({ start: r.index, end: r.index + r[0].length });
    }
    // Longest first where matches overlap, as a single alternation would choose.
    found.sort((a, b) => a.start - b.start || b.end - a.end);
    const kept: Span[] = [];
    for (const s of found) if (!kept.length || s.start >= kept[kept.length - 1]!.end) kept.push(s);
    return kept;
  }
  return found;
}

/** How many words a negator reaches forward: "not QR codes issued or app downloads". */
const NEGATION_REACH = 6;

function isNegated(text: string, clauseStart: number, start: number): boolean {
  const prefix = text.slice(Math.max(clauseStart, start - 60), start);
  let last: RegExpExecArray | undefined;
  NEGATORS.lastIndex = 0;
  for (let m = NEGATORS.exec(prefix); m; m = NEGATORS.exec(prefix)) last = m;
  if (!last) return false;
  if (NOT_NEGATING.test(prefix.slice(last.index, last.index + 24))) return false;
  const between = prefix.slice(last.index + last[0].length).match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
  return between <= NEGATION_REACH;
}

function isRejected(a: Analysis, text: string, s: Sentence, start: number, end: number): boolean {
  const [from, to] = clauseAround(a, text, s, start, end);
  if (isNegated(text, from, start)) return true;
  if (REJECTED_AFTER.test(text.slice(end, Math.min(to + 40, s.end)))) return true;
  if (CRITICISM.test(text.slice(from, to))) return true;
  const next = nextClause(a, text, s, to);
  if (!next) return false;
  const following = text.slice(next[0], next[1]);
  return /^\s*(?:which|that|those|these|they|it|as|since|because)\b/iu.test(following) && CRITICISM.test(following);
}

/** Every mention in the answer, with the sentence it stands in and whether it is rejected. */
export function findMentions(m: CompiledMatcher, a: Analysis): Mention[] {
  const out: Mention[] = [];
  let index = 0;
  a.scan.forEach((text, turn) => {
    while (index < a.sentences.length && a.sentences[index]!.turn < turn) index++;
    for (const span of spansIn(m, text, a.tokens[turn]!)) {
      while (index < a.sentences.length && a.sentences[index]!.turn === turn && a.sentences[index]!.end <= span.start) index++;
      const s = a.sentences[index];
      if (!s || s.turn !== turn) break;
      if (span.start < s.start || span.end > s.end) continue;
      out.push({
        sentence: index,
        start: span.start,
        end: span.end,
        key: text
          .slice(span.start, span.end)
          .toLowerCase()
          .replace(/[\s\-/.]+/g, ' ')
          .replace(/['’]s$|(?<=[^s])s$/u, ''),
        rejected: isRejected(a, text, s, span.start, span.end),
      });
    }
  });
  return out;
}

/** How many different things the mentions name; "churn" inside "churn rate" is the same thing. */
export function distinctCount(mentions: readonly Mention[]): number {
  const keys = [...new Set(mentions.map((m) => m.key))].sort((a, b) => b.length - a.length);
  const kept: string[] = [];
  for (const k of keys) if (!kept.some((longer) => ` ${longer} `.includes(` ${k} `))) kept.push(k);
  return kept.length;
}
