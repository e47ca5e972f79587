// The NLP comparison's labelled cases read as written, and its scoring counts what it says it counts.
import { describe, expect, it } from 'vitest';
import { FIGURES, NEGATION, NOUN_PHRASES, PARTS_OF_SPEECH, SPOKEN, WRITTEN } from '../../bench/nlp-cases.js';
import { figureCase, negationCase, nounPhraseCase, splitCase, tagCase } from '../../bench/nlp-labels.js';
import { bare, boundaries, scoreFigures, scoreNegation, scoreNounPhrases, scoreSplits } from '../../bench/nlp-score.js';
import { chunk, locate, type Tag } from '../../bench/nlp-tools.js';

describe('labelled cases', () => {
  it('takes the marks out and keeps where they stood', () => {
    expect(splitCase('Churn fell. ¦We cut fees.')).toEqual({ text: 'Churn fell. We cut fees.', starts: [12] });
    expect(figureCase('Under [[2%]] in [[30 days]].')).toEqual({
      text: 'Under 2% in 30 days.',
      figures: [
        { start: 6, end: 8 },
        { start: 12, end: 19 },
      ],
    });
    expect(negationCase('Not [-installs] but [+payers].')).toEqual({
      text: 'Not installs but payers.',
      phrases: [
        { span: { start: 4, end: 12 }, negated: true },
        { span: { start: 17, end: 23 }, negated: false },
      ],
    });
    expect(nounPhraseCase('The {*refund* rate} rose.')).toEqual({
      text: 'The refund rate rose.',
      word: { start: 4, end: 10 },
      phrase: { start: 4, end: 15 },
    });
    expect(tagCase(['*Cap* the bonus.', 'verb'])).toEqual({ text: 'Cap the bonus.', word: { start: 0, end: 3 }, tag: 'verb' });
  });

  it.each([
    ['no sentence start', () => splitCase('One sentence only.')],
    ['an open figure', () => figureCase('Under [[2% a week.')],
    ['an open phrase', () => negationCase('Not [-installs.')],
    ['a phrase without its word', () => nounPhraseCase('The {refund rate} rose.')],
    ['two words', () => tagCase(['*Cap* the *bonus*.', 'verb'])],
  ])('refuses a case with %s, naming it', (_, read) => {
    expect(read).toThrow(/^nlp case “/);
  });

  it('has 30 to 60 well-formed cases for every task', () => {
    const sets = [WRITTEN.map(splitCase), SPOKEN.map(splitCase), FIGURES.map(figureCase), NEGATION.map(negationCase)];
    const more = [NOUN_PHRASES.map(nounPhraseCase), PARTS_OF_SPEECH.map(tagCase)];
    for (const set of [...sets, ...more]) expect(set.length).toBeGreaterThanOrEqual(30);
    for (const set of [...sets, ...more]) expect(set.length).toBeLessThanOrEqual(60);
    // Speech is written as it is transcribed: no capitals, no sentence marks.
    for (const { text } of SPOKEN.map(splitCase)) expect(text).toMatch(/^[a-z0-9 ’']+$/);
    // Negation is measured both ways: negated phrases and others.
    const phrases = NEGATION.map(negationCase).flatMap((k) => k.phrases);
    expect(phrases.filter((p) => p.negated).length).toBeGreaterThanOrEqual(30);
    expect(phrases.filter((p) => !p.negated).length).toBeGreaterThanOrEqual(30);
  });
});

describe('scoring', () => {
  it('places a sentence start at its first word, past list marks and quotes', () => {
    const text = 'Plan:\n- Track payers.\n"Why?" Because.';
    expect(boundaries(text, [6, 8, 22, 23, 29])).toEqual(new Set([1, 3, 4]));
  });

  it('counts boundaries found, extra and missed, and the texts split exactly right', () => {
    const cases = [splitCase('A b. ¦C d. ¦E f.'), splitCase('G h. ¦I j.')];
    // Finds the first boundary of each text, and one inside the second sentence of the second.
    const split = (t: string) => (t.startsWith('A') ? [0, 5] : [0, 5, 7]);
    expect(scoreSplits(cases, split)).toEqual({ hit: 2, extra: 1, missed: 1, exact: 0, cases: 2 });
  });

  it('counts a figure found in pieces once, and whole only when unit and all are found', () => {
    const cases = [figureCase('Refunds under [[2.5%]] within [[30 days]], see step 1.')];
    const text = cases[0]!.text;
    const at = (s: string, from = 0) => ({ start: text.indexOf(s, from), end: text.indexOf(s, from) + s.length });
    // "2" and "5" of 2.5%, all of "30 days", and the step's number.
    const find = () => [at('2'), at('5', 15), at('30 days'), at('1')];
    expect(scoreFigures(cases, find)).toEqual({ hit: 2, extra: 1, missed: 0, exact: 1, cases: 2, pieces: 1 });
  });

  it('grades negation on both sides', () => {
    const cases = [negationCase('Not [-installs] but [+payers], never [-opens].')];
    expect(scoreNegation(cases, () => true)).toEqual({ right: 2, of: 3, also: { right: 2, of: 2 }, also2: { right: 0, of: 1 } });
  });

  it('sets articles and possessives aside, and tells an exact phrase from one that runs on', () => {
    const text = 'Our north star metric is repeat payments.';
    expect(bare(text, { start: 0, end: 21 })).toEqual({ start: 4, end: 21 });
    const cases = [nounPhraseCase('Our {north *star* metric} is repeat payments.')];
    expect(scoreNounPhrases(cases, () => ({ start: 0, end: 21 }))).toMatchObject({ right: 1, also: { right: 1 } });
    expect(scoreNounPhrases(cases, () => ({ start: 0, end: 24 }))).toMatchObject({ right: 0, also: { right: 1 } });
    expect(scoreNounPhrases(cases, () => undefined)).toMatchObject({ right: 0, also: { right: 0 } });
  });
});

describe('the noun-phrase rule for taggers', () => {
  /** The words and hyphens of a text, with the given tags in order. */
  const tokens = (text: string, tags: Tag[]) =>
    [...text.matchAll(/[\p{L}\p{N}]+|-/gu)].map((m, i) => ({ start: m.index, end: m.index + m[0].length, value: m[0], tag: tags[i]! }));

  it('takes the nouns, adjectives and numbers around the word, ending on a noun', () => {
    const ts = tokens('we track weekly paying users here', ['other', 'verb', 'adj', 'noun', 'noun', 'adv']);
    expect(chunk(ts, 3, (t) => t.tag)).toEqual({ start: ts[2]!.start, end: ts[4]!.end });
    expect(chunk(ts, 1, (t) => t.tag)).toBeUndefined();
  });

  it('keeps a hyphenated word whole', () => {
    const ts = tokens('7-day retention', ['num', 'other', 'noun', 'noun']);
    expect(chunk(ts, 3, (t) => t.tag)).toEqual({ start: 0, end: ts[3]!.end });
  });

  it('finds the pieces a library returns as strings, in order', () => {
    expect(locate('One. One. Two.', ['One.', ' One. ', 'Two.'])).toEqual([0, 5, 10]);
  });
});
