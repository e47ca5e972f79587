// The text toolkits `npm run bench:nlp` compares, each behind the same small interface: rehearse's own
// rules (src/scoring), compromise, wink-nlp with its English lite model, and natural.
import nlp from 'compromise';
import winkNLP, { type ItemEntity, type ItemToken } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { SentenceTokenizer } from 'natural/lib/natural/tokenizers/index.js';
import { BrillPOSTagger, Lexicon, RuleSet } from 'natural/lib/natural/brill_pos_tagger/index.js';
import { analyse, segment } from '../src/text/text.js';
import { extractFeatures, findCues } from '../src/scoring/model/features.js';
import { isRejectedMention, newMentionCache } from '../src/scoring/rubric/matcher.js';

export interface Span {
  start: number;
  end: number;
}

/** Coarse parts of speech, the distinctions the scorer would use: what is named, what is done, what qualifies. */
export type Tag = 'noun' | 'verb' | 'adj' | 'adv' | 'num' | 'other';

export type Task = 'written' | 'spoken' | 'figures' | 'negation' | 'nounPhrases' | 'partsOfSpeech';

/** One toolkit. A task it has no function for is left out, with the reason in `lacks`. */
export interface Tool {
  name: string;
  /** Where each sentence starts, as offsets into the text. */
  sentences?: (text: string) => number[];
  /** The figures (numbers, amounts, shares, durations) found. */
  figures?: (text: string) => Span[];
  /** Whether the phrase at `span` is negated: said not to be the thing, not wanted, set aside. */
  negated?: (text: string, span: Span) => boolean;
  /** The noun phrase holding the word at `span`. */
  nounPhrase?: (text: string, span: Span) => Span | undefined;
  /** The part of speech of the word at `span`. */
  tag?: (text: string, span: Span) => Tag;
  /** One pass over a long text doing what the tasks use the tool for, timed for speed. */
  pass: (text: string) => unknown;
  /** What `pass` does, printed beside its speed. */
  passDoes: string;
  lacks: Partial<Record<Task, string>>;
  /** How each task was answered where it takes more than a single library call. */
  how?: Partial<Record<Task, string>>;
}

// ---------- rehearse's own rules ----------

/** The reasoning features of a text as the scorer measures them, a rubric that meets nothing aside. */
function features(text: string, withHits: boolean) {
  const a = analyse([text], [text]);
  return extractFeatures(a, { attained: 0, coverage: 0, penalty: 0 }, findCues(a), withHits);
}

const rehearse: Tool = {
  name: 'rehearse rules',
  sentences: (text) => segment(text, 0).map((s) => s.start),
  figures: (text) => features(text, true).hits.flatMap((h) => (h.feature === 'numbers' ? [{ start: h.start, end: h.end }] : [])),
  negated(text, span) {
    const a = analyse([text], [text]);
    const sentence = a.sentences.findIndex((s) => s.start <= span.start && span.end <= s.end);
    if (sentence < 0) return false;
    return isRejectedMention(a, { sentence, turn: 0, start: span.start, end: span.end }, newMentionCache());
  },
  pass: (text) => features(text, false),
  passDoes: 'words, sentences, cue lists, features (analyse, findCues, extractFeatures)',
  lacks: {
    nounPhrases: 'no noun-phrase function: the scorer matches the phrases its lists name',
    partsOfSpeech: 'no tagger: word lists (function words, cue lists) stand in for parts of speech',
  },
  how: {
    figures: "the `numbers` feature's hits (extractFeatures)",
    negation: 'isRejectedMention: a negator within `negationReach` words in the clause, or a verdict after it',
  },
};

// ---------- compromise ----------

interface CompromiseMatch {
  text: string;
  offset: { start: number; length: number };
  terms: { text: string; tags: string[]; offset: { start: number; length: number } }[];
}
const spansOf = (json: unknown): CompromiseMatch[] => json as CompromiseMatch[];
const matchSpan = (m: CompromiseMatch): Span => ({ start: m.offset.start, end: m.offset.start + m.offset.length });
const holds = (outer: Span, inner: Span) => outer.start <= inner.start && inner.end <= outer.end;

function compromiseTag(tags: readonly string[]): Tag {
  const has = (t: string) => tags.includes(t);
  if (has('Value')) return 'num';
  if (has('Verb')) return 'verb';
  if (has('Adjective')) return 'adj';
  if (has('Adverb')) return 'adv';
  if (has('Noun')) return 'noun';
  return 'other';
}

