// Typos in a question are mended to the words the families look for, and only those.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_DIR } from '../../src/scenario/catalog.js';
import { loadLibrary } from '../../src/scenario/load.js';
import { detectFamily, familiesOf } from '../../src/transcripts/align.js';
import { oneEditApart, Speller } from '../../src/transcripts/spelling.js';

describe('one edit apart', () => {
  it.each([
    ['improtant', 'important', true], // two letters swapped
    ['guardrial', 'guardrail', true],
    ['vison', 'vision', true], // one dropped
    ['retentiion', 'retention', true], // one added
    ['metruc', 'metric', true], // one changed
    ['metric', 'metric', false], // the same word is no typo
    ['mteirc', 'metric', false], // two edits
    ['retain', 'retention', false],
  ])('%s and %s: %s', (a, b, want) => {
    expect(oneEditApart(a, b)).toBe(want);
  });
});

describe('the speller', () => {
  const speller = new Speller(['most important (kpi|metric)', 'product vision', 'guardrail*', 'retention', 'goal', 'goals']);
  it('mends a word one edit from exactly one known word, keeping the rest of the text as it was', () => {
    expect(speller.correct('Whats the most improtant metric for the product vison?')).toBe(
      "What's the most important metric for the product vision?",
    );
  });
  it('leaves known words, short words, stems and words near none alone', () => {
    expect(speller.correct('Our coals and goals: retention, guardrails, weather.')).toBe(
      'Our coals and goals: retention, guardrails, weather.',
    );
  });
  it('mends the short words people mistype most, which are too short to mend by one edit', () => {
    expect(speller.correct('Waht wuld yuo pick adn why, if teh goal moved?')).toBe('What would you pick and why, if the goal moved?');
  });
  it('leaves a real word alone when its second or last letter would make it a known one, unless its phrase neighbour is there', () => {
    const phrases = new Speller(['shall we (start|begin)', 'health metric', 'thanks for (coming|joining)']);
    expect(phrases.correct('Our small shops; a healthy team; water tanks.')).toBe('Our small shops; a healthy team; water tanks.');
    expect(phrases.correct('Shalll we begin? Any healt metric? Tanks for coming.')).toBe(
      'Shall we begin? Any health metric? Thanks for coming.',
    );
  });
  it('leaves a word alone when it is one edit from two known words', () => {
    const two = new Speller(['pacer', 'paced']);
    expect(two.correct('the pacet')).toBe('the pacet');
  });
  it('makes a misspelt question read as its family, as spelt right', () => {
    const families = familiesOf([loadLibrary(join(BUILT_IN_DIR, 'rubrics', 'pm.yaml'))], []);
    expect(detectFamily('Which is the most improtant metric for your app, and why?', families)?.family).toBe('kpi');
  });
});
