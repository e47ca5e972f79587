// What an interviewer's question is about: which question family it belongs to, read with the
// scorer's own text analysis (words, stems, alternatives), so rewordings are recognised.
import { PhraseIndex, type Span } from '../text/phrases.js';
import { tokenize } from '../text/text.js';

/** One way a family's question shows itself: every part must occur in the question. */
interface Cue {
  parts: number[];
  /** A weak cue ("~ what now") counts half: it asks for a kind of answer more than it names a topic. */
  weight: number;
}

export interface IntentFamily<T> {
  family: string;
  /** The rubric's `detect` entries: phrases, or "a + b" for phrases that must occur together. */
  detect: readonly string[];
  value: T;
}

export interface Intent<T> {
  family: string;
  value: T;
  /** How many of the family's cues the question shows. */
  hits: number;
  /** The runner-up's hits: a question that shows two families about equally is not decided. */
  margin: number;
}

/**
 * Every family's cues in one phrase index, so a question is read once whatever the number of
 * families. Build it once per run and reuse it.
 */
export class IntentReader<T> {
  private readonly index = new PhraseIndex();
  private readonly cues: { family: IntentFamily<T>; cues: Cue[] }[];

  constructor(families: readonly IntentFamily<T>[]) {
    this.cues = families.map((family) => ({
      family,
      cues: family.detect.map((d) => {
        const weak = /^~\s*/.exec(d);
        const body = weak ? d.slice(weak[0].length) : d;
        return { parts: body.split(/\s+\+\s+/).map((part) => this.index.add([part])), weight: weak ? 0.5 : 1 };
      }),
    }));
  }

  /** Every family the question shows at least one cue of, with how many and where they are, most first. */
  scores(question: string): { family: string; value: T; hits: number; spans: Span[] }[] {
    const tokens = tokenize(question);
    const found = this.index.find(question, tokens);
    return this.cues
      .map(({ family, cues }) => {
        const shown = cues.filter((c) => c.parts.every((p) => found[p]!.length > 0));
        return {
          family: family.family,
          value: family.value,
          hits: shown.reduce((n, c) => n + c.weight, 0),
          spans: shown.flatMap((c) => c.parts.flatMap((p) => found[p]!)),
        };
      })
      .filter((r) => r.hits > 0)
      .sort((a, b) => b.hits - a.hits);
  }

  /** The family the question shows most clearly, when one does. */
  read(question: string): Intent<T> | undefined {
    const [best, ...rest] = this.scores(question);
    if (!best) return undefined;
    // Two rubrics of one family are not rivals: only another family's cues make the question unclear.
    const next = rest.find((r) => r.family !== best.family);
    const margin = best.hits - (next?.hits ?? 0);
    // Two families shown equally: the question is about both or neither; do not guess.
    if (margin === 0) return undefined;
    return { family: best.family, value: best.value, hits: best.hits, margin };
  }
}
