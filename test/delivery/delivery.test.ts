// Delivery figures from timed speech written for the test: pace, fillers, pauses, time against the budget, and their notes.
import { describe, expect, it } from 'vitest';
import { Delivery, DeliveryPolicy, DELIVERY_POLICY, measureDelivery, minutesAndSeconds } from '../../src/delivery/delivery.js';
import type { TimedSpeech, TimedWord } from '../../src/delivery/speech.js';

const round = (n: number) => Math.round(n * 1000) / 1000;

/**
 * Speech read at `perWord` seconds a word, one word straight after another, from `from` seconds;
 * "(2.5)" in the script is a silence of that many seconds.
 */
function say(script: string, perWord = 0.4, from = 0): TimedSpeech {
  const words: TimedWord[] = [];
  let at = from;
  for (const part of script.split(/\s+/).filter(Boolean)) {
    const pause = /^\((\d+(?:\.\d+)?)\)$/.exec(part);
    if (pause) at += Number(pause[1]);
    else {
      words.push({ word: part, start: round(at), end: round(at + perWord) });
      at += perWord;
    }
  }
  return { text: words.map((w) => w.word).join(' '), words };
}

/** Ten words, none of them a filler. */
const LINE = 'We lend drills and ladders from lockers in the lobby.';
const lines = (n: number) => Array.from({ length: n }, () => LINE).join(' ');

/** The figures of speech with no filler and no pause: the cases below change only what they are about. */
const plain = (words: number, seconds: number, wordsPerMinute: number) => ({
  timing: 'words' as const,
  seconds,
  words,
  wordsPerMinute,
  fillers: { count: 0, perMinute: 0, which: [] },
  notes: [],
});

