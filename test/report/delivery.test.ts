// The delivery block under a score: a line per figure, the notes, and quoted words made safe to draw.
import { describe, expect, it } from 'vitest';
import type { Delivery } from '../../src/delivery/delivery.js';
import { deliveryLines } from '../../src/report/delivery.js';

const HEADING = 'Delivery (how it was said; not part of the score)';

/** Figures written for the test, each case changing only what it is about. */
const figures: Delivery = {
  timing: 'words',
  seconds: 100,
  words: 253,
  wordsPerMinute: 152,
  fillers: {
    count: 4,
    perMinute: 2.4,
    which: [
      { filler: 'um', count: 3 },
      { filler: 'like', count: 1 },
    ],
  },
  longestPause: { seconds: 3.2, after: 'our north star is' },
  budget: { seconds: 180, share: 0.56 },
  notes: [],
};

describe('deliveryLines', () => {
  it.each<{ name: string; delivery: Delivery; lines: string[] }>([
    {
      name: 'timed by turn starts only: the pace is a lower bound, and says so',
      delivery: { ...figures, timing: 'turns', longestPause: undefined, budget: undefined },
      lines: [
        HEADING,
        '  Pace           at least 152 words a minute (only when each turn began is known)',
        '  Fillers        4 (2.4 a minute): um ×3, like ×1',
        '  Time           1:40',
      ],
    },
    {
      name: 'every figure, each comfortable',
      delivery: figures,
      lines: [
        HEADING,
        '  Pace           152 words a minute',
        '  Fillers        4 (2.4 a minute): um ×3, like ×1',
        '  Longest pause  3.2 s, after "our north star is"',
        '  Time           1:40 of 3:00',
      ],
    },
    {
      name: 'no filler, no pause, no budget',
      delivery: { ...figures, fillers: { count: 0, perMinute: 0, which: [] }, longestPause: undefined, budget: undefined },
      lines: [HEADING, '  Pace           152 words a minute', '  Fillers        none', '  Time           1:40'],
    },
    {
      name: 'segment timings: the pause is said to be between segments',
      delivery: { ...figures, timing: 'segments', longestPause: { seconds: 4, after: 'each week' } },
      lines: [
        HEADING,
        '  Pace           152 words a minute',
        '  Fillers        4 (2.4 a minute): um ×3, like ×1',
        '  Longest pause  4.0 s between segments, after "each week"',
        '  Time           1:40 of 3:00',
      ],
    },
    {
      name: 'a note per figure out of range, after the figures',
      delivery: {
        ...figures,
        wordsPerMinute: 190,
        notes: [
          { figure: 'pace', text: 'About 190 words a minute: fast for an interview.' },
          { figure: 'time', text: '3:40 against a budget of 3:00: too long.' },
        ],
      },
      lines: [
        HEADING,
        '  Pace           190 words a minute',
        '  Fillers        4 (2.4 a minute): um ×3, like ×1',
        '  Longest pause  3.2 s, after "our north star is"',
        '  Time           1:40 of 3:00',
        '  → About 190 words a minute: fast for an interview.',
        '  → 3:40 against a budget of 3:00: too long.',
      ],
    },
    {
      name: 'words from a recording cannot act on the terminal',
      delivery: {
        ...figures,
        fillers: { count: 1, perMinute: 0.6, which: [{ filler: 'u\x1b[2Jm', count: 1 }] },
        longestPause: { seconds: 5, after: 'our \x1b[31mnorth\x1b[0m star\u202e is' },
        notes: [{ figure: 'pause', text: 'A silence of 5 seconds after "our \x1b]0;owned\x07north star is".' }],
      },
      lines: [
        HEADING,
        '  Pace           152 words a minute',
        '  Fillers        1 (0.6 a minute): um ×1',
        '  Longest pause  5.0 s, after "our north star is"',
        '  Time           1:40 of 3:00',
        '  → A silence of 5 seconds after "our north star is".',
      ],
    },
  ])('$name', ({ delivery, lines }) => {
    expect(deliveryLines(delivery)).toEqual(lines);
  });
});
