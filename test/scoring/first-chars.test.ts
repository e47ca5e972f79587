// The lookahead put in front of a pattern that opens with a lookbehind changes none of its matches,
// and patterns it cannot read, or does not need, are left as written.
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/scenario/catalog.js';
import { requiredLiterals, requiredPattern, withFirstChars } from '../../src/scoring/rubric/first-chars.js';
import { join } from 'node:path';
import { loadLibrary } from '../../src/scenario/load.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
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

/** Every regular expression the shipped rubrics write, as lexicon terms or patterns. */
function shippedPatterns(): string[] {
  const out = new Set<string>();
  const add = (m: { terms?: string[]; pattern?: string } | undefined) => {
    for (const t of m?.terms ?? []) if (t.length > 2 && t.startsWith('/') && t.endsWith('/')) out.add(t.slice(1, -1));
    if (m?.pattern) out.add(m.pattern);
  };
  const library = loadLibrary(join(PACKAGE_ROOT, 'scenarios', 'rubrics', 'pm.yaml'));
  for (const terms of Object.values(library.lexicons)) add({ terms });
  for (const s of Object.values(library.signals)) {
    add(s);
    add(s.near);
  }
  for (const r of library.rubrics)
    for (const s of Object.values(r.signals)) {
      add(s);
      add(s.near);
    }
  return [...out];
}

/** Texts made of a pattern's own pieces (its letters, words and marks) in random order: optional parts come and go. */
function piecesText(rand: () => number, pattern: string): string {
  const pieces = [...new Set(pattern.match(/[\p{L}]+|[^\s\\()[\]{}|*+?^$]/gu) ?? [])];
  pieces.push(' ', ' ', '12', '7%', 'Under', 'ABOVE');
  let text = '';
  for (let i = 0; i < 40; i++) text += pieces[Math.floor(rand() * pieces.length)]! + (rand() < 0.5 ? ' ' : '');
  return text;
}

describe('the strings a match must hold', () => {
  it('reads the runs of literal characters and the required groups, and gives up where it cannot tell', () => {
    const cases: [string, string[] | undefined][] = [
      [String.raw`\b\p{L}+\s+(?:above|below|under)\s+\d+\s?%`, ['above', 'below', 'under']],
      [String.raw`(?<![\p{L}\p{N}])[^\s:;]+\s*:`, [':']],

      ['abc?d', ['ab']],
      ['(?:abcd)?x', ['x']],
      ['(?:wxyz)*x|y', ['x', 'y']],
      ['a+bc', ['bc']],
      ['ab{2,}', ['a']],
      ['x\\.y', ['x.y']],
      ['\\d+-day', ['-day']],
      ['(?:per|each) (?:week|user)s?', ['week', 'user']],
      ['(?:ab|)c', ['c']],
      ['(?:ab|)', undefined],
      ['ab*|c', ['a', 'c']],
      ['ab*|c*', undefined],
      ['\\d+%?', undefined],
      ['(a)\\1', undefined],
      ['(?=abc)\\w+', undefined],
    ];
    for (const [p, want] of cases) expect(requiredLiterals(compiled(p)), p).toEqual(want);
  });

  it('gives up on a pattern nested deeper than it reads, as the lookahead does, rather than failing the scoring', () => {
    const deep = `${'(?:'.repeat(20_000)}ab${')'.repeat(20_000)}`;
    expect(requiredLiterals(compiled(deep))).toBeUndefined();
    expect(requiredPattern(compiled(deep))).toBeNull();
    const lookbehind = `(?<!x)${deep}`;
    expect(withFirstChars(compiled(lookbehind))).toBe(compiled(lookbehind));
  });

  it('tests for the strings as written, marks and all, in any case', () => {
    const holds = requiredPattern(compiled(String.raw`\d+-day (?:churn|retention)|x\.y\?|\$\(a\)`))!;
    expect(['30-DAY Churn', 'a -day retention', 'X.Y?', '$(A)'].map((t) => holds.test(t))).toEqual([true, true, true, true]);
    expect(['30 day churn', 'xay?', '$ a'].map((t) => holds.test(t))).toEqual([false, false, false]);
  });

  it('every match of a shipped or tricky pattern holds one of them, on generated answers and on texts of its own pieces', () => {
    const rand = seeded(5);
    const pool = loadCatalog().flatMap((s) => s.scenario.questions.flatMap((q) => [q.example, ...q.exemplars.map((e) => e.text)]));
    const patterns = [
      ...shippedPatterns(),
      ...PATTERNS,
      'abc?d',
      '(?:abcd)?x',
      'a+bc',
      '(?:Ab|c)D{2}',
      'x\\.y?z',
      '\\d+-day (?:churn|retention)',
      '(?:no|not) (?:risk|downside)s?',
    ];
    expect(patterns.length).toBeGreaterThan(PATTERNS.length + 5);
    let skipped = 0;
    for (const p of patterns) {
      // The pattern the scorer tests a text with before searching it.
      const holds = requiredPattern(compiled(p));
      if (!holds) continue;
      const texts = [
        ...Array.from({ length: 60 }, () => generatedText(rand, pool, ['under 2%', 'churn: users lost', 'Above 99 %'], 4)),
        ...Array.from({ length: 60 }, () => piecesText(rand, p)),
      ];
      for (const text of texts) {
        const matched = matches(compiled(p), text).length > 0;
        if (matched) expect(holds.test(text), `${p} on ${text}`).toBe(true);
        else if (!holds.test(text)) skipped++;
      }
    }
    // The texts tried both sides: some had none of the strings, and so no match.
    expect(skipped).toBeGreaterThan(100);
  });
});
