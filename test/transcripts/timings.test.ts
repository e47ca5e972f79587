// Transcript turns keep when they were said: subtitle cues with their start and end, and formats
// that time only where each turn starts, each turn lasting until the next one begins.
import { describe, expect, it } from 'vitest';
import { parseTranscripts } from '../../src/transcripts/detect.js';
import { mergeSpeakers, type TranscriptTurn } from '../../src/transcripts/types.js';

const lines = (...l: string[]) => `${l.join('\n')}\n`;
const parse = (text: string) => parseTranscripts(text)[0]!;

describe('each timed format gives its turns their segments', () => {
  it.each<[string, string, string, TranscriptTurn[]]>([
    [
      'WebVTT from auto-captions: the word timestamps inside a cue are markup, not words',
      'vtt',
      lines(
        'WEBVTT',
        '',
        '00:00:05.000 --> 00:00:07.000',
        '<v Ken Ito><00:00:05.000><c>Um,</c><00:00:05.400><c> repeat</c><00:00:05.900><c> orders.</c></v>',
      ),
      [
        {
          speaker: 'Ken Ito',
          text: 'Um, repeat orders.',
          line: 4,
          start: 5,
          segments: [{ text: 'Um, repeat orders.', start: 5, end: 7 }],
        },
      ],
    ],
    [
      'WebVTT, Teams voices: a speaker over two cues keeps both; a cue of two lines is one segment',
      'vtt',
      lines(
        'WEBVTT',
        '',
        'a1/3-0',
        '00:00:01.500 --> 00:00:04.000',
        '<v Rosa Lind>Which metric would you track first?</v>',
        '',
        'a1/7-0',
        '00:00:04.800 --> 00:00:09.250',
        '<v Ken Ito>Um, repeat orders in the first month,',
        'because that is when habits form.</v>',
        '',
        'a1/7-1',
        '00:00:11.000 --> 00:00:13.000',
        '<v Ken Ito>After that, churn.</v>',
      ),
      [
        {
          speaker: 'Rosa Lind',
          text: 'Which metric would you track first?',
          line: 5,
          start: 1.5,
          segments: [{ text: 'Which metric would you track first?', start: 1.5, end: 4 }],
        },
        {
          speaker: 'Ken Ito',
          text: 'Um, repeat orders in the first month, because that is when habits form. After that, churn.',
          line: 9,
          start: 4.8,
          joined: [{ line: 14, at: 72 }],
          segments: [
            { text: 'Um, repeat orders in the first month, because that is when habits form.', start: 4.8, end: 9.25 },
            { text: 'After that, churn.', start: 11, end: 13 },
          ],
        },
      ],
    ],
    [
      'SRT with "Name:" prefixes and hour-long times',
      'srt',
      lines(
        '1',
        '01:02:03,000 --> 01:02:05,500',
        'Rosa: Why that one?',
        '',
        '2',
        '01:02:06,000 --> 01:02:10,000',
        'Ken: It moves first.',
        '',
        '3',
        '01:02:10,000 --> 01:02:12,000',
        'Rosa: Thanks.',
      ),
      [
        { speaker: 'Rosa', text: 'Why that one?', line: 3, start: 3723, segments: [{ text: 'Why that one?', start: 3723, end: 3725.5 }] },
        { speaker: 'Ken', text: 'It moves first.', line: 7, start: 3726, segments: [{ text: 'It moves first.', start: 3726, end: 3730 }] },
        { speaker: 'Rosa', text: 'Thanks.', line: 11, start: 3730, segments: [{ text: 'Thanks.', start: 3730, end: 3732 }] },
      ],
    ],
    [
      'Otter: a turn lasts until the next starts, whoever speaks; the last turn has no end, so no segment',
      'otter',
      lines(
        'Rosa Lind  0:05',
        'Which metric would you track first?',
        '',
        'Ken Ito  0:09',
        'Repeat orders in the first month.',
        '',
        'Ken Ito  0:14',
        'Then churn, you know, after the second box.',
        '',
        'Rosa Lind  0:21',
        'Why those two?',
        '',
        'Ken Ito  0:24',
        'They move before revenue does.',
      ),
      [
        {
          speaker: 'Rosa Lind',
          text: 'Which metric would you track first?',
          line: 2,
          start: 5,
          segments: [{ text: 'Which metric would you track first?', start: 5, end: 9, approximate: true }],
        },
        {
          speaker: 'Ken Ito',
          text: 'Repeat orders in the first month. Then churn, you know, after the second box.',
          line: 5,
          start: 9,
          joined: [{ line: 8, at: 34 }],
          segments: [
            { text: 'Repeat orders in the first month.', start: 9, end: 14, approximate: true },
            { text: 'Then churn, you know, after the second box.', start: 14, end: 21, approximate: true },
          ],
        },
        {
          speaker: 'Rosa Lind',
          text: 'Why those two?',
          line: 11,
          start: 21,
          segments: [{ text: 'Why those two?', start: 21, end: 24, approximate: true }],
        },
        { speaker: 'Ken Ito', text: 'They move before revenue does.', line: 14, start: 24 },
      ],
    ],
    [
      'text with a bracketed time before each name',
      'text',
      // A title first: a file that opens with "[" is read as JSON.
      lines(
        'Call with Ken, product role',
        '[00:01] Rosa: What would you measure?',
        '[00:04] Ken: Weekly active teams.',
        'Then seats per team.',
        '[00:15] Rosa: Why?',
      ),
      [
        {
          speaker: 'Rosa',
          text: 'What would you measure?',
          line: 2,
          start: 1,
          segments: [{ text: 'What would you measure?', start: 1, end: 4, approximate: true }],
        },
        {
          speaker: 'Ken',
          text: 'Weekly active teams.\nThen seats per team.',
          line: 3,
          start: 4,
          segments: [{ text: 'Weekly active teams.\nThen seats per team.', start: 4, end: 15, approximate: true }],
        },
        { speaker: 'Rosa', text: 'Why?', line: 5, start: 15 },
      ],
    ],
    [
      'text with the time after the name, as podcasts write it',
      'text',
      lines('Rosa (00:12:31): What would you measure?', '', 'Ken (00:12:40): Weekly active teams.', '', 'Rosa (00:13:02): Why?'),
      [
        {
          speaker: 'Rosa',
          text: 'What would you measure?',
          line: 1,
          start: 751,
          segments: [{ text: 'What would you measure?', start: 751, end: 760, approximate: true }],
        },
        {
          speaker: 'Ken',
          text: 'Weekly active teams.',
          line: 3,
          start: 760,
          segments: [{ text: 'Weekly active teams.', start: 760, end: 782, approximate: true }],
        },
        { speaker: 'Rosa', text: 'Why?', line: 5, start: 782 },
      ],
    ],
    [
      "Zoom's saved transcript: meeting clock times, counted from the first turn",
      'zoom',
      lines(
        '[Rosa Lind] 14:30:05',
        'What would you measure?',
        '',
        '[Ken Ito] 14:30:09',
        'Weekly active teams.',
        '',
        '[Rosa Lind] 14:30:20',
        'Why?',
      ),
      [
        {
          speaker: 'Rosa Lind',
          text: 'What would you measure?',
          line: 2,
          start: 0,
          segments: [{ text: 'What would you measure?', start: 0, end: 4, approximate: true }],
        },
        {
          speaker: 'Ken Ito',
          text: 'Weekly active teams.',
          line: 5,
          start: 4,
          segments: [{ text: 'Weekly active teams.', start: 4, end: 15, approximate: true }],
        },
        { speaker: 'Rosa Lind', text: 'Why?', line: 8, start: 15 },
      ],
    ],
    [
      "Zoom's web copy: a name line, a time line, then the words",
      'text',
      lines(
        'Rosa Lind',
        '00:00:03',
        'What would you measure?',
        '',
        'Ken Ito',
        '00:00:07',
        'Weekly active teams.',
        '',
        'Rosa Lind',
        '00:00:30',
        'Why?',
      ),
      [
        {
          speaker: 'Rosa Lind',
          text: 'What would you measure?',
          line: 3,
          start: 3,
          segments: [{ text: 'What would you measure?', start: 3, end: 7, approximate: true }],
        },
        {
          speaker: 'Ken Ito',
          text: 'Weekly active teams.',
          line: 7,
          start: 7,
          segments: [{ text: 'Weekly active teams.', start: 7, end: 30, approximate: true }],
        },
        { speaker: 'Rosa Lind', text: 'Why?', line: 11, start: 30 },
      ],
    ],
  ])('%s', (_, format, text, turns) => {
    const t = parse(text);
    expect(t.format).toBe(format);
    expect(t.turns).toEqual(turns);
  });
});

