// Every phrase list a rubric's score reads, compiled into one matcher: the signals' phrases, the
// reasoning cues, the topics of its family and the others, what each criterion looks for, and the
// scenario's context terms. Built once per rubric, and kept on disk between runs when a store is set.
import { createHash } from 'node:crypto';
import type { ResolvedRubric } from '../../scenario/rubric.js';
import type { Signal } from '../../scenario/schema.js';
import { PhraseMatcher, spansOf, type Matches, type PhraseData, type Span } from '../../text/phrase-matcher.js';
import { keptOr, PHRASE_FORMAT, PhraseSet } from '../../text/phrases.js';
import type { Analysis, Token } from '../../text/text.js';
import { CUE_LISTS, type CueMatches } from '../model/features.js';
import { compileMatcher, type CompiledMatcher } from './matcher.js';
import { vocabularyOf, type TopicPhrases } from './relevance.js';

/** The sections of a rubric's matcher, a bit each: each is a trie of its own, as each was an index of its own. */
export const SIGNALS = 1 << 0;
export const CUES = 1 << 1;
export const TOPIC = 1 << 2;
export const CRITERIA_OWN = 1 << 3;
export const CRITERIA_ALL = 1 << 4;
export const CONTEXT = 1 << 5;
/** What reading the whole answer needs: the relevance's lists, and the rest, so that an answer read whole needs no second pass. */
export const WHOLE = SIGNALS | CUES | TOPIC | CRITERIA_OWN | CRITERIA_ALL;
/** What reading the sentences that bear on the question needs. */
export const RELEVANT = SIGNALS | CUES;

export interface CompiledSignal {
  id: string;
  def: Signal;
  matcher?: CompiledMatcher;
  near?: { matcher: CompiledMatcher; window: number };
}

export interface RubricPhrases {
  matcher: PhraseMatcher;
  signals: CompiledSignal[];
  /** The first list of each section after the signals': the cue lists, the topics, the criteria's phrases, the context terms. */
  cues: number;
  topic: number;
  own: number;
  all: number;
  context: number;
  /** The context terms found in each prompt read so far. */
  prompts: Map<string, Span[]>;
}

/** Prompts remembered per rubric: a scenario's questions and follow-ups, far fewer than this. */
const PROMPTS = 256;

/** The phrase lists in sections, each list numbered across all of them in the order it is added. */
class Lists {
  readonly sections: (readonly string[])[][] = [];
  private count = 0;

  section(): number {
    this.sections.push([]);
    return this.count;
  }

  add(phrases: readonly string[]): number {
    this.sections[this.sections.length - 1]!.push(phrases);
    return this.count++;
  }
}

// A batch scores thousands of answers against a few rubrics: each rubric is compiled once and the
// result reused, held weakly so that a rubric no longer used is not kept.
const compiled = new WeakMap<ResolvedRubric, RubricPhrases>();

/** The rubric's phrase lists compiled into one matcher, with where each signal's lists are. */
export function rubricPhrases(rubric: ResolvedRubric): RubricPhrases {
  let out = compiled.get(rubric);
  if (!out) {
    const lists = new Lists();
    lists.section();
    const signals = signalsOf(rubric, lists);
    const cues = lists.section();
    for (const l of CUE_LISTS) lists.add(l);
    const topic = lists.section();
    lists.add(rubric.topic);
    for (const c of rubric.contrast) lists.add(c.topic);
    const own = lists.section();
    for (const c of rubric.criteria) lists.add(vocabularyOf(rubric, c));
    const all = lists.section();
    for (const c of rubric.criteria) lists.add(vocabularyOf(rubric, c, false));
    const context = lists.section();
    lists.add(rubric.context);
    out = { matcher: new PhraseMatcher(dataOf(lists)), signals, cues, topic, own, all, context, prompts: new Map() };
    compiled.set(rubric, out);
  }
  return out;
}

/**
 * The compiled lists, kept (in this process, and in the store) under a digest of the phrase lists
 * themselves: whatever they came from (the rubric, the cue lists and lexicons in the code), lists
 * that differ are never served for each other.
 */
function dataOf(lists: Lists): PhraseData {
  const key = createHash('sha256')
    .update(`${PHRASE_FORMAT}\0${JSON.stringify(lists.sections)}`)
    .digest('hex');
  return keptOr(key, () => {
    const set = new PhraseSet();
    for (const section of lists.sections) {
      set.section();
      for (const l of section) set.add(l);
    }
    return set.compile();
  });
}

/** The rubric's signals, their phrase lists added to the first section; signals that look for the same phrases share one matcher. */
function signalsOf(rubric: ResolvedRubric, lists: Lists): CompiledSignal[] {
  const byKey = new Map<string, CompiledMatcher>();
  const matcherFor = (m: Parameters<typeof compileMatcher>[0]) => {
    const c = compileMatcher(m, rubric.lexicons, lists);
    const seen = byKey.get(c.key);
    if (seen) return seen;
    byKey.set(c.key, c);
    return c;
  };
  return Object.entries(rubric.signals).map(([id, def]) => ({
    id,
    def,
    matcher: def.terms || def.lexicon || def.pattern ? matcherFor(def) : undefined,
    near: def.near ? { matcher: matcherFor(def.near), window: def.near.window } : undefined,
  }));
}

/** What the given sections' lists hold in each turn of an analysis: one pass over each turn's words. */
export function findIn(p: RubricPhrases, a: Analysis, sections: number): Matches[] {
  return a.scan.map((text, turn) => {
    const tokens = a.tokens[turn]!;
    return p.matcher.find(text, tokens, p.matcher.wordsOf(tokens), sections);
  });
}

/** The cue lists' matches within what a pass found. */
export const cuesIn = (p: RubricPhrases, found: readonly Matches[]): CueMatches => ({ found, first: p.cues });

/** What relevance reads of a pass over the whole answer: the topics' and criteria's lists, and the context terms of a prompt. */
export function topicPhrases(p: RubricPhrases, found: readonly Matches[]): TopicPhrases {
  return {
    found,
    topic: p.topic,
    own: p.own,
    all: p.all,
    contextIn: (text: string, tokens: readonly Token[]): readonly Span[] => {
      // The same few prompts come with every answer to a question: each is read once.
      let spans = p.prompts.get(text);
      if (!spans) {
        if (p.prompts.size >= PROMPTS) p.prompts.clear();
        spans = spansOf(p.matcher.find(text, tokens, p.matcher.wordsOf(tokens), CONTEXT), p.context);
        p.prompts.set(text, spans);
      }
      return spans;
    },
  };
}
