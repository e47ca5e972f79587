import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gradeText } from '../../src/batch/grade.js';
import { gradeOptions } from '../../src/batch/options.js';
import { align, familiesOf } from '../../src/transcripts/align.js';
import { parseTranscripts } from '../../src/transcripts/detect.js';
import { cast } from '../../src/transcripts/speakers.js';
import { TranscriptError } from '../../src/transcripts/types.js';
import { loadLibrary } from '../../src/scenario/load.js';
import { findScenario } from '../../src/scenario/catalog.js';
import { fixture } from '../helpers.js';

const read = (name: string) => readFileSync(fixture(`transcripts/${name}`), 'utf8');
const only = (name: string) => {
  const ts = parseTranscripts(read(name));
  expect(ts).toHaveLength(1);
  return ts[0]!;
};

const FIRST_ANSWER_START = 'My north star would be monthly transacting merchants';

describe('each format, recognised by its content', () => {
  it.each([
    ['interview.txt', 'text'],
    ['interview-qa.txt', 'text'],
    ['interview-otter.txt', 'otter'],
    ['interview-meet.txt', 'meet'],
    ['interview-teams.vtt', 'vtt'],
    ['interview-zoom.vtt', 'vtt'],
    ['interview.srt', 'srt'],
    ['interview-chat.json', 'chat-json'],
    ['interview-chat-object.json', 'chat-json'],
    ['interview-session.json', 'session'],
  ])('%s is read as %s, with the turns in order', (name, format) => {
    const t = only(name);
    expect(t.format).toBe(format);
    const answer = t.turns.find((x) => x.text.startsWith(FIRST_ANSWER_START))!;
    expect(answer).toBeDefined();
    // A speaker's consecutive lines and cues are one turn.
    expect(answer.text).toContain('lending is where the margin is.');
    expect(answer.line).toBeGreaterThanOrEqual(1);
  });

  it('recognises a file by its content, not its name', () => {
    expect(parseTranscripts(read('interview-teams.vtt'))[0]!.format).toBe('vtt');
    expect(parseTranscripts(`\n\n${read('interview.srt')}`)[0]!.format).toBe('srt');
  });

  it('Teams WebVTT: voice tags name the speakers, with or without </v>', () => {
    const t = only('interview-teams.vtt');
    expect([...new Set(t.turns.map((x) => x.speaker))]).toEqual(['Ananya Rao', 'Priya Nair']);
    expect(t.turns).toHaveLength(11);
    expect(t.turns.every((x) => !/<\/?v/.test(x.text))).toBe(true);
    expect(t.turns[0]!.start).toBe(1);
  });

  it('Zoom WebVTT: "Name: text" cues, a byte-order mark, a NOTE block, MM:SS.mmm times; one speaker over many cues merged', () => {
    const text = read('interview-zoom.vtt');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const t = only('interview-zoom.vtt');
    expect(t.turns).toHaveLength(11);
    expect(t.turns.some((x) => /NOTE|generated automatically/.test(x.text))).toBe(false);
    expect(t.turns[0]).toMatchObject({ speaker: 'Ananya Rao', start: 2 });
  });

  it('SRT: numbered cues, comma times, speaker prefixes', () => {
    const t = only('interview.srt');
    expect(t.turns[1]).toMatchObject({ speaker: 'Priya Nair', text: 'Thanks for having me, happy to be here.' });
  });

  it('Otter: "Name  0:15" headers', () => {
    const t = only('interview-otter.txt');
    expect(t.turns[1]).toMatchObject({ speaker: 'Priya Nair', start: 12, line: 5 }); // where the words start, below the name
  });

  it('Google Meet: the header is skipped, time lines are kept as times', () => {
    const t = only('interview-meet.txt');
    expect(t.turns[0]!.speaker).toBe('Ananya Rao');
    expect(t.turns.find((x) => x.text.startsWith('Great.'))!.start).toBe(300);
  });

  it('Q:/A: transcripts: Q is the interviewer', () => {
    const t = only('interview-qa.txt');
    expect(t.turns[0]).toMatchObject({ speaker: 'Interviewer', role: 'interviewer' });
    expect(t.turns[1]).toMatchObject({ speaker: 'Candidate', role: 'candidate' });
  });

  it('chat JSON: system messages are left out; content may be parts', () => {
    expect(only('interview-chat.json').turns[0]).toMatchObject({
      speaker: 'Interviewer',
      role: 'interviewer',
      text: 'Hi Priya, thanks for joining us today.',
    });
    expect(only('interview-chat-object.json').turns[2]!.text).toContain('most important KPI');
  });

  it('JSONL: one conversation per line', () => {
    const ts = parseTranscripts(read('interviews.jsonl'));
    expect(ts.map((t) => [t.format, t.index, t.turns.length])).toEqual([
      ['chat-jsonl', 0, 11],
      ['chat-jsonl', 1, 2],
    ]);
    expect(ts[1]!.turns[0]!.line).toBe(2);
  });

  it('headings inside an answer (STAR) are not speakers, a name said once is', () => {
    const t = parseTranscripts(
      'Sam: Tell me about a time a KPI fell short.\nAlex: Situation: churn rose.\nAction: we ran a win-back test.\nResult: churn fell 2 points.\nSam: Thanks. What would you do differently?\nAlex: Start earlier.\n',
    )[0]!;
    expect(t.turns.map((x) => x.speaker)).toEqual(['Sam', 'Alex', 'Sam', 'Alex']);
    expect(t.turns[1]!.text).toContain('Result: churn fell 2 points.');
    const once = parseTranscripts('Sam: What is your KPI?\nAlex: Net revenue retention.\nSam: Why?\nJo: May I add?\nSam: Go on.\n')[0]!;
    expect(once.turns.map((x) => x.speaker)).toEqual(['Sam', 'Alex', 'Sam', 'Jo', 'Sam']);
  });

  it('a line with a colon inside an answer is not a new speaker', () => {
    const t = parseTranscripts(
      'Interviewer: What is your KPI?\nCandidate: My answer has two parts.\nNorth star: repeat purchase rate.\nInterviewer: Why?\nCandidate: Because it shows value.\n',
    )[0]!;
    expect(t.turns.map((x) => x.speaker)).toEqual(['Interviewer', 'Candidate', 'Interviewer', 'Candidate']);
    expect(t.turns[1]!.text).toContain('North star: repeat purchase rate.');
  });

  it.each([
    ['', /empty/],
    ['\u0000\u0001\u0002binary', /binary/],
    ['WEBVTT\n\n', /no cues/],
    ['{"not": "a transcript"}', /neither a rehearse session nor a conversation/],
    ['[{"content": "no role"}]', /no "role"/],
    ['{"messages":[]}\n{broken', /line is not valid JSON/],
    ['just prose, nobody speaking', /no speaker labels/],
  ])('bad input %j fails with a reason', (text, reason) => {
    expect(() => parseTranscripts(text)).toThrow(TranscriptError);
    expect(() => parseTranscripts(text)).toThrow(reason);
  });
});

