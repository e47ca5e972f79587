// The lookahead put in front of a pattern that opens with a lookbehind changes none of its matches,
// and patterns it cannot read, or does not need, are left as written.
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/scenario/catalog.js';
import { withFirstChars } from '../../src/scoring/rubric/first-chars.js';
import { generatedText, seeded } from '../support/generated-answers.js';

const matches = (source: string, text: string) => [...text.matchAll(new RegExp(source, 'giu'))].map((m) => [m.index, m[0]]);

/** Patterns as the scorer compiles them: the author's pattern, then the end of a word. */
const compiled = (p: string) => `(?:(?:${p}))(?![\\p{L}\\p{N}])`;

const PATTERNS = [
  // The shipped "term: definition" shape, and others that open with a lookbehind.
  String.raw`(?<![\p{L}\p{N},'’]\s*)(?:[^\s:;.!?]+\s+){0,7}[^\s:;.!?]+\s*:`,
  String.raw`(?<!\d)(?:per|each) (?:week|user)s?`,
  String.raw`(?<=\s)[A-Z]{2,}|(?<!\w)\d+%`,
  String.raw`(?<![a-z])(?:x?y+|z{2,3})?q`,
  String.raw`(?<!no )(?<named>churn|retention)\b`,
  String.raw`(?<![\p{L}])(?:\p{Lu}\p{Ll}+|[€$£]\s?\d)`,
];

describe('the first characters of a pattern', () => {
  it('finds the same matches with the lookahead as without, on generated answers', () => {
    const rand = seeded(11);
    const pool = loadCatalog().flatMap((s) => s.scenario.questions.flatMap((q) => [q.example, ...q.exemplars.map((e) => e.text)]));
    const texts = Array.from({ length: 200 }, () => generatedText(rand, pool, ['churn: the share who leave', 'XYZ', '12%'], 6));
    // Runs of spaces, as blanked sentences leave them.
    texts.push(`Definition:${' '.repeat(500)}churn rate: users lost`, 'per week per users each user €5 $ 3');
    for (const p of PATTERNS) {
      const source = compiled(p);
      const faster = withFirstChars(source);
      expect(faster, p).not.toBe(source);
      for (const text of texts) expect(matches(faster, text), `${p} on ${text}`).toEqual(matches(source, text));
    }
  });

  it('leaves a pattern that does not open with a lookbehind as it is: the engine finds its first characters itself', () => {
    for (const p of [String.raw`\d+(?:[.,]\d+)?\s*%`, String.raw`(?:early|openly|proactive\w*)`])
      expect(withFirstChars(compiled(p))).toBe(compiled(p));
  });

  it('leaves a pattern it cannot read, or that can match nothing at all, as it is', () => {
    for (const p of [
      String.raw`(?<!a)(b)\1`,
      String.raw`(?<!a)\k<x>(?<x>b)`,
      String.raw`(?<!a)b*`,
      String.raw`(?<!a)(?:b|)`,
      '(?<!a)b{0,2}',
    ])
      expect(withFirstChars(p), p).toBe(p);
  });
});
