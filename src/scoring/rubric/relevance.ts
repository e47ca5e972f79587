// Which sentences of an answer bear on the question asked: only those earn anything. A sentence is
// about the question when it names one of the rubric's topic concepts, or continues one that does,
// and it says something of its own: a sentence made only of the question's and the rubric's own
// headings ("guardrails are important too") names the thing without filling it in.
import { NUMBER_WORDS, REASONING_LEXICONS } from '../../scenario/cues.js';
import { CONTEXT_LEXICON, type ResolvedRubric } from '../../scenario/rubric.js';
import { positives } from './conditions.js';
import { topicOf as topicOfText } from './topic.js';
import {
  ANSWERING_WORDS,
  FUNCTION_WORDS,
  GENERIC_WORDS,
  CONTINUING_WORDS,
  HEADING_WORDS,
  LINKING_WORDS,
  REFERRING_WORDS,
  TIME_WORDS,
} from '../../text/lexicon.js';
import { countOf, spansOf, type Matches, type Span } from '../../text/phrase-matcher.js';
import { firstTokenAt, speechUnits, tokenize, type Analysis, type Sentence, type Token } from '../../text/text.js';
import { SPACE, TAB } from '../../text/chars.js';
import { POLICY } from '../../policy/policy.js';

/** A follow-up as asked: its words, and the rubric criteria it probes when known. */
export interface FollowUpAsked {
  prompt: string;
  targets?: readonly string[];
}

/** What was asked of each turn: the main question's prompt, then each follow-up's (undefined when not known). */
export interface Asked {
  question?: string;
  followUps?: readonly (string | FollowUpAsked | undefined)[];
}

/** A follow-up's words, however it was given. */
export const promptOfFollowUp = (f: string | FollowUpAsked | undefined) => (typeof f === 'string' ? f : f?.prompt);

export type SetAside = 'off-topic' | 'unfilled';

export interface Relevance {
  /** Per sentence of the analysis: 1 where it bears on the question and says something. */
  relevant: Uint8Array;
  /** Per sentence: why it was set aside, where it was. */
  why: (SetAside | undefined)[];
  /** Words in relevant sentences, and in all sentences. */
  relevantWords: number;
  words: number;
  /** How many different topic concepts the answer names: one in passing does not make an answer about the question. */
  concepts: number;
  /** Concepts of this question named that no other family's topic in the answer shares, and the most of one other family's that this one's does not. */
  ownConcepts: number;
  rivalConcepts: number;
  /** Words in sentences that name more of the rival's concepts than of this question's. */
  rivalWords: number;
  /** Per turn: the different content words its relevant sentences say beyond the question's and the rubric's headings. */
  said: number[];
  /**
   * The different content words and figures of the sentences on the question that are not what was
   * asked (the question's and the follow-ups' words and figures), the rubric's title or its criteria's,
   * a kind of thing an answer could give ("a dashboard", "the metric"), a word any answer uses, or a
   * number that numbers a list: few, and the answer only says the question back.
   */
  own: number;
  /** The same counted in every sentence, set aside or not. */
  ownAnywhere: number;
  /**
   * The stretches set aside that say nothing of their own in that sense ("I don't see real risks here"):
   * sentences, or in a turn without marks the finer units relevance judged, by turn and offsets.
   */
  emptyAside: { turn: number; start: number; end: number }[];
  /**
   * Per turn that answers a follow-up: whether it speaks to what the follow-up probed, by naming a phrase
   * any of the probed criteria's signals look for, or by taking up the follow-up's own words.
   */
  addressed: boolean[];
  /**
   * Per turn that answers a follow-up: whether it names at least ELSEWHERE_PHRASES phrases that only other
   * criteria than the probed ones look for: it answers another of the question's points.
   */
  elsewhere: boolean[];
  /** The other family that leads this question by most concepts (the question the answer may be answering instead), with the words of its sentences set aside. */
  rival?: { family: string; title: string; words: number };
}

/** What relevance reads of the rubric's matcher (rubric/compiled.ts): its pass over the whole answer, and the context terms of a prompt. */
export interface TopicPhrases {
  /** What each turn of the answer holds of every list. */
  found: readonly Matches[];
  /** The first list of the topics (the rubric's own, then the k-th other family's, `rubric.contrast`). */
  topic: number;
  /** The first list of the criteria's own phrases, and of all their phrases (criterion k is list own + k, all + k). */
  own: number;
  all: number;
  /** Where the scenario's context terms are in a prompt. */
  contextIn(text: string, tokens: readonly Token[]): readonly Span[];
}

interface Topic {
  /** Stems that only name what the rubric and the question are about: headings, not content. */
  headings: Set<string>;
  /** The same headings as whole words (a stem of five letters would take "commute" for "communicates"). */
  headingWords: Set<string>;
  /** Their stems: the company's nouns tie every sentence of every answer to every other, so they link neighbours only. */
  contextStems: Set<string>;
  /** The words of the rubric's title and its criteria's, and the kind nouns, without inflection: what an answer that says the question back names. */
  titles: Set<string>;
  /** Per string number (idOf), whether the string is a heading, a context stem and a title word (KNOWN, HEADING, CONTEXT, TITLE), worked out as met. */
  flags: Uint8Array;
  /** The numbering the flags are by: they are dropped when the numbers are. */
  epoch: number;
}

