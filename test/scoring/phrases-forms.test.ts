// A plural form of one phrase's last word is not the word of another phrase: "metric" in one list
// and "metrics" in another each match what they say, and nothing more.
import { describe, expect, it } from 'vitest';
import { PhraseIndex } from '../../src/text/phrases.js';
import { tokenize } from '../../src/text/text.js';

const found = (index: PhraseIndex, text: string) =>
  index.find(text, tokenize(text)).map((spans) => spans.map((s) => text.slice(s.start, s.end)));

describe('phrase lists that share a word in two forms', () => {
  it.each([
    ['what metric matters', [['what metric'], []]],
    ['what metrics matter', [['what metrics'], ['what metrics']]],
  ])('%s', (text, expected) => {
    const index = new PhraseIndex();
    index.add(['what metric']); // the singular, which also matches its plural
    index.add(['what metrics']); // only the plural
    expect(found(index, text)).toEqual(expected);
  });

  it('a later phrase that continues after the plural does not start from the singular', () => {
    const index = new PhraseIndex();
    index.add(['metric']);
    index.add(['metrics rate']);
    expect(found(index, 'the metric rate')).toEqual([['metric'], []]);
    expect(found(index, 'the metrics rate')).toEqual([['metrics'], ['metrics rate']]);
  });
});

describe('a star after a group', () => {
  const one = (phrase: string, text: string) => {
    const index = new PhraseIndex();
    index.add([phrase]);
    return found(index, text)[0];
  };

  it('stems each alternative, as a star after a word stems it', () => {
    expect(one('revenue (target|goal)*', 'we set revenue targets and revenue goals')).toEqual(['revenue targets', 'revenue goals']);
    expect(one('revenue (target|goal)*', 'the revenue targeted')).toEqual(one('revenue (target*|goal*)', 'the revenue targeted'));
    expect(one('tracking (bug|change)*', 'a tracking change broke it')).toEqual(['tracking change']);
  });

  it('with a question mark, in either order, the stemmed group is optional', () => {
    for (const phrase of ['custom (feature|build)*? work', 'custom (feature|build)?* work']) {
      expect(one(phrase, 'custom features work here')).toEqual(['custom features work']);
      expect(one(phrase, 'custom work here')).toEqual(['custom work']);
    }
  });
});
