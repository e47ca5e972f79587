import { describe, expect, it } from 'vitest';
import { MAX_QUOTE_WORDS, quotableAround } from '../../src/text/quotable.js';
import { countWords } from '../../src/text/text.js';

const ANSWER =
  'The most important KPI is weekly active merchants who receive at least 8 jobs in a week, because a merchant who goes above that threshold tends to stay. We would act on it by tracking activation cohorts and settlement delays.';

const quote = (text: string, match: string) => {
  const at = text.indexOf(match);
  const span = quotableAround(text, { start: at, end: at + match.length });
  return span && text.slice(span.start, span.end);
};

describe('the phrase quoted around a match', () => {
  it.each([
    ['at least 8 jobs in', 'weekly active merchants who receive at least 8 jobs in a week'],
    ['goes above', 'a merchant who goes above that threshold tends to stay'],
    ['act on', 'We would act on it by tracking activation cohorts and settlement delays'],
    ['settlement delays', 'We would act on it by tracking activation cohorts and settlement delays'],
  ])('"%s" is quoted as "%s"', (match, phrase) => {
    expect(quote(ANSWER, match)).toBe(phrase);
  });

  it.each([
    ['Retention, because it shows merchants trust us.', 'because'],
    ['We picked GMV and we drive it down over time', 'drive'],
    ['North star: weekly transacting merchants', 'weekly transacting'],
    [
      'It goes up when the soundbox is rented, and merchants keep using it for the loans that we offer to them every month of the year after that',
      'keep using',
    ],
    // A possessive is no place to stop: it leans on the noun after it.
    [
      'Revenue per merchant matters, but in the end we answer to the board’s growth target for this year, which every team here is measured against',
      'board’s',
    ],
    ["I'd rather the quarter's numbers came from merchants who stay", "quarter's"],
    // A word that points to its noun ("my last job", "the next quarter") is no place to stop either.
    ['At my last job we cut the ticket backlog by 30% in a single quarter of hard work', 'At my last'],
    ['We review the numbers with the same team every quarter, and we act on the next signal that moves', 'the next'],
  ])('in "%s", around "%s", a whole phrase: not ending or starting on a joining word, at most the limit', (text, match) => {
    const q = quote(text, match);
    expect(q).toBeDefined();
    expect(q).toContain(match === 'because' ? 'shows' : match);
    expect(countWords(q!)).toBeLessThanOrEqual(MAX_QUOTE_WORDS);
    expect(q).not.toMatch(/\b(?:of|in|on|at|to|the|a|and|because|which|who|above)$/i);
    expect(q).not.toMatch(/['’]s$/u);
    expect(q).not.toMatch(/\b(?:last|next|first|same|previous|other)$/i);
    expect(q).not.toMatch(/^(?:and|because|which|who|to|of)\b/i);
  });
});
