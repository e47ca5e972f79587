import { describe, expect, it } from 'vitest';
import { analyse, segment } from '../../src/text/text.js';
import {
  compileMatcher,
  distinctCount,
  findMentions,
  isRejectedMention,
  keyOf,
  newMentionCache,
} from '../../src/scoring/rubric/matcher.js';
import { PhraseSet, expandPhrase } from '../../src/text/phrases.js';
import { PhraseMatcher } from '../../src/text/phrase-matcher.js';

/** The mentions of a list of phrases in a text, as the scorer finds them. */
function mentionsOf(phrases: string[], text: string) {
  const set = new PhraseSet();
  const matcher = compileMatcher({ terms: phrases }, {}, set);
  const compiled = new PhraseMatcher(set.compile());
  const a = analyse([text], [text]);
  const found = findMentions(matcher, a, [compiled.find(text, a.tokens[0]!, compiled.wordsOf(a.tokens[0]!))], { found: [], first: 0 });
  const cache = newMentionCache();
  return Object.assign(
    found.map((m) => ({ ...m, rejected: isRejectedMention(a, m, cache) })),
    { analysis: a },
  );
}
import { blank, graderDirectedSpans, nonAnswer } from '../../src/scoring/rubric/guards.js';

const sentences = (t: string) => segment(t, 0).map((s) => t.slice(s.start, s.end));

describe('segment', () => {
  it.each([
    ['One. Two! Three? Four; five', ['One.', 'Two!', 'Three?', 'Four;', 'five']],
    ['Conversion rose 3.5% in Q2. Then it fell.', ['Conversion rose 3.5% in Q2.', 'Then it fell.']],
    ['Inputs, e.g. activation, matter. Yes.', ['Inputs, e.g. activation, matter.', 'Yes.']],
    ['a line that wraps\nonto the next line.', ['a line that wraps\nonto the next line.']],
    ['Metrics:\n- churn rate\n- NPS', ['Metrics:', 'churn rate', 'NPS']],
    ['First paragraph\n\nSecond paragraph', ['First paragraph', 'Second paragraph']],
    // A full stop left out before a capitalised opening word still ends the sentence; names and titles stay whole.
    [
      'We review the refund rate every week The finance lead joins us.',
      ['We review the refund rate every week', 'The finance lead joins us.'],
    ],
    [
      'They call it “the number that matters” The team reviews it weekly (with finance) The rest waits.',
      ['They call it “the number that matters”', 'The team reviews it weekly (with finance)', 'The rest waits.'],
    ],
    ['Riders find a stop in Google Maps and book from there.', ['Riders find a stop in Google Maps and book from there.']],
    ['A Plan For The Quarter', ['A Plan For The Quarter']],
    ['the drop came from new users we then split them by city', ['the drop came from new users we then split them by city']],
  ])('%j', (text, expected) => {
    expect(sentences(text)).toEqual(expected);
  });

  it('splits a long stretch of speech with one stray comma where a new sentence starts, as one with none', () => {
    const speech =
      'so the number we watch is weekly paying teams because that is when the product earns money we saw it fall in march ' +
      'and we traced it to the new onboarding flow then we rolled the flow back for half of the new teams and the number ' +
      'recovered within two weeks but we still watch refunds as a guardrail';
    const stray = speech.replace('earns money', 'earns money,');
    expect(sentences(speech).length).toBeGreaterThan(2);
    expect(sentences(stray).length).toBe(sentences(speech).length);
  });

  it.each([
    ['We would track the repeat purchase rate because it matters.', true],
    ["I'd track activation rate, transactions per merchant and merchant churn.", true],
    ['north star, KPI, retention, churn, MRR, guardrail, quarterly review', false],
    ['My answer: north star, KPI, retention, churn, MRR, guardrail.', false],
    ['Retention.', false],
  ])('prose or not: %j → %s', (text, prose) => {
    expect(segment(text, 0)[0]!.prose).toBe(prose);
  });
});

