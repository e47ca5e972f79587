// Where sentences start in a stretch written or transcribed without punctuation: a small logistic
// model over the words either side of each gap, fitted on punctuated answers with their marks taken
// out (`npm run fit:boundaries`, src/calibration/fit-boundaries.ts).
import { FUNCTION_WORDS, LINKING_WORDS } from './lexicon.js';
import fitted from './boundary-model.json' with { type: 'json' };

/** What the model reads of a word: where it stands and its lower-case form (a text.ts Token is one). */
interface Token {
  start: number;
  end: number;
  norm: string;
}

/**
 * The words the model knows by name: grammar and the words people open sentences with in speech.
 * A closed list written here, not drawn from the answers it was fitted on, so no answer's content
 * words can become a rule; every other word is known only by its class.
 */
export const BOUNDARY_WORDS: ReadonlySet<string> = new Set([
  ...FUNCTION_WORDS,
  ...LINKING_WORDS,
  ...(
    'also just really very more most less all each every some any other another same such only even still ' +
    'first second third fourth finally lastly next now well okay ok yeah yes no right sure honestly basically actually ' +
    'one two three four five number step plus let think want need make look see know mean say guess feel ' +
    "i've we've you've they've you're they're you'd they'd you'll they'll he's she's what's here's there's where's who's " +
    "isn't wasn't weren't haven't hasn't hadn't shouldn't couldn't mustn't"
  ).split(' '),
]);

/** Words that open a sentence in speech, and the words before them that lead into them instead ("and so", "or if"). */
const SPEECH_OPENERS = new Set(
  "i i'd i'm i'll i've we we'd we'll we're we've my our so then also but if that's it's this because".split(' '),
);
const LEADS_ON = new Set(['and', 'or', 'but']);

/** A word's class, for words the model does not know by name. */
function classOf(t: Token | undefined): string {
  if (!t) return '^';
  const c = t.norm.charCodeAt(0);
  if (c >= 48 && c <= 57) return '#';
  return BOUNDARY_WORDS.has(t.norm) ? (FUNCTION_WORDS.has(t.norm) ? 'F' : 'L') : 'W';
}

const nameOf = (t: Token | undefined) => (t && BOUNDARY_WORDS.has(t.norm) ? t.norm : classOf(t));

/** How many words since the last sentence start, in buckets: a sentence of two words is rare, one of forty too. */
export function sinceBucket(since: number): string {
  if (since < 3) return '0';
  if (since < 5) return '3';
  if (since < 8) return '5';
  if (since < 12) return '8';
  if (since < 18) return '12';
  if (since < 26) return '18';
  return '26';
}

/** A dash or an opening bracket between two words: what is left of a list or an aside once the other marks are gone. */
function markBetween(text: string, a: Token, b: Token): string | undefined {
  const gap = text.slice(a.end, b.start);
  if (/[-–—]/u.test(gap)) return 'dash';
  if (/[([]/u.test(gap)) return 'open';
  return undefined;
}

/** The features of the gap before token `k`, `since` words after the last sentence start. */
export function gapFeatures(text: string, tokens: readonly Token[], k: number, since: number): string[] {
  const prev = tokens[k - 1];
  const next = tokens[k];
  const out = [
    'bias',
    `n=${nameOf(next)}`,
    `p=${nameOf(prev)}`,
    `nn=${nameOf(tokens[k + 1])}`,
    `pp=${nameOf(tokens[k - 2])}`,
    `pn=${classOf(prev)}|${classOf(next)}`,
    `len=${sinceBucket(since)}`,
  ];
  // The last letters of a word the model does not know tell a little of what it is: "-ed", "-ly", "-ng", "-ty", "-es".
  if (prev && classOf(prev) === 'W') out.push(`ps=${prev.norm.slice(-2)}`);
  if (next && classOf(next) === 'W') out.push(`ns=${next.norm.slice(-2)}`);
  if (prev && next && BOUNDARY_WORDS.has(prev.norm) && BOUNDARY_WORDS.has(next.norm)) out.push(`pw=${prev.norm}|${next.norm}`);
  if (next && BOUNDARY_WORDS.has(next.norm)) out.push(`nl=${next.norm}|${sinceBucket(since)}`);
  // Where speech usually starts a sentence: a subject or a linking word after a word that does not lead into it.
  if (prev && next && SPEECH_OPENERS.has(next.norm) && !FUNCTION_WORDS.has(prev.norm) && !LEADS_ON.has(prev.norm)) out.push('opener');
  const mark = prev && next ? markBetween(text, prev, next) : undefined;
  if (mark) out.push(`mark=${mark}`);
  return out;
}

export interface BoundaryModel {
  version: number;
  /** The probability above which a gap starts a sentence. */
  threshold: number;
  /** The fewest words a sentence split off has. */
  minWords: number;
  weights: Record<string, number>;
}

export const BOUNDARY_MODEL: BoundaryModel = fitted;

/** The probability that a sentence starts at token `k`. */
export function boundaryProbability(model: BoundaryModel, text: string, tokens: readonly Token[], k: number, since: number): number {
  let z = 0;
  for (const f of gapFeatures(text, tokens, k, since)) z += model.weights[f] ?? 0;
  return 1 / (1 + Math.exp(-z));
}

/** How many words ahead a start is compared with: a likelier start one or two words on is the better cut. */
const LOOK_AHEAD = 2;

/**
 * Whether a sentence starts at token `k`: the model finds a start there at least `threshold` likely, and
 * none likelier in the next words before token `end` ("… expand slowly | i would …", not "… expand |
 * slowly i would …").
 */
export function startsSentence(
  model: BoundaryModel,
  text: string,
  tokens: readonly Token[],
  k: number,
  since: number,
  threshold: number,
  end = tokens.length,
): boolean {
  const p = boundaryProbability(model, text, tokens, k, since);
  if (p < threshold) return false;
  for (let d = 1; d <= LOOK_AHEAD && k + d < end; d++) if (boundaryProbability(model, text, tokens, k + d, since + d) > p) return false;
  return true;
}