const KNOWN = 1;
const HEADING = 2;
const CONTEXT = 4;
const TITLE = 8;

/**
 * A crude stem that keeps a word's family together for comparing sentences: its first five letters.
 * A suffix-stripping stem keeps "commute" from "communication", but measured on the development set it
 * joined fewer sentences of real stories and lost more agreement than it gained.
 */
export const stemOf = (w: string) =>
  w.length > 5 ? w.slice(0, 5) : w.endsWith('es') ? w.slice(0, -2) : w.endsWith('s') ? w.slice(0, -1) : w;

/**
 * A word without its inflection, for telling the same word from one that only starts alike: "churning"
 * and "churn", "priced" and "pricing" are one; "commute" and "communication", "starter" and "start" are not.
 */
export function lemmaOf(w: string): string {
  let x = w.replace(/'s$/u, '');
  if (x.length > 4 && x.endsWith('ies')) x = `${x.slice(0, -3)}y`;
  else if (x.length > 4 && /(?:ss|x|ch|sh)es$/u.test(x)) x = x.slice(0, -2);
  else if (x.length > 3 && x.endsWith('s') && !x.endsWith('ss')) x = x.slice(0, -1);
  // Then the verb's ending, so "bookings" and "booking" meet "book".
  if (x.length > 5 && x.endsWith('ing')) x = x.slice(0, -3);
  else if (x.length > 4 && x.endsWith('ed')) x = x.slice(0, -2);
  // "running" → "runn" → "run"; "commute" and "commuting" both end as "commut".
  if (/([b-df-hj-np-tv-z])\1$/u.test(x) && !/(?:ll|ss|ff|zz)$/u.test(x)) x = x.slice(0, -1);
  return x.length > 3 && x.endsWith('e') ? x.slice(0, -1) : x;
}

/** A word without a plural ending: "risks" and "risk" are one heading. */
const singular = (w: string) => w.replace(/(?<=\p{L}{3})(?:es|s)$/u, '');

/** What a phrase found names, as one key: the stem of its first word ("sales team" and "sales reps" are one concept). */
const conceptOf = (phrase: string) => stemOf((phrase.toLowerCase().match(/[\p{L}\p{N}]+/u) ?? [''])[0]);

/** How far into a sentence its first content word is looked for, to see whether it names a heading. */
const OPENING_WORDS = 3;

/** How many phrases of a probed criterion's own a reply must name to be about it with no other sign: one is as often chance. */
const PROBED_PHRASES = 2;

/** In how many of an answer's sentences one word of the question must stand for it to mark them as on the question. */
const RETURNS_TO = 2;

/** How many of the thread's words a sentence must share to continue it. */
const THREAD_WORDS = 2;

const isNumber = (w: string) => /^\d/u.test(w);
/** What follows a number that numbers a list item: "1)", "2.", "3-" before a space. */
const LIST_MARK = /^[).-](?:\s|$)/u;

/** A word that carries content: not grammar, not a light verb or evaluative word, not a unit of time. */
export const isContentWord = (w: string) =>
  w.length > 1 &&
  !FUNCTION_WORDS.has(w) &&
  !LINKING_WORDS.has(w) &&
  !GENERIC_WORDS.has(w) &&
  !TIME_WORDS.has(w) &&
  !NUMBER_WORDS.has(w) &&
  !isNumber(w);

/**
 * What relevance reads of a word of an answer, worked out once per word and kept: answers share most of
 * their words. The word, its stem and its lemma also have a number each (one per different string), so
 * that a sentence's sets of them are kept as lists without repeats by marking numbers, not by hashing.
 */
interface WordFacts {
  number: boolean;
  content: boolean;
  stem: string;
  lemma: string;
  singular: string;
  /** The stem of the lemma. */
  lemmaStem: string;
  /** A word any answer uses, or one about answering itself: never the answer's own. */
  plain: boolean;
  wordId: number;
  stemId: number;
  lemmaId: number;
  lemmaStemId: number;
}

/** Words remembered with their facts, past which the memory is cleared between answers (it fills again as words come). */
const WORD_MEMORY = 50_000;
const wordFacts = new Map<string, WordFacts>();
/** The number of each string a word's facts name; cleared only with the facts, between answers. */
const stringIds = new Map<string, number>();
/** Counts the times the numbers were cleared: what was kept by number before is no longer valid. */
let idEpoch = 0;

function idOf(x: string): number {
  let id = stringIds.get(x);
  if (id === undefined) {
    id = stringIds.size;
    stringIds.set(x, id);
  }
  return id;
}

function factsOf(w: string): WordFacts {
  let f = wordFacts.get(w);
  if (!f) {
    const stem = stemOf(w);
    const lemma = lemmaOf(w);
    f = {
      number: isNumber(w),
      content: isContentWord(w),
      stem,
      lemma,
      singular: singular(w),
      lemmaStem: stemOf(lemma),
      plain: GENERIC_WORDS.has(lemma) || ANSWERING_WORDS.has(lemma) || ANSWERING_WORDS.has(w),
      wordId: idOf(w),
      stemId: idOf(stem),
      lemmaId: idOf(lemma),
      lemmaStemId: idOf(stemOf(lemma)),
    };
    wordFacts.set(w, f);
  }
  return f;
}

