// Encodings and the input shapes beyond the one interview in every format: SRT without cue
// numbers, Zoom's saved transcript, and chat logs written one message per line.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gradeOptions } from '../../src/batch/options.js';
import { processFile } from '../../src/batch/process.js';
import { decode } from '../../src/decode.js';
import { parseTranscripts } from '../../src/transcripts/detect.js';
import { cast } from '../../src/transcripts/speakers.js';
import { TranscriptError } from '../../src/transcripts/types.js';
import { fixture } from '../helpers.js';

function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  return undefined;
}

const path = (name: string) => fixture(`transcripts/${name}`);
const bytes = (name: string) => readFileSync(path(name));

/** What a user would see of a file: how it was decoded, and the one transcript in it. */
function reading(name: string) {
  const { text, encoding, notice } = decode(bytes(name));
  const transcripts = parseTranscripts(text);
  const t = transcripts[0]!;
  return {
    encoding,
    notice,
    transcripts: transcripts.length,
    format: t.format,
    speakers: [...new Set(t.turns.map((x) => x.speaker))],
    turns: t.turns.length,
    first: t.turns[0]!.text,
  };
}

describe('each shape, read from its bytes', () => {
  it.each([
    {
      file: 'utf16le-bom.txt',
      encoding: 'utf-16le',
      format: 'text',
      speakers: ['Meera Iyer', 'Tomás Ortega'],
      turns: 7,
      first: 'Welcome, and thanks for making the time.',
    },
    {
      file: 'utf16be-bom.txt',
      encoding: 'utf-16be',
      format: 'text',
      speakers: ['Kavya Menon', 'Björn Sæther'],
      turns: 5,
      first: 'Hi Björn, good to meet you.',
    },
    {
      file: 'cp1252.txt',
      encoding: 'windows-1252',
      notice: { reason: 'assumed-windows-1252', message: 'not UTF-8; read as Windows-1252' },
      format: 'text',
      speakers: ['Hélène Dubois', 'Rahul Verma'],
      turns: 5,
      first: 'Thanks for coming in, Rahul – shall we get started?',
    },
    {
      file: 'srt-no-numbers.srt',
      encoding: 'utf-8',
      format: 'srt',
      speakers: ['Nadia Farouk', 'Sam Whitfield'],
      turns: 5,
      first: 'Hi Sam, thanks for joining us.',
    },
    {
      file: 'zoom-saved.txt',
      encoding: 'utf-8',
      format: 'zoom',
      speakers: ['Ines Carvalho', 'Dev Malhotra'],
      turns: 5,
      first: 'Thanks for joining, Dev. Shall we start?',
    },
    {
      file: 'chat-messages.jsonl',
      encoding: 'utf-8',
      format: 'chat-jsonl',
      speakers: ['Interviewer', 'Candidate'],
      turns: 5,
      first: 'Hello! Thanks for joining this practice round.',
    },
  ])('$file is read as $format ($encoding)', ({ file, ...expected }) => {
    expect(reading(file)).toEqual({ notice: undefined, transcripts: 1, ...expected });
  });
});

