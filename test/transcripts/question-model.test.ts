// The question model: how it reads words, that the shipped weights are what training on the
// written sets gives, and how it weighs in on the cues' reading, on lines written for these tests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pmFamilies } from '../../bench/precision.js';
import { GENERATIONS, MODEL_FILE, trainOn } from '../../bench/question-sets.js';
import { BUILT_IN_DIR } from '../../src/scenario/catalog.js';
import { loadLibrary } from '../../src/scenario/load.js';
import { detectFamily, familiesOf } from '../../src/transcripts/align.js';
import { questionModel } from '../../src/transcripts/families.js';
import { features, NOT_PM, QuestionModel, stem, train, words } from '../../src/transcripts/question-model.js';
import { readTurn } from '../../src/transcripts/reading.js';

describe('how the model reads a line', () => {
  it.each([
    ['Metrics', 'metric'],
    ['incentives', 'incentive'],
    ['priorities', 'priority'],
    ['tracking', 'track'],
    ['dropped', 'dropp'],
    ['prioritise', 'prioritis'],
    ['prioritize', 'prioritiz'],
    ['is', 'is'],
    ['bus', 'bus'],
    ['business', 'business'],
  ])('stems %s as %s', (word, want) => {
    expect(stem(word.toLowerCase())).toBe(want);
  });

  it.each([
    // "'s" is dropped: it may be "is" or a possessive.
    ["What's your company's north star?", ['what', 'your', 'company', 'north', 'star', '?']],
    ["We're sure they'd say no, aren't we?", ['we', 'are', 'sure', 'they', 'would', 'say', 'no', 'are', 'not', 'we', '?']],
    ['We hit 9% of a 20% goal in Q3', ['we', 'hit', '<num>', 'of', 'a', '<num>', 'goal', 'in', 'q', '<num>']],
    ['Why won’t sales care?', ['why', 'will', 'not', 'sale', 'care', '?']],
    ['Revenue fell 12k, then $3.5m', ['revenue', 'fell', '<num>', 'then', '<num>']],
  ])('reads %s as %j', (line, want) => {
    expect(words(line)).toEqual(want);
  });

  it('takes words and word pairs, and marks the asking sentence apart from its setup', () => {
    const f = features('Churn doubled. Why?');
    expect(f).toEqual(expect.arrayContaining(['churn', '<s> churn', 'churn doubl', 'why ?', 'q:why', 'q:?']));
    expect(f).not.toContain('q:churn');
    // One sentence has no setup to tell apart.
    expect(features('Why?').some((x) => x.startsWith('q:'))).toBe(false);
  });
});

describe('training', () => {
  const toy = [
    { text: 'which number matters most', label: 'kpi' },
    { text: 'which number would you pick', label: 'kpi' },
    { text: 'the number fell, what now', label: 'shortfall' },
    { text: 'the target fell short, what now', label: 'shortfall' },
    { text: 'is lunch at noon', label: NOT_PM },
    { text: 'is the room booked at noon', label: NOT_PM },
  ];

  it('learns a small set it can tell apart, and gives the same weights every time', () => {
    const classes = ['kpi', 'shortfall', NOT_PM];
    const a = train(toy, classes, 'toy');
    expect(train(toy, classes, 'toy')).toEqual(a);
    const m = new QuestionModel(a);
    expect(toy.map((e) => m.predict(e.text).label)).toEqual(toy.map((e) => e.label));
    expect(m.predict('which number, at noon').pm).toBeGreaterThan(0);
  });

  it('refuses an example whose label is none of the classes', () => {
    expect(() => train([{ text: 'what now', label: 'pricing' }], ['kpi', NOT_PM], 'toy')).toThrow(/none of kpi, none/);
  });

  it('the shipped weights are what `npm run train:questions` makes from the written sets', () => {
    const shipped = JSON.parse(readFileSync(MODEL_FILE, 'utf8')) as unknown;
    expect(shipped).toEqual(trainOn(GENERATIONS));
  });
});