describe('turns without their own times get no segments', () => {
  it.each([
    ['plain "Name: text" lines', lines('Rosa: What would you measure?', 'Ken: Weekly active teams.', 'Rosa: Why?')],
    // Meet writes a time every few minutes: it times the turn right after it, whose end is then unknown.
    [
      'a time line over several turns (Google Meet)',
      lines(
        'Team sync - Transcript',
        '',
        'Attendees',
        'Rosa Lind, Ken Ito',
        '',
        'Transcript',
        '',
        '00:00:00',
        '',
        'Rosa Lind: What would you measure?',
        'Ken Ito: Weekly active teams.',
        'Rosa Lind: Why?',
        '00:05:00',
        '',
        'Ken Ito: Because teams renew.',
      ),
    ],
    ['subtitle cues with an end before their start', lines('WEBVTT', '', '00:00:05.000 --> 00:00:02.000', '<v Rosa>Why?</v>')],
    ['chat messages', '[{"role": "assistant", "content": "Why?"}, {"role": "user", "content": "Because teams renew."}]'],
  ])('%s', (_, text) => {
    expect(parse(text).turns.filter((t) => t.segments)).toEqual([]);
  });

  it('two turns stamped the same second: the first has no length to time', () => {
    const t = parse(lines('[Rosa] 10:00:00', 'Why?', '', '[Ken] 10:00:00', 'Because teams renew.', '', '[Rosa] 10:00:06', 'Thanks.'));
    expect(t.turns.map((x) => x.segments)).toEqual([
      undefined,
      [{ text: 'Because teams renew.', start: 0, end: 6, approximate: true }],
      undefined,
    ]);
  });
});