describe('encodings', () => {
  // The encoded fixtures are bytes, not text: an editor that saves them back as UTF-8 shows up here.
  it('the encoded fixtures hold the bytes they are named for', () => {
    expect([...bytes('utf16le-bom.txt').subarray(0, 4)]).toEqual([0xff, 0xfe, 0x4d, 0x00]);
    expect([...bytes('utf16be-bom.txt').subarray(0, 4)]).toEqual([0xfe, 0xff, 0x00, 0x4b]);
    const cp1252 = bytes('cp1252.txt');
    expect(cp1252.includes(0xe9) && cp1252.includes(0x92) && cp1252.includes(0x96)).toBe(true);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(cp1252)).toThrow();
  });

  it('UTF-16 is text, not binary, for all the NUL bytes it has', () => {
    expect(bytes('utf16le-bom.txt').includes(0)).toBe(true);
    const t = parseTranscripts(decode(bytes('utf16le-bom.txt')).text)[0]!;
    expect(t.turns[1]!.text).toBe('Glad to be here — thanks for having me.');
    expect(t.turns[3]!.text).toContain('I’d choose weekly active merchants');
  });

  it('Windows-1252 keeps its curly quotes, dashes and accents (bytes 0x80–0x9F are not control codes)', () => {
    const t = parseTranscripts(decode(bytes('cp1252.txt')).text)[0]!;
    expect(t.turns[1]!.text).toBe('Yes, I’m ready.');
    expect(decode(Uint8Array.from([0x80, 0x85, 0x91, 0x92, 0x93, 0x94, 0x96, 0x97, 0x99, 0x9c, 0xe9])).text).toBe('€…‘’“”–—™œé');
  });

  it.each([
    ['UTF-8', [...Buffer.from('Sam: Hi — welcome.')], { text: 'Sam: Hi — welcome.', encoding: 'utf-8' }],
    [
      'UTF-8 with a byte-order mark, which is dropped',
      [0xef, 0xbb, 0xbf, ...Buffer.from('Sam: Hi')],
      { text: 'Sam: Hi', encoding: 'utf-8' },
    ],
    ['an empty file', [], { text: '', encoding: 'utf-8' }],
    [
      'UTF-8 with one bad byte among good characters: still UTF-8, the byte replaced',
      [...Buffer.from('Sam: I’d say “retention” — '), 0xff, ...Buffer.from(' ok')],
      {
        text: 'Sam: I’d say “retention” — \uFFFD ok',
        encoding: 'utf-8',
        notice: { reason: 'invalid-utf-8-replaced', message: '1 byte sequence(s) are not valid UTF-8 and were replaced by \uFFFD' },
      },
    ],
    [
      'binary that is not UTF-8: no guess at a code page, the parser refuses it',
      [0, 1, 2, 3, 255, 0, 7],
      { text: '\u0000\u0001\u0002\u0003ÿ\u0000\u0007', encoding: 'windows-1252' },
    ],
  ])('%s', (_, input, expected) => {
    expect(decode(Uint8Array.from(input))).toEqual(expected);
  });

  it('the notice reaches the file outcome; files read without a guess have none', () => {
    const opts = gradeOptions({ scenario: 'fintech' });
    const legacy = processFile(path('cp1252.txt'), 'csv', opts);
    expect(legacy).toMatchObject({
      failures: [],
      transcripts: 1,
      notices: [{ file: path('cp1252.txt'), reason: 'assumed-windows-1252', message: 'not UTF-8; read as Windows-1252' }],
    });
    expect(processFile(path('utf16le-bom.txt'), 'csv', opts)).toMatchObject({ failures: [], notices: [], transcripts: 1 });
    expect(processFile(path('no-such-file.txt'), 'csv', opts)).toMatchObject({
      notices: [],
      failures: [{ reason: expect.stringMatching(/^cannot be read/) }],
    });
  });
});

describe('SRT without cue numbers', () => {
  it('is SRT, with its times and the line each cue text starts on', () => {
    const t = parseTranscripts(readFileSync(path('srt-no-numbers.srt'), 'utf8'))[0]!;
    expect(t.turns.map((x) => [x.speaker, x.start, x.line])).toEqual([
      ['Nadia Farouk', 1, 2],
      ['Sam Whitfield', 4, 5],
      ['Nadia Farouk', 6, 8],
      ['Sam Whitfield', 11, 12],
      ['Nadia Farouk', 25, 18],
    ]);
    expect(t.turns[2]!.text).toBe('What is the most important KPI for our product, and why would you choose it?');
  });

  it('with or without the blank line between cues', () => {
    const packed = [
      '00:00:01,000 --> 00:00:02,000',
      'Ann: What is your KPI?',
      '00:00:03,000 --> 00:00:04,000',
      'Bo: Retention.',
      '3',
      '00:00:05,000 --> 00:00:06,000',
      'Ann: Why?',
      '00:00:07,000 --> 00:00:08,000',
      'Bo: It shows value.',
    ].join('\n');
    const t = parseTranscripts(packed)[0]!;
    expect(t.format).toBe('srt');
    expect(t.turns.map((x) => [x.speaker, x.text, x.start])).toEqual([
      ['Ann', 'What is your KPI?', 1],
      ['Bo', 'Retention.', 3],
      ['Ann', 'Why?', 5],
      ['Bo', 'It shows value.', 7],
    ]);
  });

  it('an arrow inside a cue’s text does not start a cue', () => {
    const cues = ['Ann: Walk me through the funnel.', 'Bo: Visit\nsignup --> first payment', 'Ann: Where do most drop?', 'Bo: At signup.'];
    const srt = cues.map((c, i) => `00:00:0${i + 1},000 --> 00:00:0${i + 2},000\n${c}\n`).join('\n');
    const t = parseTranscripts(srt)[0]!;
    expect(t.turns.map((x) => x.text)).toEqual([
      'Walk me through the funnel.',
      'Visit signup --> first payment',
      'Where do most drop?',
      'At signup.',
    ]);
  });
});

