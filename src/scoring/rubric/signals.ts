// Evaluates a rubric's signals on an analysed answer: which are present, and the quotes that show it.
import type { ResolvedRubric } from '../../scenario/rubric.js';
import type { Span } from './guards.js';
import { distinctCount, findMentions, isRejectedMention, newMentionCache, type CompiledMatcher, type Mention } from './matcher.js';
import type { Matches } from '../../text/phrase-matcher.js';
import type { CueMatches } from '../model/features.js';
import { rubricPhrases } from './compiled.js';
import type { Analysis } from '../../text/text.js';
import type { Evidence } from '../types.js';

// What a score shows, not what it gives, so these stay here rather than in policy.json.
/** At most this many quotes back one signal; more says nothing new. */
const QUOTES_PER_SIGNAL = 3;
/** A quote is cut to about this many characters either side of what earned it. */
const QUOTE_REACH = 110;

/** Why a phrase that was found did not count for a signal. */
export type Rejection = 'negated' | 'affirmed' | 'list' | 'not-opening' | 'too-far' | 'too-few';

export interface RejectedMention {
  signal: string;
  sentence: number;
  turn: number;
  start: number;
  end: number;
  why: Rejection;
}

export interface SignalResult {
  present: boolean;
  /** The sentences where it counted; worked out only when asked for. */
  sentences(): number[];
  /** The quotes that show it; made only when asked for, as most signals' quotes are never shown. */
  evidence(): Evidence[];
}

// Shared by every signal that is absent, or that has no quotes (length), so none of them makes its own.
const NO_EVIDENCE = (): Evidence[] => [];
const NO_SENTENCES = (): number[] => [];
/** What every signal with no mention in an answer is. */
const ABSENT: SignalResult = Object.freeze({ present: false, sentences: NO_SENTENCES, evidence: NO_EVIDENCE });

export interface Context {
  analysis: Analysis;
  blanked: readonly Span[];
  /** Whether fragments count: only when most of the answer is sentences. */
  fragmentsCount: boolean;
  /** What the rubric's lists hold in each turn (rubric/compiled.ts `findIn`). */
  found: readonly Matches[];
  /** Where the reasoning cue lists were found, for built-in lexicons. */
  cues: CueMatches;
  /** When given, every mention that did not count is added here with the reason (for `--explain`). */
  rejected?: RejectedMention[];
  /** When given, only these signals are worked out. */
  only?: ReadonlySet<string>;
  /** When given, only the mentions it accepts count, and only those are near anything. */
  within?: (m: Mention) => boolean;
}

/** The quote around a mention: its sentence, cut short when long, never reaching into blanked text. */
export function quoteFor(ctx: Context, m: { sentence: number; start: number; end: number }, signal: string): Evidence {
  const s = ctx.analysis.sentences[m.sentence]!;
  const text = ctx.analysis.turns[s.turn]!;
  let start = Math.max(s.start, m.start - QUOTE_REACH);
  let end = Math.min(s.end, m.end + QUOTE_REACH);
  for (const b of ctx.blanked) {
    if (b.turn !== s.turn) continue;
    if (b.end <= m.start && b.end > start) start = b.end;
    if (b.start >= m.end && b.start < end) end = b.start;
  }
  if (start > s.start) start = text.slice(start, m.start).search(/\s/) >= 0 ? start + text.slice(start, m.start).search(/\s/) + 1 : start;
  if (end < s.end) {
    const cut = text.slice(m.end, end).lastIndexOf(' ');
    if (cut >= 0) end = m.end + cut;
  }
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  // Cut where words of the sentence are left out on that side (not only its full stop or a space).
  const before = WORDS.test(text.slice(s.start, start));
  const after = WORDS.test(text.slice(end, s.end));
  const cut = before && after ? 'both' : before ? 'start' : after ? 'end' : undefined;
  return { signal, turn: s.turn, start, end, quote: text.slice(start, end), match: text.slice(m.start, m.end), ...(cut ? { cut } : {}) };
}