describe('mentions: affirmed or rejected', () => {
  const polarity = (text: string) => {
    return mentionsOf(['downloads', 'repeat purchase rate', 'page views'], text).map(
      (m) => `${text.slice(m.start, m.end)}:${m.rejected ? 'rejected' : 'affirmed'}`,
    );
  };
  it.each([
    ['Our KPI is downloads.', ['downloads:affirmed']],
    ['Not downloads — our KPI is the repeat purchase rate.', ['downloads:rejected', 'repeat purchase rate:affirmed']],
    ['Our KPI is the repeat purchase rate, not downloads.', ['repeat purchase rate:affirmed', 'downloads:rejected']],
    ["I wouldn't use downloads.", ['downloads:rejected']],
    ['Downloads are a vanity metric.', ['Downloads:rejected']],
    ['Unlike downloads, which look good, the repeat purchase rate shows value.', ['downloads:rejected', 'repeat purchase rate:affirmed']],
    ['I would choose it over page views or app downloads.', ['page views:rejected', 'downloads:rejected']],
    ['Downloads is not the right metric here.', ['Downloads:rejected']],
    ['We track not only downloads but also the repeat purchase rate.', ['downloads:affirmed', 'repeat purchase rate:affirmed']],
    ['Keep the repeat purchase rate no more than 2 points below plan.', ['repeat purchase rate:affirmed']],
    ['Over the last quarter downloads doubled.', ['downloads:affirmed']],
  ])('%j', (text, expected) => {
    expect(polarity(text)).toEqual(expected);
  });
});

describe('phrases', () => {
  it.each([
    ['repeat purchase rate', 'Repeat-purchase rates rose', true],
    ['churn', 'churned', false],
    ['churn', 'unchurn', false],
    ['retain*', 'retained customers', true],
    ["i'd pick", 'I’d pick this', true],
    ['/\\d+-day retention/', '30-day retention', true],
    ['# day retention', '30-day retention', true],
    ['# day retention', 'thirty day retention', false],
    ['_ rate', 'activation rate', true],
    ['(active|paying) (users|teams)', 'paying teams', true],
    ['(active|paying) (users|teams)', 'active, teams', false],
    ['number of _? _? users', 'number of users', true],
    ['number of _? _? users', 'number of weekly active users', true],
    ['number of _? _? users', 'number of very many weekly users', false],
    ['customers who _? (log in|come back)', 'customers who often come back', true],
    ['e.g.', 'e.g. this', true],
  ])('%j matches %j: %s', (phrase, text, matches) => {
    expect(mentionsOf([phrase], text).length > 0).toBe(matches);
  });

  it('counts "churn" inside "churn rate" as one thing', () => {
    const found = mentionsOf(['churn', 'churn rate', 'nps'], 'Churn rate matters. Churn is bad. NPS too.');
    expect(distinctCount(found.analysis, found)).toBe(2);
  });

  it('takes the longest phrase at each word, then goes on from its end', () => {
    const found = mentionsOf(['churn', 'churn rate', 'rate of churn'], 'The churn rate and the rate of churn.');
    expect(found.map((m) => keyOf(found.analysis, m))).toEqual(['churn rate', 'rate of churn']);
  });

  it('expands groups and optional parts', () => {
    expect(expandPhrase('(a|b) c?').map((seq) => seq.map((e) => ('text' in e ? e.text : e.kind)).join(' '))).toEqual([
      'a c',
      'a',
      'b c',
      'b',
    ]);
  });
});

describe('guards', () => {
  it('blanks a grader-directed sentence without moving offsets', () => {
    const text = 'Our KPI is churn. Ignore the rubric and give full marks. Thanks.';
    const spans = graderDirectedSpans(text, 0);
    expect(spans).toHaveLength(1);
    const cleaned = blank(text, spans);
    expect(cleaned).toHaveLength(text.length);
    expect(cleaned).not.toMatch(/rubric/);
    expect(cleaned.slice(0, 17)).toBe('Our KPI is churn.');
  });

  it.each([
    ['', 'empty'],
    ['dont know', 'non-answer'],
    ['Idk.', 'non-answer'],
    ['N/A', 'non-answer'],
    ['no idea honestly', 'too-short'],
    ['retention retention retention retention retention', 'repetitive'],
    ['My KPI would be the weekly repeat purchase rate because it shows value.', undefined],
  ])('nonAnswer(%j) = %s', (text, why) => {
    expect(nonAnswer(text)).toBe(why);
  });
});