const compromise: Tool = {
  name: 'compromise',
  sentences: (text) => spansOf(nlp(text).sentences().json({ offset: true })).map((s) => s.offset.start),
  figures: (text) => spansOf(nlp(text).numbers().json({ offset: true })).map(matchSpan),
  negated(text, span) {
    const clauses = spansOf(
      nlp(text)
        .clauses()
        .json({ offset: true, terms: { offset: true } }),
    );
    const clause = clauses.find((c) => holds(matchSpan(c), span));
    return !!clause?.terms.some((t) => t.tags.includes('Negative') && t.offset.start < span.start);
  },
  nounPhrase(text, span) {
    const found = spansOf(nlp(text).nouns().json({ offset: true })).find((n) => holds(matchSpan(n), span));
    return found && matchSpan(found);
  },
  tag(text, span) {
    const terms = spansOf(nlp(text).json({ offset: true, terms: { offset: true } })).flatMap((s) => s.terms);
    const term = terms.find((t) => t.offset.start <= span.start && span.start < t.offset.start + t.offset.length);
    return term ? compromiseTag(term.tags) : 'other';
  },
  pass: (text) => nlp(text).sentences().length,
  passDoes: 'tokens, tags, sentences (nlp)',
  lacks: {},
  how: {
    figures: 'numbers()',
    negation: 'a #Negative word before the phrase in its clause (clauses())',
    nounPhrases: 'nouns()',
  },
};

// ---------- wink-nlp ----------

const wink = winkNLP(model);
const { its } = wink;

interface WinkToken {
  start: number;
  end: number;
  value: string;
  pos: string;
  negated: boolean;
}

/** wink keeps every token's preceding spaces, so the tokens laid end to end are the text: their offsets follow. */
function winkRead(text: string) {
  const doc = wink.readDoc(text);
  const tokens: WinkToken[] = [];
  let at = 0;
  doc.tokens().each((t: ItemToken) => {
    const value = t.out();
    // A token the model rewrote (none seen so far) is found by search, so offsets never drift.
    const start = text.startsWith(value, at + t.out(its.precedingSpaces).length)
      ? at + t.out(its.precedingSpaces).length
      : text.indexOf(value, at);
    at = start + value.length;
    tokens.push({ start, end: at, value, pos: t.out(its.pos), negated: t.out(its.negationFlag) === true });
  });
  return { doc, tokens };
}

/** Entity types that are quantities; dates, times and ordinals are not figures. */
const WINK_FIGURES = new Set(['CARDINAL', 'MONEY', 'PERCENT', 'DURATION']);

const UD_TAGS: Record<string, Tag> = { NOUN: 'noun', PROPN: 'noun', VERB: 'verb', AUX: 'verb', ADJ: 'adj', ADV: 'adv', NUM: 'num' };

const tokenAt = (tokens: readonly { start: number; end: number }[], offset: number) =>
  tokens.findIndex((t) => t.start <= offset && offset < t.end);

const wnk: Tool = {
  name: 'wink-nlp',
  sentences(text) {
    const { doc, tokens } = winkRead(text);
    return (doc.sentences().out(its.span) as unknown as [number, number][]).map(([first]) => tokens[first]!.start);
  },
  figures(text) {
    const { doc, tokens } = winkRead(text);
    const out: Span[] = [];
    doc.entities().each((e: ItemEntity) => {
      if (!WINK_FIGURES.has(e.out(its.type))) return;
      const [first, last] = e.out(its.span) as unknown as [number, number];
      out.push({ start: tokens[first]!.start, end: tokens[last]!.end });
    });
    return out;
  },
  negated(text, span) {
    const { tokens } = winkRead(text);
    // The phrase's head, its last word, carries the flag.
    const inside = tokens.filter((t) => holds(span, t));
    return !!inside.at(-1)?.negated;
  },
  nounPhrase(text, span) {
    const { tokens } = winkRead(text);
    return chunk(tokens, tokenAt(tokens, span.start), (t) => UD_TAGS[t.pos] ?? 'other');
  },
  tag(text, span) {
    const { tokens } = winkRead(text);
    const t = tokens[tokenAt(tokens, span.start)];
    return t ? (UD_TAGS[t.pos] ?? 'other') : 'other';
  },
  pass: (text) => wink.readDoc(text).sentences().out().length,
  passDoes: 'tokens, tags, sentences, entities, negation (readDoc)',
  lacks: {},
  how: {
    figures: 'entities() of type CARDINAL, MONEY, PERCENT or DURATION',
    negation: "the phrase's last token's negationFlag",
    nounPhrases: 'its tags, grouped by the rule below',
  },
};

// ---------- natural ----------