const WORDS = /[\p{L}\p{N}]/u;

export function evaluateSignals(rubric: ResolvedRubric, ctx: Context): Map<string, SignalResult> {
  const { analysis } = ctx;
  const { signals } = rubricPhrases(rubric);
  const cache = newMentionCache();
  // Signals that look for the same phrases share a matcher key: their mentions, and the sentences
  // a `near` matcher was found in, are worked out once per answer.
  const memo = new Map<string, Mention[]>();
  const nearMemo = new Map<string, Set<number>>();
  const mentionsOf = (m: CompiledMatcher) => {
    let found = memo.get(m.key);
    if (!found) {
      found = findMentions(m, analysis, ctx.found, ctx.cues);
      memo.set(m.key, found);
    }
    return found;
  };
  const results = new Map<string, SignalResult>();
  for (const sig of signals) {
    if (ctx.only && !ctx.only.has(sig.id)) continue;
    const { def } = sig;
    // A length signal reads no phrases: it is present or not, with nothing to quote.
    if (def.words) {
      const present =
        (def.words.over !== undefined && analysis.words > def.words.over) ||
        (def.words.under !== undefined && analysis.words < def.words.under);
      results.set(sig.id, { present, sentences: NO_SENTENCES, evidence: NO_EVIDENCE });
      continue;
    }
    const all = mentionsOf(sig.matcher!);
    // Most signals find nothing in an answer: they share one result, and no closures are made for them.
    if (!all.length) {
      results.set(sig.id, ABSENT);
      continue;
    }
    const reject = (m: Mention, why: Rejection) => {
      ctx.rejected?.push({ signal: sig.id, sentence: m.sentence, turn: m.turn, start: m.start, end: m.end, why });
      return false;
    };
    const { within } = ctx;
    let mentions = all.filter((m) => {
      if (within && !within(m)) return false;
      if (def.polarity !== 'any' && isRejectedMention(analysis, m, cache) !== (def.polarity === 'rejected')) {
        return reject(m, def.polarity === 'rejected' ? 'affirmed' : 'negated');
      }
      if (!ctx.fragmentsCount && !analysis.sentences[m.sentence]!.prose) return reject(m, 'list');
      if (def.opening && !(m.sentence === 0 && analysis.sentences[0]!.turn === 0)) return reject(m, 'not-opening');
      return true;
    });
    // With no mention left there is nothing to keep near anything: the near matcher is not read.
    if (sig.near && mentions.length) {
      const { window } = sig.near;
      let nearSentences = nearMemo.get(sig.near.matcher.key);
      if (!nearSentences) {
        nearSentences = new Set(mentionsOf(sig.near.matcher).flatMap((n) => (within && !within(n) ? [] : [n.sentence])));
        nearMemo.set(sig.near.matcher.key, nearSentences);
      }
      mentions = mentions.filter((m) => {
        for (let i = m.sentence - window; i <= m.sentence + window; i++) if (nearSentences.has(i)) return true;
        return reject(m, 'too-far');
      });
    }
    const present = mentions.length > 0 && (def.distinct <= 1 || distinctCount(analysis, mentions) >= def.distinct);
    if (!present && mentions.length && ctx.rejected) for (const m of mentions) reject(m, 'too-few');
    let quotes: Evidence[] | undefined;
    const found = mentions;
    const evidence = () => {
      if (!quotes) {
        quotes = [];
        const seen = new Set<number>();
        for (const m of found) {
          if (seen.has(m.sentence)) continue;
          seen.add(m.sentence);
          quotes.push(quoteFor(ctx, m, sig.id));
          if (quotes.length === QUOTES_PER_SIGNAL) break;
        }
      }
      return quotes;
    };
    results.set(sig.id, {
      present,
      sentences: present ? () => [...new Set(found.map((m) => m.sentence))] : NO_SENTENCES,
      evidence: present ? evidence : NO_EVIDENCE,
    });
  }
  return results;
}