describe('measureDelivery', () => {
  it.each<{ name: string; speech: TimedSpeech; budgetSeconds?: number; delivery: Delivery | undefined }>([
    { name: 'a comfortable pace: 50 words in 20 s', speech: say(lines(5), 0.4), delivery: plain(50, 20, 150) },
    {
      name: 'fast: 60 words in 18 s',
      speech: say(lines(6), 0.3),
      delivery: {
        ...plain(60, 18, 200),
        notes: [
          {
            figure: 'pace',
            text: 'About 200 words a minute: fast for an interview. Slow down at the numbers and at the decision, so they land.',
          },
        ],
      },
    },
    {
      name: 'slow: 30 words in 18 s',
      speech: say(lines(3), 0.6),
      delivery: {
        ...plain(30, 18, 100),
        notes: [
          {
            figure: 'pace',
            text: 'About 100 words a minute: slow enough to sound unsure. Know your first sentence before you start, and say your choice before the reasons.',
          },
        ],
      },
    },
    {
      name: 'fast, but too short to judge: 5 words in 1.5 s',
      speech: say('We lend drills and ladders.', 0.3),
      delivery: plain(5, 1.5, 200),
    },
    {
      // Pace counts the fillers: 50 words said, 4 of them fillers, in 20 s.
      name: 'four fillers in 20 s, most frequent first, a tie in the order said',
      speech: say(`Um, we lend drills, like, from lockers in the lobby. You know, members um borrow twice a month and renew. ${lines(3)}`),
      delivery: {
        ...plain(50, 20, 150),
        fillers: {
          count: 4,
          perMinute: 12,
          which: [
            { filler: 'um', count: 2 },
            { filler: 'like', count: 1 },
            { filler: 'you know', count: 1 },
          ],
        },
        notes: [
          {
            figure: 'fillers',
            text: '4 fillers, about 12 a minute, most often "um": enough to be noticed. A short silence sounds surer than a filler.',
          },
        ],
      },
    },
    {
      name: 'one filler in 20 s: three a minute is still comfortable',
      speech: say(`Um, we lend drills and ladders from the lockers downstairs. ${lines(4)}`),
      delivery: { ...plain(50, 20, 150), fillers: { count: 1, perMinute: 3, which: [{ filler: 'um', count: 1 }] } },
    },
    {
      name: 'one filler in 15 s is four a minute, and said as one',
      speech: say(`Um, we lend drills and ladders from the lockers downstairs. ${lines(3)}`, 0.375),
      delivery: {
        ...plain(40, 15, 160),
        fillers: { count: 1, perMinute: 4, which: [{ filler: 'um', count: 1 }] },
        notes: [
          {
            figure: 'fillers',
            text: '1 filler, about 4 a minute, "um": enough to be noticed. A short silence sounds surer than a filler.',
          },
        ],
      },
    },
    {
      name: 'a 5 s silence mid-answer',
      speech: say(`Our north star is (5) monthly active borrowers, members who borrow twice a month. ${lines(4)}`),
      delivery: {
        // The silence is a pause, not slow speech: the pace is of the 21.2 s spoken.
        ...plain(53, 26.2, 150),
        longestPause: { seconds: 5, after: 'Our north star is' },
        notes: [
          {
            figure: 'pause',
            text: 'A silence of 5 seconds after "Our north star is": long enough to seem lost. If you need time, say what you are weighing.',
          },
        ],
      },
    },
    {
      name: 'the longest of three pauses, 3 s, is comfortable; the four words before it lose their closing punctuation',
      speech: say(`${LINE} (1.5) Our north star is monthly active borrowers. (3) ${LINE} (0.5) ${LINE}`),
      delivery: { ...plain(37, 19.8, 112), longestPause: { seconds: 3, after: 'is monthly active borrowers' } },
    },
    {
      name: 'a third of the budget',
      speech: say(lines(5)),
      budgetSeconds: 60,
      delivery: { ...plain(50, 20, 150), budget: { seconds: 60, share: 0.33 } },
    },
    {
      name: 'under a quarter of the budget',
      speech: say(lines(5)),
      budgetSeconds: 120,
      delivery: {
        ...plain(50, 20, 150),
        budget: { seconds: 120, share: 0.17 },
        notes: [
          {
            figure: 'time',
            text: '0:20 of a 2:00 budget: probably too short for this question. Add the reason for your choice and a number behind it.',
          },
        ],
      },
    },
    {
      name: 'over the budget',
      speech: say(lines(5)),
      budgetSeconds: 15,
      delivery: {
        ...plain(50, 20, 150),
        budget: { seconds: 15, share: 1.33 },
        notes: [{ figure: 'time', text: '0:20 against a budget of 0:15: too long. Give the answer first and cut the background.' }],
      },
    },
    { name: 'a budget of nothing is no budget', speech: say(lines(5)), budgetSeconds: 0, delivery: plain(50, 20, 150) },
    {
      name: 'everything out of range at once, the notes in a fixed order',
      speech: say(`Um, uh, we lend drills. (6) Um, ${lines(5)} um`, 0.2),
      budgetSeconds: 10,
      delivery: {
        timing: 'words',
        seconds: 17.4,
        // Pace and filler rate over the 11.4 s spoken, without the 6 s silence.
        words: 57,
        wordsPerMinute: 300,
        fillers: {
          count: 4,
          perMinute: 21.1,
          which: [
            { filler: 'um', count: 3 },
            { filler: 'uh', count: 1 },
          ],
        },
        longestPause: { seconds: 6, after: 'uh, we lend drills' },
        budget: { seconds: 10, share: 1.74 },
        notes: [
          { figure: 'pace', text: expect.stringContaining('300 words a minute') },
          { figure: 'fillers', text: expect.stringContaining('4 fillers') },
          { figure: 'pause', text: expect.stringContaining('6 seconds') },
          { figure: 'time', text: expect.stringContaining('too long') },
        ],
      },
    },
    {
      // Only when each turn began: the pace is a lower bound, so it is never called slow, and no pause can be told.
      name: 'turn starts only (Otter): no pause, and a low pace is not judged',
      speech: {
        text: lines(3),
        segments: [
          { text: lines(2), start: 0, end: 20, approximate: true as const },
          { text: LINE, start: 20, end: 30, approximate: true as const },
        ],
      },
      delivery: { ...plain(30, 30, 60), timing: 'turns' as const },
    },
    {
      // Segments: the time runs from the first start to the last end, pauses are the gaps between segments.
      name: 'segment timings only',
      speech: {
        text: `${lines(2)} Our north star is monthly active borrowers.`,
        segments: [
          { text: lines(2), start: 1, end: 9 },
          { text: 'Our north star is monthly active borrowers.', start: 12.5, end: 15 },
        ],
      },
      delivery: {
        ...plain(27, 14, 116),
        timing: 'segments',
        longestPause: { seconds: 3.5, after: 'lockers in the lobby' },
      },
    },
    {
      name: 'segments back to back have no pause',
      speech: {
        text: lines(4),
        segments: [
          { text: lines(2), start: 0, end: 8 },
          { text: lines(2), start: 8, end: 16 },
        ],
      },
      delivery: { ...plain(40, 16, 150), timing: 'segments' },
    },
    {
      name: 'word timings win over segments, and are put in order',
      speech: {
        text: 'We lend drills.',
        words: [
          { word: 'drills.', start: 0.8, end: 1.2 },
          { word: 'We', start: 0, end: 0.4 },
          { word: 'lend', start: 0.4, end: 0.8 },
        ],
        segments: [{ text: 'We lend drills.', start: 0, end: 30 }],
      },
      delivery: plain(3, 1.2, 150),
    },
    { name: 'no timings at all', speech: { text: LINE }, delivery: undefined },
    { name: 'empty lists of timings', speech: { text: LINE, words: [], segments: [] }, delivery: undefined },
    { name: 'an empty text', speech: { text: '', words: [] }, delivery: undefined },
    {
      name: 'timings that hold no word',
      speech: { text: '', words: [{ word: '—', start: 0, end: 1 }], segments: [{ text: ' ', start: 0, end: 2 }] },
      delivery: undefined,
    },
  ])('$name', ({ speech, budgetSeconds, delivery }) => {
    const measured = measureDelivery(speech, budgetSeconds === undefined ? {} : { budgetSeconds });
    expect(measured).toEqual(delivery);
    if (measured) expect(Delivery.parse(measured)).toEqual(measured);
  });
});

