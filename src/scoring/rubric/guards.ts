// Finds what must not be graded as an answer: text aimed at the grader, non-answers (answers not in English
// among them), and lists of terms.
import { FUNCTION_WORDS, GRADER_DIRECTED, NON_ANSWER, NOT_KNOWING } from '../../text/lexicon.js';
import { POLICY } from '../../policy/policy.js';
import { tokenize, type Analysis, type Token } from '../../text/text.js';
import type { Relevance } from './relevance.js';

export interface Span {
  turn: number;
  start: number;
  end: number;
}

/** All grader-directed phrasings as one expression, so an answer is read once. */
const GRADER = new RegExp(GRADER_DIRECTED.map((r) => `(?:${r.source})`).join('|'), 'gi');

/** Spans from a grader-directed phrase to the end of its sentence. */
export function graderDirectedSpans(text: string, turn: number): Span[] {
  const spans: Span[] = [];
  GRADER.lastIndex = 0;
  for (let m = GRADER.exec(text); m; m = GRADER.exec(text)) {
    // An empty match would leave lastIndex where it is and find itself again for ever.
    if (m[0].length === 0) {
      GRADER.lastIndex++;
      continue;
    }
    const rest = /[.!?\n]/.exec(text.slice(m.index + m[0].length));
    const end = rest ? m.index + m[0].length + rest.index + 1 : text.length;
    spans.push({ turn, start: m.index, end });
    GRADER.lastIndex = end;
  }
  return mergeSpans(spans);
}

function mergeSpans(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

/** The text with the spans replaced by spaces: offsets stay valid, the words are gone. */
export function blank(text: string, spans: readonly Span[]): string {
  let out = '';
  let at = 0;
  for (const s of spans) {
    out += text.slice(at, s.start) + ' '.repeat(s.end - s.start);
    at = s.end;
  }
  return out + text.slice(at);
}

/** Fewer different content words than this is not an attempt at an answer (policy.json). */
const MIN_CONTENT_WORDS = POLICY.nonAnswer.minContentWords;
/**
 * The non-answer phrases are whole answers of a few words ("I don't really know"); only answers
 * this short are joined up and tested against them, so a long answer costs nothing here.
 */
const NON_ANSWER_MAX_WORDS = 12;
const NON_ASCII = /[^\x00-\x7f]/;

export type NonAnswer = 'empty' | 'non-answer' | 'too-short' | 'repetitive' | 'restatement' | 'not-english';

/** Below this share of its letters in Latin script, an answer is not in English (policy.json). */
const MIN_LATIN_SHARE = POLICY.nonAnswer.minLatinShare;
const LETTER = /\p{L}/u;
const LATIN = /\p{Script=Latin}/u;

/**
 * Whether most of the letters are in a script other than Latin (Devanagari, Cyrillic, Han…): the
 * scorer reads English, so such an answer would only be graded on its length. Accents are Latin;
 * an English answer that quotes a word in another script still is English.
 */
export function notLatinScript(text: string): boolean {
  const [letters, latin] = letterCounts(text);
  return latin < letters * MIN_LATIN_SHARE;
}

/** How many letters a text has, and how many of them are Latin; added to `into` when given. */
function letterCounts(text: string, into: [number, number] = [0, 0]): [number, number] {
  let [letters, latin] = into;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // ASCII, most of any English answer, without a regular expression.
    if (c < 0x80) {
      const lower = c | 0x20;
      if (lower >= 0x61 && lower <= 0x7a) {
        letters++;
        latin++;
      }
      continue;
    }
    const ch = String.fromCodePoint(text.codePointAt(i)!);
    i += ch.length - 1;
    if (!LETTER.test(ch)) continue;
    letters++;
    if (LATIN.test(ch)) latin++;
  }
  into[0] = letters;
  into[1] = latin;
  return into;
}

/**
 * Why the text is not an attempt at an answer, or undefined when it is one.
 * `text` is what is left once grader-directed spans are blanked.
 */
export function nonAnswer(text: string, tokens: readonly Token[] = tokenize(text)): NonAnswer | undefined {
  return nonAnswerOfTurns([text], [tokens]);
}

/**
 * Why the turns, read as one text (joined by line breaks), are not an attempt at an answer, or undefined
 * when they are one: `nonAnswer` of the joined text and words, without joining them.
 */
export function nonAnswerOfTurns(texts: readonly string[], tokens: readonly (readonly Token[])[]): NonAnswer | undefined {
  let count = 0;
  for (const ts of tokens) count += ts.length;
  if (count === 0) return 'empty';
  const letters: [number, number] = [0, 0];
  for (const text of texts) letterCounts(text, letters);
  if (letters[1] < letters[0] * MIN_LATIN_SHARE) return 'not-english';
  if (count <= NON_ANSWER_MAX_WORDS) {
    const flat = tokens.flatMap((ts) => ts.map((t) => t.norm)).join(' ');
    if (NON_ANSWER.test(flat) || NON_ANSWER.test(texts.join('\n').trim().toLowerCase())) return 'non-answer';
  }
  // Enough distinct content words ends the check early, so a long answer costs little here.
  let content = 0;
  const distinct = new Set<string>();
  for (const ts of tokens) {
    for (const t of ts) {
      const w = t.norm;
      // A one-character ASCII word ("a", "x", "3") says nothing; outside ASCII one character can be a whole word (中, 好).
      if (FUNCTION_WORDS.has(w) || (w.length === 1 && !NON_ASCII.test(w))) continue;
      content++;
      distinct.add(w);
      if (distinct.size >= MIN_CONTENT_WORDS) return undefined;
    }
  }
  return content < MIN_CONTENT_WORDS ? 'too-short' : 'repetitive';
}

/** Fewer different words of its own than this, on the question, and an answer only restates it (policy.json). */
const MIN_OWN_WORDS = POLICY.nonAnswer.minOwnWords;

/**
 * Whether an answer only says the question back, or names its headings: its sentences on the question
 * say fewer than `minOwnWords` different content words (or figures) of their own (`Relevance.own`).
 * An answer with nothing on the question is left to relevance: it is off topic, not a restatement; one
 * whose only sentences on it name its headings without filling them in is a restatement. When
 * the topic model is `sure` the answer is about the question asked, the concepts may have missed most of
 * it (a diagnosis told in the company's own terms): then the whole answer must say too little of its own.
 */
export const restatesQuestion = (r: Pick<Relevance, 'relevantWords' | 'why' | 'own' | 'ownAnywhere'>, sure: boolean): boolean =>
  (r.relevantWords > 0 || r.why.includes('unfilled')) && r.own < MIN_OWN_WORDS && (!sure || r.ownAnywhere < MIN_OWN_WORDS);

/** Whether an answer of any length says the candidate does not know (see `NOT_KNOWING`). */
export const admitsNotKnowing = (a: Analysis): boolean => a.scan.some((text) => NOT_KNOWING.test(text));

/** Below this share of the words in sentences, an answer is a list of terms (policy.json). */
const PROSE_SHARE = POLICY.prose.minShare;

/** Whether the answer is mostly fragments and bare terms rather than sentences someone would say. */
export function isListOfTerms(a: Analysis): boolean {
  return a.proseWords < a.words * PROSE_SHARE;
}