/**
 * Marks for keeping lists without repeats: a string's number is marked with the current stamp when it
 * is added. One array per kind of list, a new stamp per sentence.
 */
const marks = { own: new Int32Array(0), whole: new Int32Array(0), saying: new Int32Array(0), stamp: 0 };

/** Called before an answer is read: the memories are cleared when full, and the marks made to fit every string's number. */
function readyForAnswer(): void {
  if (wordFacts.size >= WORD_MEMORY || stringIds.size >= 3 * WORD_MEMORY || marks.stamp > 1e9) {
    wordFacts.clear();
    stringIds.clear();
    idEpoch++;
    marks.own = new Int32Array(0);
    marks.whole = new Int32Array(0);
    marks.saying = new Int32Array(0);
    marks.stamp = 0;
  }
}

/** The marks, grown to hold every string's number so far. */
function marksFor(ids: number) {
  if (marks.own.length < ids) {
    const size = Math.max(1024, ids * 2);
    const grow = (a: Int32Array) => {
      const b = new Int32Array(size);
      b.set(a);
      return b;
    };
    marks.own = grow(marks.own);
    marks.whole = grow(marks.whole);
    marks.saying = grow(marks.saying);
  }
  return marks;
}

/** The concept of each phrase found, by its words as written. */
const concepts = new Map<string, string>();

function conceptOfFound(phrase: string): string {
  let c = concepts.get(phrase);
  if (c === undefined) {
    if (concepts.size >= WORD_MEMORY) concepts.clear();
    c = conceptOf(phrase);
    concepts.set(phrase, c);
  }
  return c;
}

/** No concept named: shared by every sentence and family until one is. */
const NONE_NAMED: ReadonlySet<string> = new Set<string>();

const topics = new Map<string, Topic>();
/**
 * Phrases of other criteria that make a follow-up's reply one about another point, when it names none of
 * the probed criterion's. One is often a word the answer needs anyway (a definition's "per week" in a
 * reply naming the one metric); measured on the replies in test/support/follow-ups.ts, two keep 94% of the
 * replies written for a follow-up credited and credit 56% of those written for another one (one: 86% and 37%).
 */
const ELSEWHERE_PHRASES = 2;

/** The nouns for a kind of thing an answer could give (HEADING_WORDS), without inflection: naming one says nothing of one's own. */
const KIND_LEMMAS = new Set(HEADING_WORDS.map((w) => lemmaOf(w)));

/** Rubrics seen in one process are few (a scenario's questions); the cache is bounded all the same. */
const TOPIC_CACHE = 64;

/** Whether the string numbered `id` (`stem`) is one of the topic's headings (HEADING), context stems (CONTEXT) and title words (TITLE). */
function flagsOf(t: Topic, id: number, stem: string): number {
  if (t.epoch !== idEpoch || t.flags.length <= id) {
    const flags = new Uint8Array(Math.max(1024, 2 * stringIds.size, id + 1));
    if (t.epoch === idEpoch) flags.set(t.flags);
    t.flags = flags;
    t.epoch = idEpoch;
  }
  let v = t.flags[id]!;
  if (v === 0)
    t.flags[id] = v =
      KNOWN | (t.headings.has(stem) ? HEADING : 0) | (t.contextStems.has(stem) ? CONTEXT : 0) | (t.titles.has(stem) ? TITLE : 0);
  return v;
}

function topicOf(rubric: ResolvedRubric): Topic {
  let t = topics.get(rubric.hash);
  if (!t) {
    const headings = new Set<string>();
    const texts = [rubric.title, ...rubric.criteria.flatMap((c) => [c.title, ...c.levels.map((l) => l.anchor)])];
    const headingWords = new Set<string>();
    for (const text of texts) {
      for (const tok of tokenize(text)) {
        if (!isContentWord(tok.norm)) continue;
        headings.add(stemOf(tok.norm));
        headingWords.add(singular(tok.norm));
      }
    }
    for (const w of HEADING_WORDS) {
      headings.add(stemOf(w));
      headingWords.add(singular(w));
    }
    const contextStems = new Set<string>();
    for (const term of rubric.context) for (const tok of tokenize(term.replace(/\*/gu, ''))) contextStems.add(stemOf(tok.norm));
    const titles = new Set<string>(KIND_LEMMAS);
    for (const text of [rubric.title, ...rubric.criteria.map((c) => c.title)])
      for (const tok of tokenize(text)) titles.add(lemmaOf(tok.norm));
    t = { headings, headingWords, contextStems, titles, flags: new Uint8Array(0), epoch: idEpoch };
    if (topics.size >= TOPIC_CACHE) topics.delete(topics.keys().next().value!);
    topics.set(rubric.hash, t);
  }
  return t;
}

/**
 * The phrases a criterion's own signals look for: signals no other criterion of the rubric uses (a
 * shared one, such as a reason or a time window, says nothing of which criterion a reply is about),
 * from the rubric's lexicons and terms, not the reasoning cues or the company's nouns. With `unique`
 * false, every phrase its signals look for. Each criterion's are a list of the rubric's matcher.
 */