describe('mergeSpeakers', () => {
  it('a speaker’s turns in a row become one, with every segment of them, in order; empty turns add none', () => {
    const seg = (text: string, start: number) => ({ text, start, end: start + 1 });
    const turns: TranscriptTurn[] = [
      { speaker: 'Ken', text: 'One.', line: 1, segments: [seg('One.', 0)] },
      { speaker: 'Ken', text: ' ', line: 2 },
      { speaker: 'Ken', text: 'Two. Three.', line: 3, segments: [seg('Two.', 2), seg('Three.', 4)] },
      { speaker: 'Ken', text: 'Four.', line: 4 },
      { speaker: 'Rosa', text: 'Why?', line: 5, segments: [seg('Why?', 6)] },
    ];
    expect(mergeSpeakers(turns)).toEqual([
      {
        speaker: 'Ken',
        text: 'One. Two. Three. Four.',
        line: 1,
        segments: [seg('One.', 0), seg('Two.', 2), seg('Three.', 4)],
        // Where each later piece starts, so a question within the joined turn can name its own line.
        joined: [
          { line: 3, at: 5 },
          { line: 4, at: 17 },
        ],
      },
      { speaker: 'Rosa', text: 'Why?', line: 5, segments: [seg('Why?', 6)] },
    ]);
    // The turns passed in are left as they were.
    expect(turns[0]!.segments).toEqual([seg('One.', 0)]);
  });
});
