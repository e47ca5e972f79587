// Splits an answer into sentences and clauses and tells prose from bare lists of words.
import { FUNCTION_WORDS, ABBREVIATIONS } from './lexicon.js';

export interface Sentence {
  /** Which part of the answer (0 = main answer, then probe answers). */
  turn: number;
  start: number;
  end: number;
  words: number;
  /** A sentence someone would say, as opposed to a fragment or a list of terms. */
  prose: boolean;
}

export interface Analysis {
  /** The answer parts as the candidate wrote them (offsets refer to these). */
  turns: string[];
  /** The same texts with grader-directed spans blanked out, same lengths. */
  scan: string[];
  sentences: Sentence[];
  words: number;
  proseWords: number;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’_-]*/gu;

export function countWords(text: string): number {
  let n = 0;
  WORD.lastIndex = 0;
  while (WORD.exec(text)) n++;
  return n;
}

export function words(text: string): string[] {
  return text.match(WORD) ?? [];
}

function isBoundary(text: string, i: number): boolean {
  const c = text[i]!;
  if (c === '\n' || c === ';' || c === '!' || c === '?' || c === '…') return true;
  if (c !== '.') return false;
  const next = text[i + 1];
  if (next !== undefined && !/\s|["'”’)]/.test(next)) return false; // 3.5%, e.g.x, URLs
  const before = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, i - 8), i));
  return !(before && ABBREVIATIONS.has(before[1]!.toLowerCase()));
}

function sentenceAt(text: string, turn: number, start: number, end: number): Sentence | undefined {
  while (start < end && /\s|[-*•>#]/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end <= start) return undefined;
  const body = text.slice(start, end);
  const ws = words(body);
  if (ws.length === 0) return undefined;
  let fn = 0;
  for (const w of ws) if (FUNCTION_WORDS.has(w.toLowerCase().replace(/’/g, "'"))) fn++;
  // A run of short items between commas is a list of terms, even with a word like "my" in front.
  const items = body.split(/,|;|\/|\band\b|\bor\b|·|\|/).filter((p) => /[\p{L}\p{N}]/u.test(p));
  const listy = items.length >= 4 && ws.length / items.length <= 3;
  const prose = ws.length >= 3 && fn >= 1 && !listy;
  return { turn, start, end, words: ws.length, prose };
}

export function segment(text: string, turn: number): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (isBoundary(text, i)) {
      const s = sentenceAt(text, turn, start, i + 1);
      if (s) out.push(s);
      start = i + 1;
    }
  }
  const last = sentenceAt(text, turn, start, text.length);
  if (last) out.push(last);
  return out;
}

/** `scan` is `turns` with grader-directed text blanked; sentences are found in it. */
export function analyse(turns: string[], scan: string[]): Analysis {
  const sentences = scan.flatMap((t, i) => segment(t, i));
  let total = 0;
  let prose = 0;
  for (const s of sentences) {
    total += s.words;
    if (s.prose) prose += s.words;
  }
  return { turns, scan, sentences, words: total, proseWords: prose };
}

const CLAUSE_REACH = 300;
const CLAUSE_BREAK = /[,:;—–()]|\s-\s|\b(?:but|whereas|while|although|though|however)\b/giu;

/** The start and end of the clause around [start, end) inside its sentence. */
export function clauseAround(text: string, sentence: Sentence, start: number, end: number): [number, number] {
  // A clause is looked for within a bounded window, so a run-on answer stays linear.
  let from = Math.max(sentence.start, start - CLAUSE_REACH);
  let to = Math.min(sentence.end, end + CLAUSE_REACH);
  const base = from;
  const body = text.slice(from, to);
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(body); m; m = CLAUSE_BREAK.exec(body)) {
    const at = base + m.index;
    if (at + m[0].length <= start) from = at + m[0].length;
    else if (at >= end) {
      to = at;
      break;
    }
  }
  return [from, to];
}

/** The clause that follows [.., end) in the same sentence, if any. */
export function nextClause(text: string, sentence: Sentence, clauseEnd: number): [number, number] | undefined {
  if (clauseEnd >= sentence.end) return undefined;
  const body = text.slice(clauseEnd, sentence.end);
  const skip = /^(?:[,:;—–()]|\s-\s|\s*\b(?:but|whereas|while|although|though|however)\b)\s*/iu.exec(body);
  const from = clauseEnd + (skip ? skip[0].length : 0);
  const probe: Sentence = { ...sentence, start: from };
  return clauseAround(text, probe, from, from);
}