export function vocabularyOf(rubric: ResolvedRubric, c: ResolvedRubric['criteria'][number], unique = true): string[] {
  const signalsOf = (x: ResolvedRubric['criteria'][number]) => new Set(x.levels.flatMap((l) => (l.when ? positives(l.when) : [])));
  const mine = signalsOf(c);
  if (unique) for (const other of rubric.criteria) if (other !== c) for (const id of signalsOf(other)) mine.delete(id);
  const out = new Set<string>();
  for (const id of mine) {
    const signal = rubric.signals[id];
    if (!signal) continue;
    for (const t of signal.terms ?? []) out.add(t);
    const name = signal.lexicon;
    if (name && name !== CONTEXT_LEXICON && !Object.hasOwn(REASONING_LEXICONS, name))
      for (const p of rubric.lexicons[name] ?? []) out.add(p);
  }
  return [...out];
}

/**
 * The content stems of a prompt: what the question itself says, which an answer repeating it does not
 * add to. The company's own nouns ("merchants", "transactions") are left out: every answer shares them.
 */
function promptStems(prompt: string | undefined, phrases: TopicPhrases, of: (w: string) => string = stemOf): Set<string> {
  const out = new Set<string>();
  if (!prompt) return out;
  const tokens = tokenize(prompt);
  const nouns = phrases.contextIn(prompt, tokens);
  for (const t of tokens) {
    if (!isContentWord(t.norm) || nouns.some((h) => t.start >= h.start && t.end <= h.end)) continue;
    out.add(of(t.norm));
  }
  return out;
}

/**
 * Which sentences of an answer bear on the question. A turn written or transcribed without marks (most of its words in run-on stretches) is
 * judged on finer units than its sentences: the boundary model cuts it wherever a sentence may start
 * (POLICY.relevance.unitThreshold, below the model's own threshold), and a sentence is read when at least half of
 * its words lie in units that bear on the question. Judged on the sentences the model is sure of, an
 * unrelated story ran on from the answer's last words and was read with them.
 */
export function relevanceOf(a: Analysis, rubric: ResolvedRubric, phrases: TopicPhrases, asked: Asked = {}): Relevance {
  // A rubric that says nothing of its topic: every sentence is read, and none is judged off topic.
  if (!rubric.topic.length) return unjudged(a);
  const { unitThreshold, unitShare } = POLICY.relevance;
  // With marks in every turn, the units are the sentences themselves.
  if (!a.unmarked.some(Boolean)) return relevanceOfSentences(a, rubric, phrases, asked);
  const units = a.scan.flatMap((text, turn) =>
    a.unmarked[turn] ? speechUnits(text, turn, a.tokens[turn]!, unitThreshold) : a.sentences.filter((x) => x.turn === turn),
  );
  const r = relevanceOfSentences({ ...a, sentences: units, clauseBreaks: new WeakMap() }, rubric, phrases, asked);
  // Relevance's other figures (concepts, what each reply said, the rival) are the units': in a turn with
  // marks its units are its sentences; in one without, they are read from the finer units.
  // Per turn, per word: whether its unit bears on the question, and the unit's index.
  const unitOf = a.tokens.map((ts) => new Int32Array(ts.length).fill(-1));
  units.forEach((u, i) => {
    const ts = a.tokens[u.turn]!;
    for (let k = firstTokenAt(ts, u.start); k < ts.length && ts[k]!.end <= u.end; k++) unitOf[u.turn]![k] = i;
  });
  const relevant = new Uint8Array(a.sentences.length);
  const why: (SetAside | undefined)[] = new Array(a.sentences.length);
  let relevantWords = 0;
  a.sentences.forEach((s, i) => {
    const ts = a.tokens[s.turn]!;
    let count = 0;
    let read = 0;
    // The unit holding most of the sentence's words says why it was set aside.
    const share = new Map<number, number>();
    for (let k = firstTokenAt(ts, s.start); k < ts.length && ts[k]!.end <= s.end; k++) {
      const u = unitOf[s.turn]![k]!;
      count++;
      if (u < 0) continue;
      if (r.relevant[u]) read++;
      share.set(u, (share.get(u) ?? 0) + 1);
    }
    if (count > 0 && read >= unitShare * count) {
      relevant[i] = 1;
      relevantWords += s.words;
      return;
    }
    let most = -1;
    for (const [u, c] of share) if (most < 0 || c > share.get(most)! || (c === share.get(most)! && u < most)) most = u;
    why[i] = most >= 0 ? (r.why[most] ?? 'off-topic') : 'off-topic';
  });
  let words = 0;
  for (const s of a.sentences) words += s.words;
  // The units' stretches set aside with nothing of their own stand as they are: finer than the sentences.
  return { ...r, relevant, why, relevantWords, words };
}

