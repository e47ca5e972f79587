// The one view of a graded answer: made from a score, and the rules every rendering reads it by.
import { describe, expect, it } from 'vitest';
import {
  answerView,
  belowBar,
  distinctQuotes,
  excerpt,
  firstQuote,
  notGraded,
  quoted,
  quotedIn,
  toReach,
  weakest,
  whyNotGraded,
} from '../../src/report/view.js';
import { aScore, criterion, evidence } from '../support/scores.js';

const score = aScore(52, {
  criteria: [
    criterion('Choice', 3, 3, {
      evidence: [evidence('monthly active borrowers'), evidence('monthly  active\nborrowers', { turn: 1, start: 14 })],
    }),
    criterion('Fit', 0, 2, { meetsBar: false, missing: ['mention the lockers'] }),
    criterion('Risk', 1, 3, { evidence: [evidence('it can be gamed', { start: 0 })] }),
  ],
  antiPatterns: [{ id: 'vanity', title: 'A vanity metric', penalty: 5, advice: 'Leave installs out.', evidence: [evidence('installs')] }],
});

describe('answerView', () => {
  it('keeps what a report shows of the score, and none of its coaching', () => {
    const view = answerView(score, quoted);
    expect(view).toEqual({
      total: 52,
      band: score.band,
      rubric: { id: 'kpi', hash: score.rubricHash },
      criteria: [
        {
          id: 'choice',
          title: 'Choice',
          level: 3,
          maxLevel: 3,
          meetsBar: true,
          evidence: [{ quote: 'monthly active borrowers' }, { quote: 'monthly  active\nborrowers' }],
          missing: [],
        },
        { id: 'fit', title: 'Fit', level: 0, maxLevel: 2, meetsBar: false, evidence: [], missing: ['mention the lockers'] },
        {
          id: 'risk',
          title: 'Risk',
          level: 1,
          maxLevel: 3,
          meetsBar: true,
          evidence: [{ quote: 'it can be gamed' }],
          missing: ['reach level 2 of risk'],
        },
      ],
      antiPatterns: [{ id: 'vanity', title: 'A vanity metric' }],
    });
  });

  it('places each quote on its line in the file: its turn’s line and the line breaks before it', () => {
    const turns = [
      { text: 'monthly active borrowers', line: 4 },
      { text: 'First:\nsecond\nmonthly  active\nborrowers', line: 10 },
    ];
    const lines = answerView(score, quotedIn(turns)).criteria.map((c) => c.evidence.map((e) => e.line));
    expect(lines).toEqual([[4, 12], [], [4]]);
  });

  it('places a quote in a turn joined from several chat lines on the line its piece came from', () => {
    // "First:" on line 10, "second" on line 11, the quote's piece on line 13 (a line of someone else's between).
    const turns = [
      { text: 'monthly active borrowers', line: 4 },
      {
        text: 'First: second monthly  active\nborrowers',
        line: 10,
        joined: [
          { line: 11, at: 7 },
          { line: 13, at: 14 },
        ],
      },
    ];
    const lines = answerView(score, quotedIn(turns)).criteria.map((c) => c.evidence.map((e) => e.line));
    expect(lines[0]).toEqual([4, 13]);
  });

  it('carries a non-answer and the delivery when there are some', () => {
    const none = aScore(0, { flags: { listOnly: false, graderDirected: [], nonAnswer: 'too-short' } });
    const delivery = {
      timing: 'words' as const,
      seconds: 30,
      words: 60,
      wordsPerMinute: 120,
      fillers: { count: 0, perMinute: 0, which: [] },
      notes: [],
    };
    expect(answerView(none, quoted, delivery)).toMatchObject({ nonAnswer: 'too-short', delivery });
    expect(answerView(score, quoted)).not.toHaveProperty('nonAnswer');
    expect(answerView(score, quoted)).not.toHaveProperty('delivery');
  });
});

describe('the rules read off a view', () => {
  const view = answerView(score, quoted);

  it('below the bar, the weakest criterion and the first quote', () => {
    expect(belowBar(view).map((c) => c.id)).toEqual(['fit']);
    expect(weakest(view)?.id).toBe('fit');
    expect(firstQuote(view)).toBe('monthly active borrowers');
    const top = answerView(aScore(90, { criteria: [criterion('Choice', 3, 3)] }), quoted);
    expect(weakest(top)).toBeUndefined();
    expect(firstQuote(top)).toBeUndefined();
  });

  it('a quote said twice (the same words, broken differently) is shown once', () => {
    expect(distinctQuotes(view.criteria[0]!)).toEqual(['monthly active borrowers']);
  });

  it('a non-answer has nothing to reach: it was not graded as an attempt', () => {
    expect(toReach(view, view.criteria[1]!)).toEqual(['mention the lockers']);
    expect(toReach({ ...view, nonAnswer: 'empty' }, view.criteria[1]!)).toEqual([]);
  });

  it('a question not graded keeps its reason and the answers that went with it', () => {
    const [n, m] = notGraded({
      unaligned: [
        { line: 7, speaker: 'Rui', text: 'Coffee?', kind: 'unrecognised', reason: 'small talk', answers: 2 },
        { line: 9, speaker: 'Rui', text: 'Why?', kind: 'unanswered', reason: 'never answered', answers: 0 },
      ],
    });
    expect(n).toEqual({ line: 7, prompt: 'Coffee?', reason: 'small talk', answers: 2 });
    expect(whyNotGraded(n!)).toBe('small talk (2 answer(s) not graded)');
    expect(whyNotGraded(m!)).toBe('never answered');
  });
});

describe('excerpt', () => {
  it.each([
    [undefined, 'weekly paying merchants', 'weekly paying merchants'],
    ['start', 'merchants as the north star.', '…merchants as the north star.'],
    ['end', 'I would pick weekly merchants,', 'I would pick weekly merchants…'],
    ['both', 'pick weekly merchants as —', '…pick weekly merchants as…'],
  ] as const)('a quote cut at %s reads %s as %s', (cut, quote, shown) => {
    expect(excerpt({ quote, ...(cut ? { cut } : {}) })).toBe(shown);
  });

  it('the card and the reports show quotes as excerpts, and JSON keeps the exact text with where it was cut', () => {
    const cut = evidence('merchants as the north star', { cut: 'start' });
    const s = aScore(60, { criteria: [criterion('Choice', 2, 3, { evidence: [cut] })] });
    const view = answerView(s, quoted);
    expect(distinctQuotes(view.criteria[0]!)).toEqual(['…merchants as the north star']);
    expect(firstQuote(view)).toBe('…merchants as the north star');
    expect(view.criteria[0]!.evidence[0]).toEqual({ quote: 'merchants as the north star', cut: 'start' });
  });
});