describe("Zoom's saved transcript", () => {
  const zoom = () => parseTranscripts(readFileSync(path('zoom-saved.txt'), 'utf8'))[0]!;

  it('times are seconds from the first turn; a speaker’s blocks in a row are one turn, starting where the words do', () => {
    expect(zoom().turns.map((x) => [x.speaker, x.start, x.line])).toEqual([
      ['Ines Carvalho', 0, 2],
      ['Dev Malhotra', 4, 5],
      ['Ines Carvalho', 7, 8],
      ['Dev Malhotra', 15, 11],
      ['Ines Carvalho', 40, 18],
    ]);
    expect(zoom().turns[3]!.text).toMatch(/a month\. They are the merchants.*where the margin is\.$/s);
  });

  it('a meeting past midnight keeps counting; a turn a second out of order does not jump a day', () => {
    const t = parseTranscripts('[Ann] 23:59:50\nWhat is your KPI?\n\n[Bo] 23:59:49\nRetention.\n\n[Ann] 00:00:05\nWhy?\n')[0]!;
    expect(t.turns.map((x) => x.start)).toEqual([0, 0, 15]);
  });

  it('is told from JSON, which also opens with a bracket', () => {
    expect(parseTranscripts('[{"role": "assistant", "content": "Hi"}, {"role": "user", "content": "Hello"}]')[0]!.format).toBe('chat-json');
    expect(() => parseTranscripts('[Ann] 10:00:00\n\n[Bo] 10:00:02\n')).toThrow(TranscriptError);
    expect(() => parseTranscripts('[Ann] 10:00:00\n\n[Bo] 10:00:02\n')).toThrow(/no speech in this Zoom transcript/);
  });
});

describe('chat logs', () => {
  it('one message per line is one conversation, each turn on its own line, the system prompt left out', () => {
    const ts = parseTranscripts(readFileSync(path('chat-messages.jsonl'), 'utf8'));
    expect(ts).toHaveLength(1);
    expect(ts[0]!.turns.map((x) => [x.speaker, x.role, x.line])).toEqual([
      ['Interviewer', 'interviewer', 2],
      ['Candidate', 'candidate', 3],
      ['Interviewer', 'interviewer', 4],
      ['Candidate', 'candidate', 5],
      ['Interviewer', 'interviewer', 6],
    ]);
  });

  it('one conversation per line is still many conversations', () => {
    const ts = parseTranscripts(readFileSync(path('interviews.jsonl'), 'utf8'));
    expect(ts.map((t) => [t.format, t.index])).toEqual([
      ['chat-jsonl', 0],
      ['chat-jsonl', 1],
    ]);
    expect(ts[0]!.turns[0]).toMatchObject({ speaker: 'Interviewer', role: 'interviewer' });
  });

  it('a name wins over the default, the role still says who is who, even when the candidate asks more', () => {
    const log = [
      { role: 'assistant', name: 'Ananya', content: 'Tell me about your north star.' },
      { role: 'user', name: 'Priya', content: 'Can I ask first: is it for merchants? And which market?' },
      { role: 'assistant', name: 'Ananya', content: 'Merchants in India.' },
    ];
    const t = parseTranscripts(log.map((m) => JSON.stringify(m)).join('\n'))[0]!;
    expect(t.turns.map((x) => [x.speaker, x.role])).toEqual([
      ['Ananya', 'interviewer'],
      ['Priya', 'candidate'],
      ['Ananya', 'interviewer'],
    ]);
    expect(cast(t)).toMatchObject({ interviewer: 'Ananya', candidate: 'Priya' });
  });

  it("Gemini's model role and parts; a role it does not know keeps its name, and no role is assumed", () => {
    const log = [
      { role: 'model', parts: [{ text: 'What is your KPI?' }] },
      { role: 'user', content: 'Retention.' },
      { role: 'observer', content: 'Noted.' },
    ];
    const t = parseTranscripts(JSON.stringify(log))[0]!;
    expect(t.turns).toEqual([
      { speaker: 'Interviewer', role: 'interviewer', text: 'What is your KPI?', line: 1 },
      { speaker: 'Candidate', role: 'candidate', text: 'Retention.', line: 1 },
      { speaker: 'observer', text: 'Noted.', line: 1 },
    ]);
  });

  it('a bad line in a message-per-line log is reported at its line', () => {
    expect(thrown(() => parseTranscripts('{"role": "assistant", "content": "Hi"}\n\n{"content": "no role"}\n'))).toMatchObject({
      message: 'message 2 has no "role" or "speaker"',
      line: 3,
    });
  });
});