function relevanceOfSentences(a: Analysis, rubric: ResolvedRubric, phrases: TopicPhrases, asked: Asked): Relevance {
  const topic = topicOf(rubric);
  const families = rubric.contrast.length + 1;
  const n = a.sentences.length;
  const direct = new Uint8Array(n);
  const foreign = new Uint8Array(n);
  const filled = new Uint8Array(n);
  readyForAnswer();
  /** Per sentence, its content words, each stem once (by its first word). */
  const stems: WordFacts[][] = [];
  /** Per sentence, its content words whole (without their inflection), beside their stems: each lemma once, by its first word. */
  const wholes: WordFacts[][] = [];
  const question = promptStems(asked.question, phrases);
  /** The question's words whole, without their inflection: one of them, the same word, is enough. */
  const questionWords = promptStems(asked.question, phrases, lemmaOf);
  const followUps = (asked.followUps ?? []).map((f) => promptStems(promptOfFollowUp(f), phrases));
  // Every word and figure of what was asked, the company's nouns too: said back, none is the answer's own.
  const askedWords = new Set<string>();
  // Only what was asked of a turn the answer has: a follow-up asked after the last answer is not yet answered.
  for (const prompt of [asked.question, ...(asked.followUps ?? []).slice(0, a.turns.length - 1).map(promptOfFollowUp)])
    if (prompt) for (const t of tokenize(prompt)) askedWords.add(isNumber(t.norm) ? t.norm : lemmaOf(t.norm));

  // What each sentence names of each family's topic: the first five letters of each phrase found.
  // A set is made only where a concept is named: most sentences name none of most families'.
  const named: ReadonlySet<string>[][] = a.sentences.map(() => new Array<ReadonlySet<string>>(families).fill(NONE_NAMED));
  a.scan.forEach((text, turn) => {
    const found = phrases.found[turn]!;
    for (let f = 0; f < families; f++) {
      const list = phrases.topic + f;
      for (let j = found.first[list]!; j < found.first[list + 1]!; j++) {
        const start = found.starts[j]!;
        const i = sentenceAt(a, turn, start);
        if (i < 0) continue;
        let set = named[i]![f]!;
        if (set === NONE_NAMED) named[i]![f] = set = new Set<string>();
        (set as Set<string>).add(conceptOfFound(text.slice(start, found.ends[j]!)));
      }
    }
  });

  // In a reply to a follow-up that probes criteria, how many phrases of what those criteria look for each
  // sentence names (their own phrases), and whether the reply names any of their phrases at all.
  const probed = new Uint8Array(n);
  const addressed = a.turns.map(() => false);
  const aside = a.turns.map(() => 0);
  a.scan.forEach((_, turn) => {
    const f = turn > 0 ? asked.followUps?.[turn - 1] : undefined;
    const targets = typeof f === 'object' ? (f.targets ?? []) : [];
    if (!targets.length) return;
    const found = phrases.found[turn]!;
    rubric.criteria.forEach((c, k) => {
      if (!targets.includes(c.id)) {
        aside[turn] = aside[turn]! + countOf(found, phrases.own + k);
        return;
      }
      if (countOf(found, phrases.all + k)) addressed[turn] = true;
      for (const h of spansOf(found, phrases.own + k)) {
        const i = sentenceAt(a, turn, h.start);
        if (i >= 0 && probed[i]! < 255) probed[i]!++;
      }
    });
  });

  let words = 0;
  /** Per sentence, the numbers (idOf) of what it says. */
  const content: number[][] = [];
  /** Per sentence, the numbers (idOf) of the words and figures it says of its own (see `Relevance.own`). */
  const ownOf: number[][] = [];
  const repliedIn = new Set<number>();
  for (let i = 0; i < n; i++) {
    const s = a.sentences[i]!;
    words += s.words;
    const prompt = s.turn === 0 ? question : (followUps[s.turn - 1] ?? question);
    const own: WordFacts[] = [];
    const whole: WordFacts[] = [];
    const saying: number[] = [];
    const mine: number[] = [];
    const tokens = a.tokens[s.turn]!;
    const said = a.scan[s.turn]!;
    const stamp = ++marks.stamp;
    for (let k = firstTokenAt(tokens, s.start); k < tokens.length && tokens[k]!.end <= s.end; k++) {
      const w = tokens[k]!.norm;
      const facts = factsOf(w);
      const m = marksFor(stringIds.size);
      if (facts.number && m.saying[facts.wordId] !== stamp) {
        m.saying[facts.wordId] = stamp;
        saying.push(facts.wordId);
      }
      // A figure the question gave, or one that numbers a list ("1)", "2."), is not the answer's own.
      if (facts.number && !askedWords.has(w) && !(w.length <= 2 && LIST_MARK.test(said.slice(tokens[k]!.end, tokens[k]!.end + 2))))
        mine.push(facts.wordId);
      if (!facts.content) continue;
      const stem = facts.stem;
      const lemma = facts.lemma;
      if (!facts.plain && !(flagsOf(topic, facts.lemmaId, lemma) & TITLE) && !askedWords.has(lemma)) mine.push(facts.stemId);
      if (m.own[facts.stemId] !== stamp) {
        m.own[facts.stemId] = stamp;
        own.push(facts);
      }
      if (m.whole[facts.lemmaId] !== stamp) {
        m.whole[facts.lemmaId] = stamp;
        whole.push(facts);
      }
      if (m.saying[facts.stemId] !== stamp && !(flagsOf(topic, facts.stemId, stem) & HEADING) && !prompt.has(stem) && !question.has(stem)) {
        m.saying[facts.stemId] = stamp;
        saying.push(facts.stemId);
      }
    }
    stems.push(own);
    wholes.push(whole);
    content.push(saying);
    ownOf.push(mine);
    if (saying.length) filled[i] = 1;

    // The question's own words mark a sentence as on it: one of a follow-up's (short, pointed) for its
    // answer, two of the main question's, which says more and some of it in passing (and see below).
    let fromQuestion = 0;
    let fromFollowUp = false;
    for (const { stem: st } of own) {
      if (question.has(st)) fromQuestion++;
      if (s.turn > 0 && prompt !== question && prompt.has(st)) fromFollowUp = true;
    }
    if (fromFollowUp) addressed[s.turn] = true;
    // The first sentence that says something in the answer to a follow-up answers that follow-up, when
    // it speaks of the work at all: a concept of any question's, things the probed criterion looks for,
    // or the company's own nouns.
    let work = probed[i]! >= PROBED_PHRASES || named[i]!.some((set) => set.size > 0);
    for (const f of own) if (flagsOf(topic, f.stemId, f.stem) & CONTEXT) work = true;
    const replies = s.turn > 0 && prompt !== question && !repliedIn.has(s.turn) && work;
    if (replies && saying.length) repliedIn.add(s.turn);
    // A sentence naming none of this question's concepts but another family's answers that question.
    if (named[i]![0]!.size || fromQuestion >= THREAD_WORDS || fromFollowUp || (replies && saying.length)) direct[i] = 1;
    else if (named[i]!.some((set, f) => f > 0 && set.size > 0)) foreign[i] = 1;
  }

  // One word of the main question is enough when it is the same word and the answer keeps coming back to
  // it ("signups" asked; "no signups since 2am", "the signup form submitted"): once, in passing ("shop
  // sales" under a question on the sales team's pay), it is as often another sense of the word.
  const returnsTo = new Map<string, number>();
  for (const whole of wholes) for (const { lemma: w } of whole) if (questionWords.has(w)) returnsTo.set(w, (returnsTo.get(w) ?? 0) + 1);
  for (let i = 0; i < n; i++) {
    if (direct[i]) continue;
    for (const { lemma: w } of wholes[i]!) {
      if ((returnsTo.get(w) ?? 0) < RETURNS_TO) continue;
      direct[i] = 1;
      foreign[i] = 0;
      break;
    }
  }

  // Stems the answer's on-topic sentences use: a sentence that shares them continues their thread, and
  // then its own words join the thread, so a story told around the question stays on it. A sentence
  // naming another family's concepts joins by the same rules, or by the topic model (`topical` below).
  // The thread's stems, and its words whole (without their inflection), marked by number with a stamp of their own.
  const thread = marksFor(stringIds.size);
  const inThread = ++marks.stamp;
  const join = (i: number) => {
    for (const f of stems[i]!) if (!(flagsOf(topic, f.stemId, f.stem) & HEADING)) thread.own[f.stemId] = inThread;
    for (const w of wholes[i]!) if (!(flagsOf(topic, w.lemmaStemId, w.lemmaStem) & HEADING)) thread.whole[w.lemmaId] = inThread;
  };
  const on = new Uint8Array(n);
  /** How far the topic model, reading one sentence alone, leans to this question's family; read once, when first asked. */
  const leads = new Float64Array(n).fill(NaN);
  const sentenceLead = (i: number) => {
    if (Number.isNaN(leads[i]!)) {
      const s = a.sentences[i]!;
      leads[i] = topicOfText(a.scan[s.turn]!.slice(s.start, s.end), rubric.family)?.lead ?? -Infinity;
    }
    return leads[i]!;
  };
  for (let i = 0; i < n; i++) {
    if (direct[i] && filled[i]) {
      on[i] = 1;
      join(i);
    }
  }
  // Passes until nothing changes; each pass adds a sentence or ends, and answers have few sentences.
  for (let changed = true; changed;) {
    changed = false;
    for (let i = 0; i < n; i++) {
      if (on[i] || !filled[i]) continue;
      // The company's nouns link a sentence to the one beside it ("a shop that does that"), not across an answer.
      let shared = 0;
      let sharedBeyondContext = 0;
      for (const f of stems[i]!) {
        if (thread.own[f.stemId] !== inThread) continue;
        shared++;
        if (!(flagsOf(topic, f.stemId, f.stem) & CONTEXT)) sharedBeyondContext++;
      }
      // Two of the thread's words, or one beside a sentence on it: one word alone, anywhere, is as often chance.
      const beside = (i > 0 && on[i - 1] === 1) || (i + 1 < n && on[i + 1] === 1);
      const carried =
        i > 0 && on[i - 1] === 1 && a.sentences[i - 1]!.turn === a.sentences[i]!.turn && continues(a, a.sentences[i]!, topic.headingWords);
      // Beside it, one word is enough only when it is the same word, inflected or not, not one that only starts alike:
      // "commute" after "communication", "starter" after "start" join a story to an answer by chance.
      const sameWord = beside && shared >= 1 && wholes[i]!.some((w) => thread.whole[w.lemmaId] === inThread);
      // A sentence naming another family's concepts beside one on the question joins it when the topic model,
      // reading it alone, finds this question's family and its neighbours together likelier than any one other
      // family (lead ≥ 0): "Cashback invites fake volume. I'd cap rewards… and judge the campaign on merchants
      // active three months later."
      const topical = beside && foreign[i] === 1 && sentenceLead(i) >= 0;
      // A sentence that opens as a continuation ("so…", "because…", "it's…", a heading) after a sentence's end mark
      // carries the thread on. Where no mark says where sentences end, it does when it says one of the thread's
      // words again (the same word, not one that only starts alike) or the topic model does not read it as
      // clearly about something else: "…every sunday so the starter gets fed" is not about the question.
      const carriedOn =
        carried &&
        (markedStart(a.scan[a.sentences[i]!.turn]!, a.sentences[i]!.start) ||
          wholes[i]!.some((w) => thread.whole[w.lemmaId] === inThread) ||
          sentenceLead(i) >= CARRIED_LEAD);
      if (sharedBeyondContext >= THREAD_WORDS || sameWord || carriedOn || topical) {
        on[i] = 1;
        join(i);
        changed = true;
      }
    }
  }

  const relevant = new Uint8Array(n);
  const why: (SetAside | undefined)[] = new Array(n);
  let relevantWords = 0;
  // The concepts the relevant sentences name: the topic's, and the question's own words (what this
  // question asks about beyond its family: "GMV", "repeat purchases"), each counted once.
  const concepts = new Set<string>();
  // Words in sentences about each other family's question: the one with most is what the answer reads as.
  const elsewhere = new Float64Array(families);
  for (let i = 0; i < n; i++) {
    if (on[i] && filled[i]) {
      relevant[i] = 1;
      relevantWords += a.sentences[i]!.words;
      for (const c of named[i]![0]!) concepts.add(c);
      for (const { stem: st } of stems[i]!) if (question.has(st)) concepts.add(st);
    } else {
      why[i] = direct[i] ? 'unfilled' : 'off-topic';
      if (foreign[i] && filled[i]) {
        const top = topFamily(named[i]!);
        if (top > 0) elsewhere[top] = elsewhere[top]! + a.sentences[i]!.words;
      }
    }
  }
  // What each turn's relevant sentences say, each thing once: counted by number, a stamp per turn.
  const said = a.turns.map(() => 0);
  const saidIn = a.turns.map(() => ++marks.stamp);
  const sayings = marksFor(stringIds.size).saying;
  for (let i = 0; i < n; i++) {
    if (!relevant[i]) continue;
    const turn = a.sentences[i]!.turn;
    for (const id of content[i]!) {
      if (sayings[id] === saidIn[turn]) continue;
      sayings[id] = saidIn[turn]!;
      said[turn]!++;
    }
  }
  // Answer-wide: the concepts named of this question, and of each other family's, that the other does not name.
  const mine = new Set<string>();
  const theirs = Array.from({ length: families }, () => new Set<string>());
  for (let i = 0; i < n; i++) {
    if (!filled[i]) continue;
    for (const c of named[i]![0]!) mine.add(c);
    for (const { stem: st } of stems[i]!) if (question.has(st)) mine.add(st);
    for (let f = 1; f < families; f++) for (const c of named[i]![f]!) theirs[f]!.add(c);
  }
  // Family against family: what each other family names that this one does not, and the reverse. The
  // rival is the family that leads this one by most.
  const sharedWithOthers = new Set<string>();
  for (let f = 1; f < families; f++) for (const c of theirs[f]!) sharedWithOthers.add(c);
  // Against all the others at once, the concepts only this question has (its own words always count):
  // a neighbour family shares many of them, so this is the stricter count, used with the criteria met.
  let ownConcepts = 0;
  for (const c of mine) if (!sharedWithOthers.has(c) || question.has(c)) ownConcepts++;
  let rivalConcepts = 0;
  let rivalIndex = 0;
  let rival: Relevance['rival'];
  let lead = -Infinity;
  for (let f = 1; f < families; f++) {
    let them = 0;
    let us = 0;
    for (const c of theirs[f]!) if (!mine.has(c)) them++;
    for (const c of mine) if (!theirs[f]!.has(c) || question.has(c)) us++;
    if (them > 0 && them - us > lead) {
      lead = them - us;
      rivalConcepts = them;
      rivalIndex = f;
      rival = { family: rubric.contrast[f - 1]!.family, title: rubric.contrast[f - 1]!.title, words: elsewhere[f]! };
    }
  }
  // Words in sentences that lean to the rival: more of its concepts than of this question's (its words count as this one's).
  let leaning = 0;
  if (rivalIndex > 0) {
    for (let i = 0; i < n; i++) {
      if (!filled[i]) continue;
      let ours = named[i]![0]!.size;
      for (const { stem: st } of stems[i]!) if (question.has(st) && !named[i]![0]!.has(st)) ours++;
      if (named[i]![rivalIndex]!.size > ours) leaning += a.sentences[i]!.words;
    }
  }
  return {
    relevant,
    why,
    relevantWords,
    words,
    concepts: concepts.size,
    said,
    own: ownCount(a, ownOf, relevant),
    ownAnywhere: distinctIn(ownOf),
    emptyAside: a.sentences.flatMap((s, i) => (relevant[i] || ownOf[i]!.length ? [] : [{ turn: s.turn, start: s.start, end: s.end }])),
    addressed,
    elsewhere: aside.map((x) => x >= ELSEWHERE_PHRASES),
    ownConcepts,
    rivalConcepts,
    rivalWords: leaning,
    ...(rival ? { rival } : {}),
  };
}

