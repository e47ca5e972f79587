// Fillers and stutters in a spoken answer: counted for delivery, and blanked before an answer is read, so they neither cost nor earn points.
import { POLICY } from '../policy/policy.js';
import { tokenize, type Token } from './text.js';

/** A filler or a stutter: offsets into the text, and what it is ("um", "you know", or the word said twice). */
export interface FillerSpan {
  start: number;
  end: number;
  filler: string;
}

const D = POLICY.disfluency;

/** Letters said longer are written twice or more: "ummm" and "um" are one sound. */
const squeeze = (w: string) => w.replace(/(\p{L})\1+/gu, '$1');

/** The hesitation sounds by their squeezed form, in the policy's order: a drawn-out form is named by the first of them. */
const SOUNDS = new Map<string, string[]>();
for (const s of D.sounds) SOUNDS.set(squeeze(s), [...(SOUNDS.get(squeeze(s)) ?? []), s]);
const NOT_SOUNDS = new Set(D.notSounds);
const ADVERBS = new Set(D.adverbs);
const MARKERS = D.markers.map((name) => ({ name, words: name.toLowerCase().split(' ') }));
/** The markers by their first word, each list in the policy's order: most words start none. */
const MARKERS_BY_FIRST = new Map<string, typeof MARKERS>();
for (const m of MARKERS) MARKERS_BY_FIRST.set(m.words[0]!, [...(MARKERS_BY_FIRST.get(m.words[0]!) ?? []), m]);
const OPENS_CLAUSE = new Set(D.opensClause);
const COMMA_BEFORE = new Set(D.commaBefore);
const REPEATABLE = new Set(D.repeatable);

/** The letters a sound starts with: most words start with none of them and are never squeezed. */
const SOUND_HEADS = new Set(D.sounds.map((s) => s[0]!.toLowerCase()));

/** The letters sounds are made of: a word with any other letter is no sound, and is never squeezed. */
const SOUND_LETTERS = new Set([...D.sounds.join('').toLowerCase()].map((c) => c.codePointAt(0)!));
/** Read by code point, without the string iterator: most words tested start like a sound ("users", "every"). */
const madeOfSoundLetters = (word: string) => {
  for (let i = 0; i < word.length; i++) {
    const c = word.codePointAt(i)!;
    if (!SOUND_LETTERS.has(c)) return false;
    if (c > 0xffff) i++;
  }
  return true;
};

/** The sound a word is, drawn out or not: "ummm" → "um", "hm" → "hmm". */
function soundOf(word: string): string | undefined {
  if (!SOUND_HEADS.has(word[0]!) || NOT_SOUNDS.has(word) || !madeOfSoundLetters(word)) return undefined;
  return SOUNDS.get(squeeze(word))?.[0];
}

/** What stands between two words: a sentence end, a comma or dash, a bracket, or only space. */
type Mark = 'end' | 'comma' | 'open' | 'close' | 'space';

function markOf(gap: string): Mark {
  if (/[.!?;:…]|\n\s*\n/u.test(gap)) return 'end';
  // A hyphen is a dash only with a space beside it: "like-minded" is one word.
  if (/[,—–]|\s-|-\s/u.test(gap)) return 'comma';
  if (/[([{]/.test(gap)) return 'open';
  if (/[)\]}]/.test(gap)) return 'close';
  return 'space';
}

/** Whether a marker's words stand where a clause starts or after a comma, as a marker set off from its sentence does. */
function setOffBefore(text: string, tokens: readonly Token[], i: number): 'start' | 'comma' | undefined {
  // "I I mean," opens its clause as "I mean," does: what counts is what stands before the first copy.
  let first = i;
  while (first > 0 && stutters(text, tokens[first - 1]!, tokens[first]!)) first--;
  const prev = tokens[first - 1];
  const mark = markOf(text.slice(prev?.end ?? 0, tokens[first]!.start));
  if (!prev || mark === 'end' || mark === 'open') return 'start';
  if (mark === 'comma') return 'comma';
  return OPENS_CLAUSE.has(prev.norm) ? 'start' : undefined;
}

function setOffAfter(text: string, tokens: readonly Token[], j: number): 'comma' | 'end' | undefined {
  const next = tokens[j + 1];
  const mark = markOf(text.slice(tokens[j]!.end, next?.start ?? text.length));
  if (!next || mark === 'end' || mark === 'close') return 'end';
  return mark === 'comma' ? 'comma' : undefined;
}

