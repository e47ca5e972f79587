// Each reason a conversation has nothing to grade, worded as it is meant.
import { describe, expect, it } from 'vitest';
import { gradeOptions } from '../../src/batch/options.js';
import { gradeText } from '../../src/batch/grade.js';

const opts = gradeOptions({ scenario: 'auto' });

const cases: [string, string[], string][] = [
  [
    'no question asked',
    ['Ana: Lovely weather today.', 'Ben: It is, I walked here along the river.', 'Ana: The river is nice in spring.', 'Ben: Very.'],
    'nothing to grade: a conversation, but Ana (taken to be the interviewer) asks no interview questions in it',
  ],
  [
    'a question never answered',
    ['Candidate: Hello, sorry I am late.', 'Interviewer: No problem. What is the one metric you would pick for this product?'],
    'nothing to grade: the interview questions in it were not answered (first, line 2)',
  ],
  [
    'one question of a kind with no rubric',
    ['Interviewer: How would you design a rate limiter for a public API?', 'Candidate: A token bucket per key, kept in Redis.'],
    'nothing to grade: its one question is one rehearse cannot grade (first: "How would you design a rate limiter for a public API?": matches no question family rehearse has a rubric for)',
  ],
  [
    'several questions of kinds with no rubric',
    [
      'Ana: Tell me about a time you disagreed with a teammate.',
      'Ben: We argued about an index once.',
      'Ana: How would you design a rate limiter for a public API?',
      'Ben: A token bucket per key, kept in Redis.',
    ],
    'nothing to grade: none of its 2 questions is one rehearse can grade (first: "Tell me about a time you disagreed with a teammate.": a behavioural question; rehearse has no rubric for that kind of question)',
  ],
  [
    'one question not read clearly enough',
    ['Interviewer: Does everyone agree?', 'Candidate: I do, mostly, though I would rather wait a week.'],
    'nothing to grade: its one question is one rehearse cannot grade (first: "Does everyone agree?": may be a question of the "incentives" family, but not clearly enough to grade (confidence 0 of the 1.5 needed))',
  ],
];

describe('nothing to grade', () => {
  it.each(cases)('%s', (_, lines, reason) => {
    const { graded, failures } = gradeText('talk.txt', lines.join('\n'), opts);
    expect(graded).toEqual([]);
    expect(failures.map((f) => f.reason)).toEqual([reason]);
  });
});
