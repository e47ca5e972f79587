// The tokeniser reads words by character code; it finds exactly the words the regular expression it
// replaced found, on generated answers and on strings of letters, figures and marks from every script.
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/scenario/catalog.js';
import { analyse, countWords, tokenize, type Token } from '../../src/text/text.js';
import { generatedText, seeded } from '../support/generated-answers.js';

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/** The tokens as the regular expression finds them, normalised as tokenize does. */
function expected(text: string): Token[] {
  const lower = text.toLowerCase();
  const aligned = lower.length === text.length;
  return [...text.matchAll(WORD)].map((m) => {
    const end = m.index + m[0].length;
    const norm = (aligned ? lower.slice(m.index, end) : m[0].toLowerCase()).replace(/’/g, "'");
    return { start: m.index, end, norm };
  });
}

/** Letters, figures and marks that tokenising must tell apart: ASCII, accents, other scripts, astral letters, lone surrogates. */
const PIECES = [
  'a',
  'Z',
  '0',
  '9',
  "'",
  '’',
  ' ',
  '-',
  '.',
  ',',
  '\n',
  'é',
  'ß',
  'İ',
  'ı',
  'ǅ',
  'ﬃ',
  'Σ',
  'ς',
  'ª',
  '²',
  '½',
  '٣',
  'Ⅻ',
  '中',
  'क',
  'ि',
  '😀',
  '𝐀',
  '𝟘',
  '\ud800',
  '\udc00',
  '\u00a0',
  '_',
];

describe('tokenize', () => {
  it('finds what the regular expression found, on generated answers', () => {
    const rand = seeded(20261206);
    const pool = loadCatalog().flatMap((s) => s.scenario.questions.flatMap((q) => [q.example, ...q.exemplars.map((e) => e.text)]));
    for (let n = 0; n < 300; n++) {
      const text = generatedText(rand, pool, [], 1 + Math.floor(rand() * 6));
      expect(tokenize(text), text).toEqual(expected(text));
      expect(countWords(text)).toBe(expected(text).length);
    }
  });

  it('finds what the regular expression found, on strings of letters, figures and marks from every script', () => {
    const rand = seeded(7);
    for (let n = 0; n < 20000; n++) {
      let text = '';
      for (let k = Math.floor(rand() * 16); k > 0; k--) text += PIECES[Math.floor(rand() * PIECES.length)];
      expect(tokenize(text), JSON.stringify(text)).toEqual(expected(text));
      expect(countWords(text)).toBe(expected(text).length);
    }
  });

  it('reads every character of the Basic Multilingual Plane as the expression does', () => {
    const wrong: number[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      const text = `a${ch}'${ch} ${ch}`;
      if (JSON.stringify(tokenize(text)) !== JSON.stringify(expected(text))) wrong.push(c);
    }
    expect(wrong).toEqual([]);
  });
});

describe('a list item ends at its line', () => {
  const sentencesOf = (text: string) => analyse([text], [text]).sentences.map((x) => text.slice(x.start, x.end).trim());

  it('the line after the last bullet starts a sentence of its own', () => {
    // Written for this test: metrics as bullets without full stops, then a sentence about them.
    const text = '- Churn by plan\n- Seats in use\nThese tell me early when the north star is in trouble.';
    expect(sentencesOf(text).at(-1)).toBe('These tell me early when the north star is in trouble.');
  });

  it('an indented line continues its item', () => {
    const text = '1. Churn by plan, split by the size of the\n   account that left\nThat is the first cut.';
    expect(sentencesOf(text)).toHaveLength(2);
  });
});
