// Measures an answer's reasoning from its sentences: the features the fitted model weighs.
import { CUES, METRIC_SHAPES, PLAN, SITUATED, VAGUE, type CueId } from './cues.js';
import type { Analysis } from './text.js';

export const FEATURES = [
  'rubric',
  'coverage',
  'penalty',
  'length',
  'shapes',
  'numbers',
  'commitment',
  'definition',
  'reason',
  'contrast',
  'mechanism',
  'evidence',
  'scaffold',
  'generic',
  'concrete',
  'enumeration',
  'questions',
  'reasoned',
  'situated',
  'plan',
] as const;
export type FeatureId = (typeof FEATURES)[number];

export const FEATURE_LABELS: Record<FeatureId, string> = {
  rubric: 'rubric criteria met',
  coverage: 'rubric signals found',
  penalty: 'rubric anti-patterns',
  length: 'length',
  shapes: 'metrics by their shape',
  numbers: 'numbers and thresholds',
  commitment: CUES.commitment.label,
  definition: CUES.definition.label,
  reason: CUES.reason.label,
  contrast: CUES.contrast.label,
  mechanism: CUES.mechanism.label,
  evidence: CUES.evidence.label,
  scaffold: CUES.scaffold.label,
  generic: 'management words, nothing specific',
  situated: 'situated reasoning (if we…, we saw…)',
  plan: "concrete steps (I'd check…, we'd pay…)",
  concrete: 'specifics: figures, names, examples',
  enumeration: 'items listed without reasons',
  questions: 'questions instead of answers',
  reasoned: 'sentences that reason',
};

export type Features = Record<FeatureId, number>;

/** Where a feature was seen, for the explanation: a sentence and the words in it. */
export interface FeatureHit {
  feature: FeatureId;
  sentence: number;
  turn: number;
  start: number;
  end: number;
}

/** Counts saturate here: a third reason adds less than the first, a tenth adds nothing. */
const SATURATE: Partial<Record<FeatureId, number>> = {
  shapes: 3,
  numbers: 4,
  commitment: 1,
  definition: 2,
  reason: 3,
  contrast: 2,
  mechanism: 3,
  evidence: 2,
};

const NUMBER =
  /(?:[₹$€£]\s?)?\b\d[\d,.]*\s*(?:%|x\b|k\b|m\b|bn\b|pp\b|percent\b|points\b|million\b|billion\b|days?\b|weeks?\b|months?\b|hours?\b|minutes?\b)?|\b(?:two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty|fifty|hundreds?|thousands?|millions?|billions?|crores?|lakhs?|half|twice|double|triple|a third|a quarter)\b(?=\s+(?:of\s+)?[\p{L}%])/giu;
