// Finds what must not be graded as an answer: text aimed at the grader, and non-answers.
import { FUNCTION_WORDS, GRADER_DIRECTED, NON_ANSWER } from './lexicon.js';
import { tokenize, type Token } from './text.js';

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

/** Fewer different content words than this is not an attempt at an answer. */
const MIN_CONTENT_WORDS = 4;

export type NonAnswer = 'empty' | 'non-answer' | 'too-short' | 'repetitive';

/**
 * Why the text is not an attempt at an answer, or undefined when it is one.
 * `text` is what is left once grader-directed spans are blanked.
 */
export function nonAnswer(text: string, tokens: readonly Token[] = tokenize(text)): NonAnswer | undefined {
  if (tokens.length === 0) return 'empty';
  if (tokens.length <= 12) {
    const flat = tokens.map((t) => t.norm).join(' ');
    if (NON_ANSWER.test(flat) || NON_ANSWER.test(text.trim().toLowerCase())) return 'non-answer';
  }
  // Enough distinct content words ends the check early, so a long answer costs little here.
  let content = 0;
  const distinct = new Set<string>();
  for (const t of tokens) {
    const w = t.norm;
    if (FUNCTION_WORDS.has(w) || (w.length === 1 && !/[^\x00-\x7f]/.test(w))) continue;
    content++;
    distinct.add(w);
    if (distinct.size >= MIN_CONTENT_WORDS) return undefined;
  }
  return content < MIN_CONTENT_WORDS ? 'too-short' : 'repetitive';
}
