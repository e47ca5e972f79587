// Which sentences of an answer bear on the question asked: only those earn anything. A sentence is
// about the question when it names one of the rubric's topic concepts, or continues one that does,
// and it says something of its own: a sentence made only of the question's and the rubric's own
// headings ("guardrails are important too") names the thing without filling it in.
import type { ResolvedRubric } from '../scenario/rubric.js';
import { FUNCTION_WORDS, GENERIC_WORDS, CONTINUING_WORDS, HEADING_WORDS, TIME_WORDS } from './lexicon.js';
import { PhraseIndex } from './phrases.js';
import { firstTokenAt, tokenize, type Analysis, type Sentence } from './text.js';

/** What was asked of each turn: the main question's prompt, then each follow-up's (undefined when not known). */
export interface Asked {
  question?: string;
  followUps?: readonly (string | undefined)[];
}

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
}

interface Topic {
  index: PhraseIndex;
  /** Stems that only name what the rubric and the question are about: headings, not content. */
  headings: Set<string>;
}

/** A crude stem that keeps a word's family together for comparing sentences: its first five letters. */
export const stemOf = (w: string) => (w.length > 5 ? w.slice(0, 5) : w.replace(/(?:es|s)$/u, ''));

/** How many of the thread's words a sentence must share to continue it. */
const THREAD_WORDS = 2;

const isNumber = (w: string) => /^\d/u.test(w);

/** A word that carries content: not grammar, not a light verb or evaluative word, not a unit of time. */
export const isContentWord = (w: string) =>
  w.length > 1 && !FUNCTION_WORDS.has(w) && !GENERIC_WORDS.has(w) && !TIME_WORDS.has(w) && !isNumber(w);

const topics = new Map<string, Topic>();
/** Rubrics seen in one process are few (a scenario's questions); the cache is bounded all the same. */
const TOPIC_CACHE = 64;

function topicOf(rubric: ResolvedRubric): Topic {
  let t = topics.get(rubric.hash);
  if (!t) {
    const index = new PhraseIndex();
    index.add(rubric.topic);
    const headings = new Set<string>();
    const texts = [rubric.title, ...rubric.criteria.flatMap((c) => [c.title, ...c.levels.map((l) => l.anchor)])];
    for (const text of texts) for (const tok of tokenize(text)) if (isContentWord(tok.norm)) headings.add(stemOf(tok.norm));
    for (const w of HEADING_WORDS) headings.add(stemOf(w));
    t = { index, headings };
    if (topics.size >= TOPIC_CACHE) topics.delete(topics.keys().next().value!);
    topics.set(rubric.hash, t);
  }
  return t;
}

/** The content stems of a prompt: what the question itself says, which an answer repeating it does not add to. */
function promptStems(prompt: string | undefined): Set<string> {
  const out = new Set<string>();
  if (prompt) for (const t of tokenize(prompt)) if (isContentWord(t.norm)) out.add(stemOf(t.norm));
  return out;
}

export function relevanceOf(a: Analysis, rubric: ResolvedRubric, asked: Asked = {}): Relevance {
  const topic = topicOf(rubric);
  const n = a.sentences.length;
  const direct = new Uint8Array(n);
  const filled = new Uint8Array(n);
  const stems: Set<string>[] = [];
  const question = promptStems(asked.question);
  const followUps = (asked.followUps ?? []).map(promptStems);

  // Topic phrases, turn by turn; sentences are in text order.
  const hits = a.scan.map((text, turn) => topic.index.find(text, a.tokens[turn]!)[0]!);
  let words = 0;
  for (let i = 0; i < n; i++) {
    const s = a.sentences[i]!;
    words += s.words;
    const prompt = s.turn === 0 ? question : (followUps[s.turn - 1] ?? question);
    const own = new Set<string>();
    let content = false;
    const tokens = a.tokens[s.turn]!;
    for (let k = firstTokenAt(tokens, s.start); k < tokens.length && tokens[k]!.end <= s.end; k++) {
      const w = tokens[k]!.norm;
      if (isNumber(w)) content = true;
      if (!isContentWord(w)) continue;
      const stem = stemOf(w);
      own.add(stem);
      if (!topic.headings.has(stem) && !prompt.has(stem) && !question.has(stem)) content = true;
    }
    stems.push(own);
    if (content) filled[i] = 1;
    if (inSentence(hits[s.turn]!, s)) direct[i] = 1;
    // A follow-up's own words mark a sentence of its answer as on its question.
    else {
      // The question's own words mark a sentence as on it: one of a follow-up's (short, pointed) for its answer,
      // two of the main question's, which says more and some of it in passing.
      let fromQuestion = 0;
      for (const st of own) {
        if (s.turn > 0 && prompt !== question && prompt.has(st)) direct[i] = 1;
        if (question.has(st)) fromQuestion++;
      }
      if (fromQuestion >= THREAD_WORDS) direct[i] = 1;
    }
  }

  // Stems the answer's on-topic sentences use: a sentence that shares them continues their thread, and
  // then its own words join the thread, so a story told around the question stays on it.
  const thread = new Set<string>();
  const join = (i: number) => {
    for (const st of stems[i]!) if (!topic.headings.has(st)) thread.add(st);
  };
  const on = new Uint8Array(n);
  for (let i = 0; i < n; i++) if (direct[i] && filled[i]) (on[i] = 1), join(i);
  // Passes until nothing changes; each pass adds a sentence or ends, and answers have few sentences.
  for (let changed = true; changed; ) {
    changed = false;
    for (let i = 0; i < n; i++) {
      if (on[i] || !filled[i]) continue;
      let shared = 0;
      for (const st of stems[i]!) if (thread.has(st)) shared++;
      // Two of the thread's words, or one beside a sentence on it: one word alone is as often chance.
      const beside = (i > 0 && on[i - 1] === 1) || (i + 1 < n && on[i + 1] === 1);
      const carried = i > 0 && on[i - 1] === 1 && a.sentences[i - 1]!.turn === a.sentences[i]!.turn && continues(a, a.sentences[i]!);
      if (shared >= THREAD_WORDS || (beside && shared >= 1) || carried) {
        on[i] = 1;
        join(i);
        changed = true;
      }
    }
  }

  const relevant = new Uint8Array(n);
  const why: (SetAside | undefined)[] = new Array(n);
  let relevantWords = 0;
  for (let i = 0; i < n; i++) {
    if (on[i] && filled[i]) {
      relevant[i] = 1;
      relevantWords += a.sentences[i]!.words;
    } else why[i] = direct[i] ? 'unfilled' : 'off-topic';
  }
  const concepts = new Set<string>();
  a.scan.forEach((text, turn) => {
    for (const h of hits[turn]!) concepts.add(stemOf(text.slice(h.start, h.end).toLowerCase()));
  });
  return { relevant, why, relevantWords, words, concepts: concepts.size };
}

function inSentence(spans: readonly { start: number; end: number }[], s: Sentence): boolean {
  // Few spans per turn; a linear look is cheaper than keeping a cursor per turn.
  for (const sp of spans) if (sp.start >= s.start && sp.start < s.end) return true;
  return false;
}

/** Whether a sentence opens with a word that continues the one before it. */
function continues(a: Analysis, s: Sentence): boolean {
  const tokens = a.tokens[s.turn]!;
  const first = tokens[firstTokenAt(tokens, s.start)];
  return !!first && first.end <= s.end && CONTINUING_WORDS.has(first.norm);
}