const OPENING_DEFINITION = /^\s*[^:;.!?]{3,60}:(?=\s)/u;
const SEQUENCE_START = /^\s*(?:firstly|secondly|thirdly|fourthly|fifthly|lastly|finally|additionally|also|another|next|then|furthermore|moreover|\d+[.)]|[-*•])\s*/iu;
const ITEM_BREAK = /\s*(?:,|;|\band\b|\bor\b)\s*/giu;
/** Words that are only numbering, not figures: "1." at a list item's start. */
const LIST_NUMBER = /^\s*\d+[.)]\s/u;
/** A capitalised word inside a sentence (a name, a product, a market), or an acronym such as UPI. */
const PROPER = /(?<![.!?:]\s)(?<=\s)(?:\p{Lu}\p{Ll}+|\p{Lu}{2,6}s?)\b(?!['’]t)/u;
const FIRST_WORD = /^\s*\S+/u;
const QUOTED = /["“][^"”]{3,60}["”]/u;

/** A count on a log scale reaching 1 at `at`: the first reasons count most, and more keep counting a little. */
const REASONING = new Set<FeatureId>(['reason', 'contrast', 'definition', 'mechanism', 'evidence']);
const saturate = (n: number, at: number) => Math.min(1, Math.log1p(n) / Math.log1p(at));

export function extractFeatures(a: Analysis, rubric: { attained: number; coverage: number; penalty: number }): { features: Features; hits: FeatureHit[] } {
  const hits: FeatureHit[] = [];
  const counts: Record<string, number> = {};
  const shapeKeys = new Set<string>();
  let scaffold = 0;
  let enumeration = 0;
  let questions = 0;
  let numbers = 0;
  let generic = 0;
  let concrete = 0;
  let reasoned = 0;
  let situated = 0;
  let plan = 0;
  const sentences = a.sentences.filter((s) => s.words > 0);
  for (let i = 0; i < a.sentences.length; i++) {
    const s = a.sentences[i]!;
    const text = a.scan[s.turn]!.slice(s.start, s.end);
    const hit = (feature: FeatureId, m: RegExpExecArray) =>
      hits.push({ feature, sentence: i, turn: s.turn, start: s.start + m.index, end: s.start + m.index + m[0].length });
    for (const shape of METRIC_SHAPES) {
      shape.pattern.lastIndex = 0;
      for (let m = shape.pattern.exec(text); m; m = shape.pattern.exec(text)) {
        const key = m[0].toLowerCase().replace(/\s+/g, ' ');
        if (!shapeKeys.has(key)) {
          shapeKeys.add(key);
          hit('shapes', m);
        }
      }
    }
    // An answer that opens by naming a metric and defining it ("Payment success rate: the share of…") commits to it.
    if (i === 0 && s.turn === 0) {
      const m = OPENING_DEFINITION.exec(text);
      if (m && hits.some((h) => h.sentence === 0 && h.feature === 'shapes')) {
        hit('commitment', m);
        counts.commitment = 1;
      }
    }
    for (const id of Object.keys(CUES) as CueId[]) {
      const re = CUES[id].pattern;
      re.lastIndex = 0;
      const m = re.exec(text);
      if (!m) continue;
      hit(id, m);
      if (id === 'scaffold') scaffold++;
      else if (!(id === 'commitment' && i === 0 && counts.commitment)) counts[id] = (counts[id] ?? 0) + 1;
    }
    NUMBER.lastIndex = 0;
    const body = text.replace(LIST_NUMBER, (x) => ' '.repeat(x.length));
    for (let m = NUMBER.exec(body); m; m = NUMBER.exec(body)) {
      numbers++;
      hit('numbers', m);
    }
    if (hits.some((h) => h.sentence === i && REASONING.has(h.feature))) reasoned++;
    if (/\?\s*$/u.test(text)) questions++;
    const specific = hits.length > 0 && hits[hits.length - 1]!.sentence === i && hits.some((h) => h.sentence === i && (h.feature === 'numbers' || h.feature === 'shapes'));
    const named = PROPER.test(text.replace(FIRST_WORD, '')) || QUOTED.test(text);
    if (specific || named) concrete++;
    VAGUE.lastIndex = 0;
    while (VAGUE.exec(text)) generic++;
    SITUATED.lastIndex = 0;
    if (SITUATED.test(text)) situated++;
    PLAN.lastIndex = 0;
    if (PLAN.test(text)) plan++;
    // A sentence that lists: a sequence word at its start, or three or more short items with no reason.
    const items = text.split(ITEM_BREAK).filter((x) => x.trim()).length;
    const because = CUES.reason.pattern.test(text);
    CUES.reason.pattern.lastIndex = 0;
    if (!because && (SEQUENCE_START.test(text) || (items >= 4 && s.words / items <= 4))) enumeration++;
  }
  const n = Math.max(1, sentences.length);
  const words = a.words;
  const features: Features = {
    rubric: rubric.attained,
    coverage: rubric.coverage,
    penalty: rubric.penalty / 100,
    length: Math.max(-2, Math.min(2, Math.log(Math.max(words, 1) / 150))),
    shapes: saturate(shapeKeys.size, SATURATE.shapes!),
    numbers: saturate(numbers, SATURATE.numbers!),
    commitment: saturate(counts.commitment ?? 0, SATURATE.commitment!),
    definition: saturate(counts.definition ?? 0, SATURATE.definition!),
    reason: saturate(counts.reason ?? 0, SATURATE.reason!),
    contrast: saturate(counts.contrast ?? 0, SATURATE.contrast!),
    mechanism: saturate(counts.mechanism ?? 0, SATURATE.mechanism!),
    evidence: saturate(counts.evidence ?? 0, SATURATE.evidence!),
    scaffold: Math.min(1, scaffold / n),
    generic: Math.min(1, (10 * generic) / Math.max(words, 1)),
    situated: saturate(situated, 6),
    plan: saturate(plan, 5),
    concrete: concrete / n,
    enumeration: Math.min(1, enumeration / n),
    questions: questions / n,
    reasoned: saturate(reasoned, 8),
  };
  return { features, hits };
}