/**
 * How many different words and figures of their own the sentences on the question say, with those of a
 * sentence set aside right beside one of them that takes one of them up again ("User engagement. If
 * users are engaged with the app…"). Padding farther off adds nothing, and padding beside them only
 * when it repeats the answer's own word.
 */
function ownCount(a: Analysis, ownOf: readonly (readonly number[])[], relevant: Uint8Array): number {
  const seen = new Set<number>();
  ownOf.forEach((ids, i) => {
    if (relevant[i]) for (const id of ids) seen.add(id);
  });
  const beside = (i: number, j: number) => j >= 0 && j < ownOf.length && relevant[j] === 1 && a.sentences[j]!.turn === a.sentences[i]!.turn;
  const more: number[] = [];
  ownOf.forEach((ids, i) => {
    if (!relevant[i] && (beside(i, i - 1) || beside(i, i + 1)) && ids.some((id) => seen.has(id))) more.push(...ids);
  });
  for (const id of more) seen.add(id);
  return seen.size;
}

/** How many different numbers (idOf) the lists hold, counted by marking them rather than in a set. */
function distinctIn(lists: readonly (readonly number[])[]): number {
  const seen = marksFor(stringIds.size).saying;
  const stamp = ++marks.stamp;
  let n = 0;
  for (const ids of lists)
    for (const id of ids)
      if (seen[id] !== stamp) {
        seen[id] = stamp;
        n++;
      }
  return n;
}