// No abbreviation list: natural ships none.
const naturalSentences = new SentenceTokenizer([]);
// natural's English lexicon and rules; unknown words default to NN, capitalised ones to NNP (its README's set-up).
const brill = new BrillPOSTagger(new Lexicon('EN', 'NN', 'NNP'), new RuleSet('EN'));

/**
 * Words split as natural's WordTokenizer splits them ("We’d" is "We", "d"), tagged on their own,
 * with offsets, and hyphens between words kept untagged so that a hyphenated word stays whole.
 */
const NATURAL_TOKEN = /[\p{L}\p{N}]+|-/gu;

function naturalTag(text: string) {
  const tokens = [...text.matchAll(NATURAL_TOKEN)].map((m) => ({ start: m.index, end: m.index + m[0].length, value: m[0], pos: '' }));
  const words = tokens.filter((t) => t.value !== '-');
  const tagged = brill.tag(words.map((t) => t.value)).taggedWords;
  words.forEach((t, i) => (t.pos = tagged[i]?.tag ?? ''));
  return tokens;
}

function pennTag(pos: string): Tag {
  if (pos.startsWith('NN')) return 'noun';
  if (pos.startsWith('VB') || pos === 'MD') return 'verb';
  if (pos.startsWith('JJ')) return 'adj';
  if (pos.startsWith('RB')) return 'adv';
  if (pos === 'CD') return 'num';
  return 'other';
}

/** Where each piece natural returns starts in the text: it gives strings, found here in order. */
export function locate(text: string, pieces: readonly string[]): number[] {
  const out: number[] = [];
  let at = 0;
  for (const piece of pieces) {
    const p = piece.trim();
    if (!p) continue;
    let found = text.indexOf(p, at);
    // A piece the library changed (spacing) is found by its first word.
    if (found < 0) found = text.indexOf(p.split(/\s+/)[0]!, at);
    if (found < 0) continue;
    out.push(found);
    at = found + 1;
  }
  return out;
}

const natural: Tool = {
  name: 'natural',
  sentences: (text) => locate(text, naturalSentences.tokenize(text)),
  nounPhrase(text, span) {
    const tokens = naturalTag(text);
    return chunk(tokens, tokenAt(tokens, span.start), (t) => pennTag(t.pos));
  },
  tag(text, span) {
    const tokens = naturalTag(text);
    const t = tokens[tokenAt(tokens, span.start)];
    return t ? pennTag(t.pos) : 'other';
  },
  pass: (text) => naturalSentences.tokenize(text).map((s) => naturalTag(s).length),
  passDoes: 'sentences, then Brill tags per sentence',
  lacks: {
    figures: 'no number or unit recogniser',
    negation: 'no negation handling',
  },
  how: {
    written: 'SentenceTokenizer with no abbreviation list',
    spoken: 'SentenceTokenizer with no abbreviation list',
    nounPhrases: 'its Brill tags, grouped by the rule below',
  },
};

// ---------- the noun-phrase rule for taggers without a chunker ----------

/** Inside a noun phrase: nouns, adjectives and numbers ("7-day retention", "first-time buyers"). */
const IN_PHRASE = new Set<Tag>(['noun', 'adj', 'num']);

/**
 * The run of nouns, adjectives and numbers around token `at`, words joined by a hyphen kept whole,
 * cut back to end on a noun. Undefined when the word is not in such a run.
 */
export function chunk<T extends { start: number; end: number; value: string }>(
  tokens: readonly T[],
  at: number,
  tagOf: (t: T) => Tag,
): Span | undefined {
  if (at < 0) return undefined;
  const hyphen = (i: number) => {
    const t = tokens[i];
    return !!t && t.value === '-' && tokens[i - 1]?.end === t.start && tokens[i + 1]?.start === t.end;
  };
  const inside = (i: number) =>
    i >= 0 && i < tokens.length && (IN_PHRASE.has(tagOf(tokens[i]!)) || hyphen(i) || hyphen(i - 1) || hyphen(i + 1));
  if (!inside(at)) return undefined;
  let first = at;
  let last = at;
  while (inside(first - 1)) first--;
  while (inside(last + 1)) last++;
  // A phrase ends on its head noun; a word hyphenated to the last one goes with it.
  while (last > at && !(tagOf(tokens[last]!) === 'noun' || hyphen(last - 1))) last--;
  if (tagOf(tokens[last]!) !== 'noun' && !hyphen(last - 1)) return undefined;
  return { start: tokens[first]!.start, end: tokens[last]!.end };
}

export const TOOLS: Tool[] = [rehearse, compromise, wnk, natural];