describe('who is the interviewer', () => {
  const three =
    'Sam: Welcome. What is your most important KPI?\nAlex: Repeat purchase rate, because it shows value.\nJo: I am just observing.\nSam: Why that one?\nAlex: It drives revenue.\nJo: Noted.\n';

  it('is inferred: the speaker who asks the questions', () => {
    const c = cast(parseTranscripts(three)[0]!);
    expect(c.interviewer).toBe('Sam');
    expect(c.candidate).toBe('Alex');
    expect(c.turns.filter((t) => t.role === 'other').map((t) => t.speaker)).toEqual(['Jo', 'Jo']);
  });

  it('even when the candidate speaks first', () => {
    const c = cast(
      parseTranscripts('Alex: Hello!\nSam: Hi. What is your most important KPI?\nAlex: Churn rate.\nSam: Why?\nAlex: Because.\n')[0]!,
    );
    expect(c.interviewer).toBe('Sam');
  });

  it('can be named, and the candidate too', () => {
    expect(cast(parseTranscripts(three)[0]!, { interviewer: 'jo' }).interviewer).toBe('Jo');
    expect(cast(parseTranscripts(three)[0]!, { candidate: 'jo' }).candidate).toBe('Jo');
    expect(() => cast(parseTranscripts(three)[0]!, { interviewer: 'Pat' })).toThrow(/no speaker called "Pat".*Sam, Alex, Jo/);
  });

  it('an interview needs two speakers', () => {
    expect(() => cast(parseTranscripts('Sam: Hello?\nSam: Anyone?\n')[0]!)).toThrow(/only one speaker \(Sam\)/);
    // A chat export with no messages says so, not "one speaker (none)".
    expect(() => cast(parseTranscripts('{"messages": []}')[0]!)).toThrow(
      /^no one speaks in it: an interview needs an interviewer and a candidate$/,
    );
  });
});