describe('the cues and the shipped model together, on lines written for this test', () => {
  const withModel = pmFamilies();
  const cuesAlone = familiesOf([loadLibrary(join(BUILT_IN_DIR, 'rubrics', 'pm.yaml'))], [], {}, null);

  it.each([
    ["You're now product lead for a meal-kit subscription. Which single measure tells you the product is healthy?", 'kpi'],
    ['If you ran the recipe app, what would you look at each Monday to know it is doing its job?', 'kpi'],
    ["Once the primary number is set, which secondary measures would you watch so it can't be gamed?", 'metrics'],
    ['Besides weekly active riders, what other signals would you keep on the scooter dashboard?', 'metrics'],
    [
      'The board wants the firm to sell to universities rather than students. How would you reshape the roadmap to follow that strategy?',
      'vision',
    ],
    ["How do you make sure what your team builds this year serves the company's plan to become profitable?", 'vision'],
    [
      'The support team is rewarded for closing tickets fast, and your team wants fewer repeat contacts. How would you get them pulling together?',
      'incentives',
    ],
    ["Account managers earn commission on renewals only. How would you get them to care about a new feature's adoption?", 'incentives'],
    ['Bookings came in at half of the quarterly goal. Walk me through what you do the next morning.', 'shortfall'],
    ['Your retention target was 40% and you landed at 28%. How do you handle it?', 'shortfall'],
    ['If we pay drivers per completed delivery, what unwanted behaviour could that encourage?', 'risks'],
    ['What could go wrong if the team is judged only on time spent in the app?', 'risks'],
  ])('grades “%s” as %s', (line, family) => {
    expect(detectFamily(line, withModel)?.family).toBe(family);
  });

  it.each([
    'How many meeting rooms do we have on the fourth floor?',
    'Which database would you pick to store the event logs, and why?',
    'Can you tell me about your notice period?',
    'What metric does the load balancer expose for request latency?',
    'What metric should the CI pipeline alert on when builds slow down?',
    'Thanks so much for coming on the show today.',
    'How would you explain our pricing page to a nervous first-time buyer?',
    'Did the quarterly numbers get emailed to finance yet?',
    'Which charting library would you use for the admin panel?',
    'Which numbers does your recruiter need from you before Friday?',
    'How did the sales team hit their quarterly target so early this year?',
    'Could you share your screen so we can see the deck?',
  ])('does not grade the near miss “%s”', (line) => {
    expect(detectFamily(line, withModel)).toBeUndefined();
  });

  it('grades a question whose wording no cue lists, when the model is sure of it and it asks openly', () => {
    const line = "What's the one thing you'd measure for a dog-walking marketplace?";
    expect(readTurn(line, cuesAlone).kind).toBe('unrecognised');
    expect(readTurn(line, withModel)).toMatchObject({ kind: 'family', family: { family: 'kpi' }, confidence: 0 });
  });

  it('lists a line the cues would grade as unsure, with why, when the model reads it as no interview question', () => {
    const line = 'Which KPI dashboards did you build in Looker at your last job?';
    expect(detectFamily(line, cuesAlone)?.family).toBe('kpi');
    expect(readTurn(line, withModel)).toMatchObject({
      kind: 'unsure',
      family: 'kpi',
      cause: 'model',
      reason: expect.stringMatching(
        /^its cues are of the "kpi" family, but with the question model it reads more likely as no product-management question \(\d+%\)/,
      ),
    });
  });

  it('leaves a family the model was never trained on to the cues', () => {
    const model = questionModel();
    const only = new QuestionModel({ ...model.data, classes: model.data.classes.map((c) => (c === 'kpi' ? 'pricing' : c)) });
    const families = familiesOf([loadLibrary(join(BUILT_IN_DIR, 'rubrics', 'pm.yaml'))], [], {}, only);
    const line = "You're now product lead for a meal-kit subscription. Which single measure tells you the product is healthy?";
    expect(readTurn(line, families)).toEqual(readTurn(line, cuesAlone));
  });
});