/** The family that names most concepts in a sentence (0 is the rubric's own). */
function topFamily(named: readonly ReadonlySet<string>[]): number {
  let best = 0;
  named.forEach((set, f) => {
    if (set.size > named[best]!.size) best = f;
  });
  return best;
}

function unjudged(a: Analysis): Relevance {
  const n = a.sentences.length;
  let words = 0;
  for (const s of a.sentences) words += s.words;
  return {
    relevant: new Uint8Array(n).fill(1),
    why: new Array<SetAside | undefined>(n),
    relevantWords: words,
    words,
    concepts: Infinity,
    ownConcepts: Infinity,
    rivalConcepts: 0,
    rivalWords: 0,
    said: a.turns.map(() => Infinity),
    own: Infinity,
    ownAnywhere: Infinity,
    emptyAside: [],
    addressed: a.turns.map(() => true),
    elsewhere: a.turns.map(() => false),
  };
}

/** The index of the sentence holding an offset of a turn, or -1: a binary search, as sentences are in text order. */
function sentenceAt(a: Analysis, turn: number, offset: number): number {
  let lo = 0;
  let hi = a.sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = a.sentences[mid]!;
    if (s.turn < turn || (s.turn === turn && s.end <= offset)) lo = mid + 1;
    else if (s.turn > turn || s.start > offset) hi = mid - 1;
    else return mid;
  }
  return -1;
}