describe('alignment', () => {
  const library = loadLibrary('scenarios/rubrics/pm.yaml');
  const families = familiesOf([library], []);
  const fintech = findScenario('fintech');

  it('matches reworded scenario questions, counts follow-ups, skips small talk, reports what it could not align', () => {
    const t = parseTranscripts(
      [
        'Interviewer: Hi, welcome, lovely to meet you.',
        'Candidate: Thanks, glad to be here.',
        'Interviewer: So, for our product, what would you say is the single most important KPI, and why?',
        'Candidate: Monthly transacting merchants, because they trust us.',
        'Interviewer: How did you arrive at that metric?',
        'Candidate: From cohort data.',
        'Interviewer: What is your favourite colour?',
        'Candidate: Blue.',
        'Interviewer: Where do you see yourself in five years?',
        'Interviewer: Thanks, that was all.',
      ].join('\n'),
    )[0]!;
    const a = align(cast(t), familiesOf(fintech.libraries, fintech.scenario.context.terms), fintech);
    // "How did you arrive at that metric?" follows the KPI question up; the two questions about
    // something else are not, so their answers are not graded as answers about the KPI.
    expect(a.questions.map((q) => [q.key, q.matchedBy, q.followUps, q.answers.length])).toEqual([['north-star', 'scenario', 1, 2]]);
    expect(a.skipped).toBe(1); // the reply to the greeting; the closing line joins the interviewer's last turn
    expect(a.unaligned.map((u) => [u.line, u.kind, u.answers])).toEqual([
      [7, 'unrecognised', 1],
      [9, 'unrecognised', 0],
    ]);
  });

  it('in auto mode grades each question by its family, and reports questions it cannot place', () => {
    const t = parseTranscripts(
      [
        'Interviewer: What risks do you see in a cashback campaign that targets the transaction count?',
        'Candidate: It can be gamed with self-transfers, so I would add a guardrail.',
        'Interviewer: Where do you see yourself in five years?',
        'Candidate: Leading a product team.',
      ].join('\n'),
    )[0]!;
    const a = align(cast(t), families);
    expect(a.questions.map((q) => [q.key, q.family, q.matchedBy, q.answers.length])).toEqual([['risks-1', 'risks', 'family', 1]]);
    // The second question is about something else: it is reported with its answer, which is not
    // graded as a follow-up of the first.
    expect(a.questions[0]!.followUps).toBe(0);
    expect(a.unaligned).toEqual([expect.objectContaining({ line: 3, kind: 'unrecognised', answers: 1 })]);
  });

  it('a first question that matches nothing is reported, not dropped', () => {
    const t = parseTranscripts('Interviewer: Where do you see yourself in five years?\nCandidate: Leading a team.\n')[0]!;
    const a = align(cast(t), families);
    expect(a.questions).toEqual([]);
    expect(a.unaligned).toEqual([
      expect.objectContaining({
        line: 1,
        kind: 'unrecognised',
        reason: 'a question about you and your motives; rehearse has no rubric for that kind of question',
      }),
    ]);
  });
});

describe('the same interview in every format', () => {
  const files = readdirSync(fixture('transcripts')).filter((f) => f.startsWith('interview') && !f.endsWith('.jsonl'));
  it.each(['fintech', 'auto'])('gets the same scores (scenario %s)', (scenario) => {
    const opts = gradeOptions({ scenario });
    const results = files.map((f) => {
      const { graded, failures } = gradeText(f, read(f), opts);
      expect(failures).toEqual([]);
      return graded[0]!.answers.map((a) => ({ question: a.question, total: a.total, levels: a.criteria.map((c) => c.level) }));
    });
    expect(results.length).toBeGreaterThanOrEqual(10);
    // The session records its own scenario, so in auto mode it is graded against it; compare like with like.
    const comparable = scenario === 'auto' ? results.filter((_, i) => files[i] !== 'interview-session.json') : results;
    for (const r of comparable) expect(r).toEqual(comparable[0]);
    expect(comparable[0]!.map((a) => a.question)).toEqual(
      scenario === 'fintech' ? ['north-star', 'kpi-miss', 'incentives'] : ['kpi-1', 'shortfall-1', 'incentives-1'],
    );
  });
});
