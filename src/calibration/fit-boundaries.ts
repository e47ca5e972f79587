// Fitting the sentence-boundary model (src/text/boundaries.ts) on punctuated answers: each answer's
// marks and capitals are taken out, and the model learns to put back where its sentences started.
import { gapFeatures, type BoundaryModel } from '../text/boundaries.js';
import { isRunOn, markedSentences, firstTokenAt, speechUnits, tokenize } from '../text/text.js';

/** A punctuated text to learn from, and the group (its source) that keeps it in one fold. */
export interface BoundaryText {
  text: string;
  group: string;
}

interface GapExample {
  features: string[];
  start: boolean;
  group: string;
}

/** The answer as speech transcription gives it: lower case, no marks at the ends of words, one line. */
export function withoutMarks(text: string): string {
  return text
    .toLowerCase()
    .replace(/[.,;:!?]+(?=\s|$)/gu, '')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** The same, with dashes, brackets and quotes gone too: what a speech recogniser writes. */
export function asSpoken(text: string): string {
  return withoutMarks(text)
    .replace(/(?<=\s|^)[-–—•*>()[\]"“”]+|[-–—()[\]"“”]+(?=\s|$)/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

/**
 * Where the sentences of a punctuated text start, as word indices, and which words lie in a stretch
 * that has no marks to tell (those gaps teach nothing). Undefined when taking marks out changes the words.
 */
function truth(text: string, copy: string): { starts: Set<number>; unknown: Set<number> } | undefined {
  const tokens = tokenize(text);
  if (tokenize(copy).length !== tokens.length) return undefined;
  const starts = new Set<number>();
  const unknown = new Set<number>();
  for (const s of markedSentences(text, 0, tokens)) {
    const first = firstTokenAt(tokens, s.start);
    starts.add(first);
    if (isRunOn(text, s)) for (let k = first + 1; k < first + s.words; k++) unknown.add(k);
  }
  return { starts, unknown };
}

/** Every gap between two words of each text's unmarked copies, with whether a sentence started there. */
export function gapExamples(texts: readonly BoundaryText[]): GapExample[] {
  const out: GapExample[] = [];
  for (const { text, group } of texts) {
    for (const copy of [withoutMarks(text), asSpoken(text)]) {
      const known = truth(text, copy);
      if (!known) continue;
      const tokens = tokenize(copy);
      let last = 0;
      for (let k = 1; k < tokens.length; k++) {
        const start = known.starts.has(k);
        if (!known.unknown.has(k)) out.push({ features: gapFeatures(copy, tokens, k, k - last), start, group });
        if (start) last = k;
      }
    }
  }
  return out;
}

/** Logistic regression with an L2 penalty, by AdaGrad over the examples in a fixed order: the same weights every run. */
export function fitGaps(examples: readonly GapExample[], lambda: number, epochs = 30): Record<string, number> {
  const w = new Map<string, number>();
  const g2 = new Map<string, number>();
  const rate = 0.5;
  for (let e = 0; e < epochs; e++) {
    for (const x of examples) {
      let z = 0;
      for (const f of x.features) z += w.get(f) ?? 0;
      const p = 1 / (1 + Math.exp(-z));
      const err = p - (x.start ? 1 : 0);
      for (const f of x.features) {
        const wi = w.get(f) ?? 0;
        const g = err + (f === 'bias' ? 0 : (lambda * wi) / examples.length);
        const acc = (g2.get(f) ?? 0) + g * g;
        g2.set(f, acc);
        w.set(f, wi - (rate * g) / Math.sqrt(acc + 1e-8));
      }
    }
  }
  // Weights that move no decision are left out of the shipped file.
  return Object.fromEntries(
    [...w]
      .filter(([, v]) => Math.abs(v) >= 0.005)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([f, v]) => [f, Math.round(v * 1000) / 1000]),
  );
}

export interface SplitTally {
  found: number;
  wrong: number;
  missed: number;
}

/** How well the model puts sentence starts back into each text's spoken copy, split the way `segment` splits a run-on stretch. */
export function splitTally(model: BoundaryModel, texts: readonly BoundaryText[]): SplitTally {
  const t: SplitTally = { found: 0, wrong: 0, missed: 0 };
  for (const { text } of texts) {
    for (const copy of [withoutMarks(text), asSpoken(text)]) {
      const known = truth(text, copy);
      if (!known) continue;
      const tokens = tokenize(copy);
      // Split as `segment` splits a run-on stretch, with this model.
      const guessed = new Set(speechUnits(copy, 0, tokens, model.threshold, model).map((u) => firstTokenAt(tokens, u.start)));
      for (let k = 1; k < tokens.length; k++) {
        if (known.unknown.has(k)) continue;
        const real = known.starts.has(k);
        if (real && guessed.has(k)) t.found++;
        else if (real) t.missed++;
        else if (guessed.has(k)) t.wrong++;
      }
    }
  }
  return t;
}

export const f1Of = (t: SplitTally) => (2 * t.found) / (2 * t.found + t.wrong + t.missed || 1);