/** How many words from token i a discourse marker covers when it is set off as a filler, and its name. */
function markerAt(text: string, tokens: readonly Token[], i: number): { name: string; length: number } | undefined {
  const markers = MARKERS_BY_FIRST.get(tokens[i]!.norm);
  if (!markers) return undefined;
  for (const m of markers) {
    const j = i + m.words.length - 1;
    if (j >= tokens.length) continue;
    // Its first word is this one's (MARKERS_BY_FIRST): the others are compared, most often the second fails.
    let same = true;
    for (let k = 1; same && k < m.words.length; k++) same = tokens[i + k]!.norm === m.words[k];
    if (!same) continue;
    // The words of "you know" said as one phrase, nothing but space between them.
    if (!m.words.every((_, k) => k === 0 || /^\s+$/.test(text.slice(tokens[i + k - 1]!.end, tokens[i + k]!.start)))) continue;
    const before = setOffBefore(text, tokens, i);
    const after = setOffAfter(text, tokens, j);
    if ((before && after === 'comma') || (before === 'comma' && after === 'end')) return { name: m.name, length: m.words.length };
  }
  return undefined;
}

/** "5 mm" is a length. */
const isUnit = (text: string, tokens: readonly Token[], i: number, sound: string) =>
  sound === 'mm' && i > 0 && /^\d/.test(tokens[i - 1]!.norm) && /^\s*$/.test(text.slice(tokens[i - 1]!.end, tokens[i]!.start));

function fillersIn(text: string, tokens: readonly Token[]): FillerSpan[] {
  const out: FillerSpan[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const sound = soundOf(t.norm);
    if (sound && !isUnit(text, tokens, i, sound)) out.push({ start: t.start, end: t.end, filler: sound });
    else if (ADVERBS.has(t.norm)) out.push({ start: t.start, end: t.end, filler: t.norm });
    else {
      const m = markerAt(text, tokens, i);
      if (!m) continue;
      out.push({ start: t.start, end: tokens[i + m.length - 1]!.end, filler: m.name });
      i += m.length - 1;
    }
  }
  return out;
}

/** The fillers a listener hears: hesitation sounds, empty adverbs, and discourse markers set off from their sentence. */
export function fillerSpans(text: string): FillerSpan[] {
  return fillersIn(text, tokenize(text));
}

/** Where a comma, dash or ellipsis right after `at` ends, if one is there. */
function markAfter(text: string, at: number): { end: number; ellipsis: boolean } | undefined {
  let k = at;
  while (k < text.length && /\s/.test(text[k]!)) k++;
  const c = text[k];
  if (c === ',' || c === '—' || c === '–') return { end: k + 1, ellipsis: false };
  if (c === '…') return { end: k + 1, ellipsis: true };
  if (text.startsWith('...', k)) return { end: k + 3, ellipsis: true };
  if (c !== '-') return undefined;
  let d = k;
  while (text[d] === '-') d++;
  // A hyphen joined to the next word makes one word ("um-hm"), not a dash.
  return d >= text.length || /\s/.test(text[d]!) ? { end: d, ellipsis: false } : undefined;
}

/** Where a comma, dash or ellipsis right before `at` starts, if one is there. */
function markBefore(text: string, at: number): number | undefined {
  let k = at;
  while (k > 0 && /\s/.test(text[k - 1]!)) k--;
  const c = text[k - 1];
  if (c === ',' || c === '—' || c === '–' || c === '…') return k - 1;
  if (text.endsWith('...', k)) return k - 3;
  if (c !== '-') return undefined;
  let d = k - 1;
  while (d > 0 && text[d - 1] === '-') d--;
  return d === 0 || /\s/.test(text[d - 1]!) ? d : undefined;
}