/**
 * How far the topic model may lean away from the question's family for a sentence opening as a
 * continuation where no mark ends the one before (see `carriedOn`): on the development set's
 * unpunctuated copies, 0 dropped real continuations that -1 keeps, and -3 let padding back in.
 */
const CARRIED_LEAD = -1;

/**
 * Whether a sentence's end mark (a full stop, a semicolon, a line break…) or a bullet at the start of the
 * line comes before `start`, rather than the splitter's guess.
 */
function markedStart(text: string, start: number): boolean {
  let k = start - 1;
  while (k >= 0 && (text.charCodeAt(k) === SPACE || text.charCodeAt(k) === TAB)) k--;
  // A bullet at the start of its line: the line break before it is the mark.
  if (k >= 0 && BULLETS.test(text[k]!)) {
    k--;
    while (k >= 0 && (text.charCodeAt(k) === SPACE || text.charCodeAt(k) === TAB)) k--;
    return k < 0 || text[k] === '\n' || text[k] === '\r';
  }
  // A closing quote or bracket after the mark: "…at day 60." So…
  while (k >= 0 && CLOSERS.test(text[k]!)) k--;
  return k < 0 || SENTENCE_ENDS.test(text[k]!);
}
const SENTENCE_ENDS = /[.!?;:…\n\r？！。]/u;
const BULLETS = /[-*•]/u;
const CLOSERS = /[)\]"'”’]/u;

/**
 * Whether a sentence opens by continuing the one before it: with a word such as "so" or "because", a
 * word pointing back ("If it falls…"), or by naming one of the rubric's headings ("The risk is…", "As a
 * guardrail…") about what was just said.
 */
function continues(a: Analysis, s: Sentence, headings: ReadonlySet<string>): boolean {
  const tokens = a.tokens[s.turn]!;
  const k = firstTokenAt(tokens, s.start);
  const first = tokens[k];
  if (!first || first.end > s.end) return false;
  if (CONTINUING_WORDS.has(first.norm)) return true;
  let named = false;
  for (let j = k; j < Math.min(k + OPENING_WORDS, tokens.length) && tokens[j]!.end <= s.end; j++) {
    const w = tokens[j]!.norm;
    if (REFERRING_WORDS.has(w)) return true;
    if (!named) {
      const facts = factsOf(w);
      if (!facts.content) continue;
      if (headings.has(facts.singular)) return true;
      named = true;
    }
  }
  return false;
}
