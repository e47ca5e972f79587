// What an interviewer's question is about: which question family it belongs to, read with the
// scorer's own text analysis (words, stems, alternatives), so rewordings are recognised.
import { cueOf, PhraseIndex, type Span } from '../text/phrases.js';
import { tokenize, type Token } from '../text/text.js';

/** One way a family's question shows itself: every part must occur in the question. */
interface Cue {
  parts: number[];
  /** A weak cue ("~ what now") counts half: it asks for a kind of answer more than it names a topic. */
  weight: number;
}

/**
 * How many words may stand between the parts of a combination cue ("the north star metric started
 * declining") for one part to be said of the other.
 */
const NEAR = 8;
/** How many words before a phrase may ask for it ("what is the north star", "pick a primary metric"). */
const ASKS_BEFORE = 3;
/** Words that ask for the phrase after them: a phrase asked for is what the question is about, never only its subject. */
const ASKS_FOR = new Set(['what', "what's", 'which', 'pick', 'choose', 'name', 'define', 'select']);

/** The word at or after a character offset. */
function wordAt(tokens: readonly Token[], offset: number): number {
  const i = tokens.findIndex((t) => t.end > offset);
  return i < 0 ? tokens.length : i;
}

/** Spans one after another with only a space or a hyphen between ("north star" "metric") as one phrase. */
function phrases(spans: readonly Span[], text: string): Span[] {
  const out: Span[] = [];
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    const last = out.at(-1);
    if (last && s.start >= last.end && /^[\s-]*$/.test(text.slice(last.end, s.start))) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

export interface IntentFamily<T> {
  family: string;
  /** The rubric's `detect` entries: phrases, or "a + b" for phrases that must occur together. */
  detect: readonly string[];
  /** What the family's questions are about: a cue whose last words are only this, said of by another family's cue, is that cue's subject. */
  topic?: readonly string[];
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
  private readonly cues: { family: IntentFamily<T>; cues: Cue[]; topic?: number }[];

  constructor(families: readonly IntentFamily<T>[]) {
    this.cues = families.map((family) => ({
      family,
      cues: family.detect.map((d) => {
        const { weak, parts } = cueOf(d);
        return { parts: parts.map((part) => this.index.add([part])), weight: weak ? 0.5 : 1 };
      }),
      ...(family.topic ? { topic: this.index.add(family.topic.map((p) => p.replace(/\s\+\s/g, ' '))) } : {}),
    }));
  }

  /**
   * Every family the question shows at least one cue of, with how many and where they are, most first.
   * A cue that only names what another family's cue says something happened to ("the north star
   * metric started declining", "the tree beneath your north star") is that cue's subject, not what
   * the question asks for, and does not count for its own family.
   */
  scores(question: string): { family: string; value: T; hits: number; spans: Span[] }[] {
    const tokens = tokenize(question);
    const found = this.index.find(question, tokens);
    const shown = this.cues.map(({ family, cues, topic }) => ({
      family,
      topic,
      cues: cues.filter((c) => c.parts.every((p) => found[p]!.length > 0)),
    }));
    const subjects = this.subjects(question, tokens, found, shown);
    return shown
      .map(({ family, cues, topic }) => {
        const said = subjects.filter((s) => s.family !== family.family).map((s) => s.span);
        const about = topic === undefined ? [] : found[topic]!;
        const asked = cues.filter((c) => !this.isSubject(c, found, said, about, tokens));
        return {
          family: family.family,
          value: family.value,
          hits: asked.reduce((n, c) => n + c.weight, 0),
          spans: asked.flatMap((c) => c.parts.flatMap((p) => found[p]!)),
        };
      })
      .filter((r) => r.hits > 0)
      .sort((a, b) => b.hits - a.hits);
  }

  /**
   * What each family's combination cues are said of: for each span of one part, the nearest span of
   * another part within NEAR words ("declining" is said of "the north star metric").
   */
  private subjects(
    text: string,
    tokens: readonly Token[],
    found: Span[][],
    shown: readonly { family: IntentFamily<T>; cues: Cue[] }[],
  ): { family: string; span: Span }[] {
    const out: { family: string; span: Span }[] = [];
    const words = (s: Span) => [wordAt(tokens, s.start), wordAt(tokens, s.end - 1)] as const;
    const apart = (a: Span, b: Span) => {
      const [a0, a1] = words(a);
      const [b0, b1] = words(b);
      return a1 < b0 ? b0 - a1 - 1 : b1 < a0 ? a0 - b1 - 1 : 0;
    };
    for (const { family, cues } of shown)
      for (const cue of cues) {
        if (cue.parts.length < 2) continue;
        const parts = cue.parts.map((p) => phrases(found[p]!, text));
        parts.forEach((spans, i) =>
          parts.forEach((others, j) => {
            if (i === j) return;
            for (const other of others) {
              const nearest = spans.reduce<Span | undefined>(
                (best, s) => (!best || apart(s, other) < apart(best, other) ? s : best),
                undefined,
              );
              if (nearest && apart(nearest, other) <= NEAR && !overlaps(nearest, other)) out.push({ family: family.family, span: nearest });
            }
          }),
        );
      }
    return out;
  }

  /**
   * Whether every place the cue shows ends in the family's own topic ("key metric"), that topic is
   * what another family's cue is said of, and nothing asks for it.
   */
  private isSubject(cue: Cue, found: Span[][], said: readonly Span[], topic: readonly Span[], tokens: readonly Token[]): boolean {
    if (!said.length || !topic.length) return false;
    const endsIn = (spans: readonly Span[], s: Span) => spans.some((t) => t.start < s.end && t.end >= s.end);
    return cue.parts.every((p) =>
      found[p]!.every((s) => {
        const head = endsIn(said, s) && endsIn(topic, s);
        const at = wordAt(tokens, s.start);
        const asked = tokens.slice(Math.max(0, at - ASKS_BEFORE), wordAt(tokens, s.end)).some((t) => ASKS_FOR.has(t.norm));
        return head && !asked;
      }),
    );
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

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