const NEXT_WORD = /\s*([\p{L}\p{N}'’]*)/uy;
const SENTENCE_END = /\s*(?:[.!?;:]|$)/y;

function nextWord(text: string, at: number): string {
  NEXT_WORD.lastIndex = at;
  return NEXT_WORD.exec(text)?.[1] ?? '';
}

/**
 * A filler with the punctuation that set it off, so that blanking it leaves the sentence as if it
 * was never said: "we should not, um, ship" reads "we should not ship", one clause, not two. The
 * comma before stays when the next word takes one ("fell, um, so we"), and an ellipsis before a
 * capital ends the sentence, so it stays too.
 */
function withMarks(text: string, f: FillerSpan): FillerSpan {
  const after = markAfter(text, f.end);
  const next = nextWord(text, after?.end ?? f.end);
  const takesAfter = !!after && !(after.ellipsis && /^\p{Lu}/u.test(next));
  SENTENCE_END.lastIndex = f.end;
  const endsSentence = !takesAfter && (!!after || SENTENCE_END.test(text));
  const before = markBefore(text, f.start);
  const takesBefore = before !== undefined && (endsSentence || (takesAfter && !COMMA_BEFORE.has(next.toLowerCase())));
  return { start: takesBefore ? before : f.start, end: takesAfter ? after.end : f.end, filler: f.filler };
}

/** Between two copies of a word: space, or a comma or dash with it ("we, we", "we- we"); never a sentence end or a hyphen inside a word ("so-so"). */
const STUTTER_GAP = /^(?:\s+|\s*[,—–]\s*|-+\s+|\s+-+\s+)$/u;

/** The longest phrase a speaker restarts that is read past: "I would, I would pick". */
const RESTART_WORDS = 4;

/** Whether a word may start a stutter or a restart: a word, not a figure, a filler or one said twice on purpose. */
const repeatable = (t: Token, alone: boolean) => /^\p{L}/u.test(t.norm) && !soundOf(t.norm) && !(alone && REPEATABLE.has(t.norm));

/** Whether word `b` repeats word `a` right before it as a stutter does ("I I mean"). */
function stutters(text: string, a: Token, b: Token): boolean {
  if (a.norm !== b.norm) return false;
  const gap = text.slice(a.end, b.start);
  return repeatable(a, true) && STUTTER_GAP.test(gap) && !/\n\s*\n/.test(gap);
}

/** The text between two places with the fillers in it blanked: what a listener hears between two words. */
function heardBetween(text: string, from: number, to: number, fillers: readonly FillerSpan[]): string {
  let gap = text.slice(from, to);
  for (const f of fillers) {
    const a = Math.max(f.start, from);
    const b = Math.min(f.end, to);
    if (a < b) gap = gap.slice(0, a - from) + ' '.repeat(b - a) + gap.slice(b - from);
  }
  return gap;
}

/**
 * Each word or short phrase said twice in a row, fillers aside ("we we", "I would, um, I would"):
 * the first copy, and what stands between the copies, is the disfluency. A phrase is read past only
 * when nothing but spaces, commas or dashes stand between its copies, never a sentence end.
 */
function stuttersIn(text: string, tokens: readonly Token[], fillers: readonly FillerSpan[]): FillerSpan[] {
  const inFiller = (t: Token) => fillers.some((f) => t.start < f.end && t.end > f.start);
  const words = fillers.length ? tokens.filter((t) => !inFiller(t)) : tokens;
  const joined = (a: Token, b: Token) => {
    const gap = heardBetween(text, a.end, b.start, fillers);
    return STUTTER_GAP.test(gap) && !/\n\s*\n/.test(gap);
  };
  const out: FillerSpan[] = [];
  // A word said twice before a filler that starts with it ("I I mean,"): the copies are next to each other.
  for (let i = 0; i + 1 < tokens.length; i++) {
    const a = tokens[i]!;
    const b = tokens[i + 1]!;
    if (stutters(text, a, b)) out.push({ start: a.start, end: b.start, filler: a.norm });
  }
  for (let i = 0; i < words.length; i++) {
    const longest = (words.length - i) >> 1;
    const word = words[i]!.norm;
    for (let n = longest < RESTART_WORDS ? longest : RESTART_WORDS; n >= 1; n--) {
      // Most places repeat nothing: one comparison says so before anything is built.
      if (word !== words[i + n]!.norm) continue;
      let same = true;
      for (let k = 1; same && k < n; k++) same = words[i + k]!.norm === words[i + n + k]!.norm;
      if (!same || !repeatable(words[i]!, n === 1)) continue;
      const first = words.slice(i, i + n);
      const second = words.slice(i + n, i + 2 * n);
      // The words of each copy belong together, and the copies follow one another.
      const together = (copy: Token[]) =>
        copy.every((t, k) => k === 0 || !/[.!?;:\n]/.test(heardBetween(text, copy[k - 1]!.end, t.start, fillers)));
      if (!together(first) || !together(second) || !joined(first[n - 1]!, second[0]!)) continue;
      out.push({ start: first[0]!.start, end: second[0]!.start, filler: first.map((t) => t.norm).join(' ') });
      i += n - 1;
      break;
    }
  }
  return out;
}

/** In text order, none overlapping: where two overlap, the later starts where the earlier ends. */
function apart(spans: FillerSpan[]): FillerSpan[] {
  const out: FillerSpan[] = [];
  let end = 0;
  for (const s of [...spans].sort((a, b) => a.start - b.start || b.end - a.end)) {
    if (s.end <= end) continue;
    out.push(s.start < end ? { ...s, start: end } : s);
    end = s.end;
  }
  return out;
}

/** What the scorer blanks: each filler with the commas that set it off, and the first copy of a stuttered word. */
export function disfluencySpans(text: string, tokens: readonly Token[] = tokenize(text)): FillerSpan[] {
  const fillers = fillersIn(text, tokens).map((f) => withMarks(text, f));
  return apart([...fillers, ...stuttersIn(text, tokens, fillers)]);
}
