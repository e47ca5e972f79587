// Conversations that are not all interview: podcasts, meetings, interviews for other jobs. Only the
// product questions are graded, each with its own answers; everything else is passed over or
// listed as not graded with its reason.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { conversationTally, lineTally } from '../../bench/precision.js';
import { gradeOptions } from '../../src/batch/options.js';
import { gradeText } from '../../src/batch/grade.js';
import { loadLibrary } from '../../src/scenario/load.js';
import { familiesOf } from '../../src/transcripts/families.js';
import { readTurn } from '../../src/transcripts/reading.js';
import { fixture, rehearse } from '../helpers.js';

const opts = gradeOptions({ scenario: 'auto' });
const grade = (name: string) => gradeText(name, readFileSync(fixture(`conversations/${name}`), 'utf8'), opts);

interface Outcome {
  /** Graded questions: line, family, follow-ups, and the lines of the answers graded. */
  graded: [number, string, number, number[]][];
  /** Questions listed as not graded: line and kind. */
  notGraded: [number, string][];
}

const conversations: [string, Outcome][] = [
  [
    'interview-pm.txt',
    {
      graded: [
        [5, 'kpi', 1, [6, 8]],
        [9, 'metrics', 0, [10]],
        [11, 'shortfall', 0, [12]],
        [13, 'incentives', 0, [14]],
      ],
      // The greeting, the introduction and "Do you have any questions for me?" are passed over.
      notGraded: [],
    },
  ],
  [
    'podcast-sponsor.txt',
    {
      // The remark "Incentives. What a power they have." closes the first question: its reply is not graded.
      // The sponsor read is left out, and the question the host asks after it is graded on its own.
      // "A quarter where the number just didn't move" is a shortfall, asked of the guest's own past.
      graded: [
        [8, 'kpi', 1, [9, 11]],
        [14, 'metrics', 0, [16]],
        [17, 'shortfall', 0, [18]],
      ],
      notGraded: [],
    },
  ],
  [
    'podcast-long-answers.txt',
    {
      // A new topic (a hire) opens a question of its own instead of following up the one before;
      // the question about north star metrics is graded, not absorbed.
      graded: [
        [3, 'incentives', 2, [4, 6, 8]],
        [13, 'kpi', 1, [14, 16]],
      ],
      notGraded: [[9, 'unrecognised']],
    },
  ],
];

const refused: [string, RegExp][] = [
  // Stand-up talk, logistics and "Anything else before we wrap up?": nothing graded.
  ['meeting-wrapup.txt', /^nothing to grade: none of its 2 questions is one rehearse can grade/],
  [
    'non-pm-interview.txt',
    /^nothing to grade: none of its \d+ questions is one rehearse can grade \(first: "Tell me about a time you disagreed.*a behavioural question/,
  ],
];

describe('conversations that are not all interview', () => {
  it.each(conversations)('%s: only the product questions are graded, each with its own answers', (name, want) => {
    const { graded, failures } = grade(name);
    expect(failures).toEqual([]);
    const t = graded[0]!;
    expect({
      graded: t.answers.map((a) => [a.line, a.family, a.followUps, a.answers.map((x) => x.line)]),
      notGraded: t.unaligned.map((u) => [u.line, u.kind]),
    }).toEqual(want);
    // Every ungraded question says why.
    for (const u of t.unaligned) expect(u.reason).toMatch(/\w{3}/);
  });

  it.each(refused)('%s has nothing to grade, and says why on one line', (name, reason) => {
    const { graded, failures } = grade(name);
    expect(graded).toEqual([]);
    expect(failures.map((f) => f.reason)).toEqual([expect.stringMatching(reason)]);
  });

  it('the built CLI refuses the meeting with exit 1 and grades the interview', () => {
    const meeting = rehearse(['grade', 'test/fixtures/conversations/meeting-wrapup.txt']);
    expect(meeting.code).toBe(1);
    expect(meeting.stderr).toMatch(/meeting-wrapup\.txt:\d+: nothing to grade/);
    const out = JSON.parse(rehearse(['grade', 'test/fixtures/conversations/interview-pm.txt', '--format', 'json']).stdout);
    expect(out.transcripts[0].answers.map((a: { family: string }) => a.family)).toEqual(['kpi', 'metrics', 'shortfall', 'incentives']);
  });
});

describe('reading an interviewer turn', () => {
  const families = familiesOf([loadLibrary('scenarios/rubrics/pm.yaml')], []);
  const read = (text: string) => {
    const r = readTurn(text, families);
    return r.kind === 'family'
      ? `family ${r.family.family}`
      : r.kind === 'aside'
        ? `aside ${r.aside}`
        : r.kind === 'unsure'
          ? `unsure ${r.family ?? '?'}`
          : r.kind;
  };

  it.each([
    ['Incentives. What a power they have.', 'remark'],
    ['Right? That is what I keep telling people.', 'remark'],
    ['Sales and product are both at the all-hands tomorrow, right?', 'remark'],
    ['Anything else before we wrap up?', 'aside wrap-up'],
    ['Where can people find you online?', 'aside wrap-up'],
    ['Can you tell our listeners a bit about how you got into product?', 'aside introduction'],
    ['Can everyone see my screen?', 'aside logistics'],
    ['Thanks so much, and thank you all for listening?', 'aside thanks'],
    ['This episode is brought to you by Ledgerly. Tired of spreadsheets? Try it free.', 'aside sponsor'],
    // Shows an incentives cue and nothing else: listed, not graded.
    ['Does everyone agree?', 'unsure incentives'],
    ['What is the one metric you would pick for this product?', 'family kpi'],
    // A weak cue ("what now") set up by the sentence before it.
    ['Revenue came in 20% under plan last month. What now?', 'family shortfall'],
    // The ad is left out, and the question after it read alone.
    [
      'A word from our sponsor: use code SHIP for a free month. Okay, we are back. Beyond your north star, which other numbers would you keep an eye on?',
      'family metrics',
    ],
    ['How would you design a rate limiter for a public API?', 'unrecognised'],
  ])('%s → %s', (text, want) => {
    expect(read(text)).toBe(want);
  });
});

describe('precision and recall on sets written for them', () => {
  it('single lines: 95% or more of the graded are right, 90% or more of the product questions are found', () => {
    const t = lineTally();
    expect({ precision: t.right / (t.right + t.wrong) >= 0.95, recall: t.right / t.keyed >= 0.9, misses: t.misses }).toMatchObject({
      precision: true,
      recall: true,
    });
  });

  it('conversations: every question graded is one the key names, under its family', () => {
    const t = conversationTally();
    expect({ wrong: t.wrong, misses: t.misses }).toMatchObject({ wrong: 0 });
    expect(t.right).toBeGreaterThanOrEqual(8);
  });
});