describe('the note on fillers', () => {
  it('names the one said most, or the ones said equally often', () => {
    const note = (script: string) => measureDelivery(say(script))!.notes.find((n) => n.figure === 'fillers')!.text;
    expect(note(`Um, ${lines(3)} um, uh.`)).toContain('most often "um"');
    expect(note(`Um, ${lines(3)} uh.`)).toContain('("um", "uh")');
  });
});

describe("fillers in a transcription service's reply", () => {
  it('are counted in its text, where the commas are: its word timings come without them', () => {
    const speech = say(lines(2).replace('ladders', 'ladders, you know, like, lockers'));
    const bare = { ...speech, words: speech.words!.map((w) => ({ ...w, word: w.word.replace(/[,.]/g, '') })) };
    expect(measureDelivery(bare)!.fillers.which).toEqual([
      { filler: 'you know', count: 1 },
      { filler: 'like', count: 1 },
    ]);
  });
});

describe('the delivery policy', () => {
  it('loads, and says why for every figure', () => {
    expect(DeliveryPolicy.parse(DELIVERY_POLICY)).toEqual(DELIVERY_POLICY);
    for (const figure of Object.values(DELIVERY_POLICY)) expect(figure.why.length).toBeGreaterThan(20);
  });

  it.each([
    { name: 'a slow pace above the fast one', change: { pace: { ...DELIVERY_POLICY.pace, slowBelow: 200 } }, path: 'pace' },
    { name: 'a share of the budget above 1', change: { time: { ...DELIVERY_POLICY.time, shortBelow: 2 } }, path: 'time.shortBelow' },
    { name: 'a figure without its reason', change: { pause: { secondsAbove: 4 } }, path: 'pause.why' },
    { name: 'a field it does not know', change: { volume: {} }, path: '' },
  ])('refuses $name, naming the field', ({ change, path }) => {
    const parsed = DeliveryPolicy.safeParse({ ...DELIVERY_POLICY, ...change });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]!.path.join('.')).toBe(path);
  });
});

describe('minutesAndSeconds', () => {
  it.each([
    [0, '0:00'],
    [9.6, '0:10'],
    [65, '1:05'],
    [180, '3:00'],
    [3599.6, '60:00'],
  ])('%d s is %s', (s, clock) => {
    expect(minutesAndSeconds(s)).toBe(clock);
  });
});
