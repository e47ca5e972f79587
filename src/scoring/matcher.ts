// Finds a matcher's phrases in an answer and decides, per mention, whether it is affirmed or rejected.
import type { Matcher } from '../scenario/schema.js';
import { CRITICISM, NEGATORS, NOT_NEGATING, REJECTED_AFTER } from './lexicon.js';
import { clauseAround, nextClause, type Analysis, type Sentence } from './text.js';

export interface Mention {
  sentence: number;
  start: number;
  end: number;
  /** The phrase as written, folded to lower case and single spaces. */
  key: string;
  rejected: boolean;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * One phrase to a regex source: words may be joined by spaces or hyphens, the last word may
 * take a plural, an apostrophe matches either kind, and a trailing `*` matches any word ending.
 * A phrase written between slashes is a regular expression, for shapes rather than words.
 */
export function phraseSource(phrase: string): string {
  if (phrase.length > 2 && phrase.startsWith('/') && phrase.endsWith('/')) return `(?:${phrase.slice(1, -1)})`;
  const parts = phrase.trim().toLowerCase().split(/[\s-]+/);
  return parts
    .map((word, i) => {
      const stem = word.endsWith('*');
      const core = escape(stem ? word.slice(0, -1) : word).replace(/'/g, "['’]");
      if (stem) return `${core}[\\p{L}\\p{N}]*`;
      return i === parts.length - 1 && /\p{L}$/u.test(word) ? `${core}(?:s|es|'s|’s)?` : core;
    })
    .join('[\\s-]+');
}

export function compileMatcher(m: Matcher, lexicons: Record<string, string[]>): RegExp {
  const phrases = [...(m.terms ?? []), ...(m.lexicon ? (lexicons[m.lexicon] ?? []) : [])];
  // Longest first, so "churn rate" wins over "churn".
  const sources = [...new Set(phrases)].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).map(phraseSource);
  if (m.pattern) sources.push(`(?:${m.pattern})`);
  if (sources.length === 0) return /(?!)/gu;
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${sources.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
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

function isRejected(text: string, s: Sentence, start: number, end: number): boolean {
  const [from, to] = clauseAround(text, s, start, end);
  if (isNegated(text, from, start)) return true;
  if (REJECTED_AFTER.test(text.slice(end, Math.min(to + 40, s.end)))) return true;
  if (CRITICISM.test(text.slice(from, to))) return true;
  const next = nextClause(text, s, to);
  return !!next && /^\s*(?:which|that|those|these|they|it|as|since|because)\b/iu.test(text.slice(next[0], next[1])) && CRITICISM.test(text.slice(next[0], next[1]));
}

/** Every mention of the regex in the answer; one pass over each part, so long answers stay linear. */
export function findMentions(re: RegExp, a: Analysis): Mention[] {
  const out: Mention[] = [];
  let index = 0;
  a.scan.forEach((text, turn) => {
    while (index < a.sentences.length && a.sentences[index]!.turn < turn) index++;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      while (index < a.sentences.length && a.sentences[index]!.turn === turn && a.sentences[index]!.end <= m.index) index++;
      const s = a.sentences[index];
      if (!s || s.turn !== turn) break;
      const end = m.index + m[0].length;
      if (m.index < s.start || end > s.end) continue;
      out.push({
        sentence: index,
        start: m.index,
        end,
        key: m[0].toLowerCase().replace(/[\s-]+/g, ' ').replace(/['’]s$|(?<=[^s])s$/u, ''),
        rejected: isRejected(text, s, m.index, end),
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
