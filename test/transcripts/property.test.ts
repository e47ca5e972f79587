// Properties of parsing and grading transcripts, on arbitrary input and on made-up interviews whose truth is known.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gradeText } from '../../src/batch/grade.js';
import { gradeOptions } from '../../src/batch/options.js';
import type { Failure, GradedTranscript } from '../../src/report/graded.js';
import { bandOf } from '../../src/scoring/score.js';
import { parseTranscripts } from '../../src/transcripts/detect.js';
import { TranscriptError } from '../../src/transcripts/types.js';

const linesIn = (text: string) => text.split(/\r\n|\r|\n/).length;

/** Parsing either gives transcripts whose turns point into the file, or a TranscriptError with a reason. */
function parsesOrExplains(text: string): void {
  let ts;
  try {
    ts = parseTranscripts(text);
  } catch (e) {
    if (!(e instanceof TranscriptError)) throw e;
    expect(e.message.length).toBeGreaterThan(0);
    if (e.line !== undefined) expect(e.line).toBeGreaterThanOrEqual(1);
    return;
  }
  expect(ts.length).toBeGreaterThan(0);
  ts.forEach((t, i) => {
    expect(t.index).toBe(i);
    for (const turn of t.turns) {
      expect(turn.line).toBeGreaterThanOrEqual(1);
      expect(turn.line).toBeLessThanOrEqual(linesIn(text));
      expect(turn.speaker).toEqual(expect.any(String));
      if (turn.start !== undefined) expect(turn.start).toBeGreaterThanOrEqual(0);
    }
  });
}

/** What holds for every graded transcript and failure, whatever the input. */
function wellFormed(text: string, { graded, failures }: { graded: GradedTranscript[]; failures: Failure[] }): void {
  expect(graded.length + failures.length).toBeGreaterThan(0);
  for (const f of failures) {
    expect(f.reason).toBeTruthy();
    if (f.line !== undefined) expect(f.line).toBeGreaterThanOrEqual(1);
  }
  for (const t of graded) {
    expect(t.answers.length).toBeGreaterThan(0);
    expect(t.interviewer).not.toBe(t.candidate);
    expect(t.total).toBe(Math.round(t.answers.reduce((n, a) => n + a.total, 0) / t.answers.length));
    for (const a of t.answers) {
      // Every answer graded lies in 0–100, a whole number, with the band its total falls in.
      expect(Number.isInteger(a.total)).toBe(true);
      expect(a.total).toBeGreaterThanOrEqual(0);
      expect(a.total).toBeLessThanOrEqual(100);
      expect(a.band).toBe(bandOf(a.total));
      if (a.nonAnswer) expect(a.total).toBe(0);
      expect(a.answers.length).toBeGreaterThan(0);
      const said = a.answers.map((x) => x.text);
      const lines = new Set(a.answers.map((x) => x.line));
      for (const c of a.criteria) {
        expect(c.level).toBeGreaterThanOrEqual(0);
        expect(c.level).toBeLessThanOrEqual(c.maxLevel);
        // Evidence is the candidate's own words, from one of the answers it is cited for.
        for (const e of c.evidence) {
          expect(said.some((s) => s.includes(e.quote))).toBe(true);
          expect(e.line).toBeGreaterThanOrEqual(Math.min(...lines));
          expect(e.line).toBeLessThanOrEqual(linesIn(text));
        }
      }
    }
  }
}

// Pieces real transcripts are made of, shuffled into files that almost parse.
const piece = fc.oneof(
  fc.constantFrom(
    'WEBVTT',
    'NOTE x',
    '00:00:01.000 --> 00:00:02.000',
    '1',
    '00:00:01,000 --> 00:00:02,000',
    '',
    '<v Ann>',
    '</v>',
    'Ann:',
    'Q:',
    'A:',
    'Transcript',
    'Attendees',
    'Ann  0:15',
    '00:05:00',
    '{',
    '}',
    '[',
    ']',
    '"role"',
    '"content"',
    ':',
    ',',
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
);
const almost = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join('\n'));

describe('no parser throws on arbitrary input', () => {
  it('arbitrary text', () => {
    // Any code points, lone surrogates too, as fc.string's 'binary' unit gives; built from numbers, as
    // that unit's own reverse map of every code point costs a second a run.
    const anyText = fc.array(fc.integer({ min: 0, max: 0x10ffff }), { maxLength: 400 }).map((cps) => String.fromCodePoint(...cps));
    fc.assert(fc.property(anyText, parsesOrExplains), { numRuns: 400 });
  });

  it('text shaped like the formats', () => {
    fc.assert(fc.property(almost, parsesOrExplains), { numRuns: 600 });
  });

  it('arbitrary JSON, and arbitrary chat messages', () => {
    fc.assert(fc.property(fc.json(), parsesOrExplains), { numRuns: 300 });
    const message = fc.record(
      { role: fc.oneof(fc.constantFrom('user', 'assistant', 'system'), fc.anything()), content: fc.oneof(fc.string(), fc.anything()) },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.array(message, { maxLength: 6 }), fc.boolean(), (messages, wrap) =>
        parsesOrExplains(JSON.stringify(wrap ? { messages } : messages, null, wrap ? 2 : 0)),
      ),
      { numRuns: 300 },
    );
  });

  it('the whole grading of a file never throws: it grades in range or reports why not', () => {
    const opts = gradeOptions({ scenario: 'auto' });
    fc.assert(
      fc.property(fc.oneof(almost, fc.string({ maxLength: 300 })), (text) => wellFormed(text, gradeText('fuzz.txt', text, opts))),
      { numRuns: 300 },
    );
  });
});

// ---- Interviews made up for the test: who said what is known, so where each word went can be checked ----

/** Candidate sentences open as statements do, so they never read as questions. */
const OPENERS = ['I would', 'We', 'My answer is that', 'Our team', 'I think', 'In my last role we'];
const WORDS = (
  'monthly active members borrow tools from the locker because they renew and that drives revenue ' +
  'retention churn weekly dashboard guardrail target cohort activation rate share of households ' +
  'every week review with sales and finance then test two fixes quickly the number fell by twenty percent ' +
  'installs downloads engagement growth value trust margin building lisbon porto metric kpi north star'
).split(' ');
/** Questions of the families the rubric library grades, and some it does not. */
const QUESTIONS = [
  'What is the most important metric for this product, and why?',
  'Which single number would you report to the board?',
  'Beyond that, which guardrail metrics would you track?',
  'Which leading indicators would warn you early?',
  'How would you align incentives between sales and product?',
  'Halfway through the quarter the number is twenty percent below target. What do you do?',
  'What risks do you see in chasing that number?',
  'How does the product vision tie to the business goals?',
  'Why?',
  'Can you give an example?',
  'Do you enjoy cycling on weekends?',
  'Where did you grow up?',
];
const PAIRS: [string, string][] = [
  ['Interviewer', 'Candidate'],
  ['Rita', 'Joao'],
  ['Dr Sousa', 'Ana Lima'],
];

const statement = fc
  .tuple(fc.constantFrom(...OPENERS), fc.array(fc.constantFrom(...WORDS), { minLength: 2, maxLength: 16 }))
  .map(([opener, words]) => `${opener} ${words.join(' ')}.`);
const answerText = fc.array(statement, { minLength: 1, maxLength: 4 }).map((s) => s.join(' '));
const questionText = fc.oneof(
  fc.constantFrom(...QUESTIONS),
  fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 8 }).map((w) => `What about ${w.join(' ')}?`),
);
type Said = { who: 'interviewer' | 'candidate'; text: string };
const said: fc.Arbitrary<Said> = fc.oneof(
  questionText.map((text) => ({ who: 'interviewer' as const, text })),
  answerText.map((text) => ({ who: 'candidate' as const, text })),
);
/** A conversation: both speak, and someone speaks again after the other (two lines alone read as a document). */
const interview = fc
  .record({ pair: fc.constantFrom(...PAIRS), turns: fc.array(said, { minLength: 3, maxLength: 14 }) })
  .filter(({ turns }) => turns.filter((t, i) => i === 0 || t.who !== turns[i - 1]!.who).length >= 3);

/** The file, and its turns as a reader sees them: one speaker's consecutive lines are one turn, from its first line. */
function render({ pair, turns }: { pair: [string, string]; turns: Said[] }) {
  const name = (who: Said['who']) => (who === 'interviewer' ? pair[0] : pair[1]);
  const text = turns.map((t) => `${name(t.who)}: ${t.text}`).join('\n');
  const merged: (Said & { line: number })[] = [];
  turns.forEach((t, i) => {
    const last = merged.at(-1);
    if (last && last.who === t.who) last.text = `${last.text} ${t.text}`;
    else merged.push({ ...t, line: i + 1 });
  });
  return { text, merged };
}

describe('grading made-up interviews', () => {
  const opts = gradeOptions({ scenario: 'auto' });

  it('every candidate turn is graded once, under its line, or accounted for; no interviewer words are graded', () => {
    // So that the property cannot hold by grading nothing: how often each case came up.
    const seen = { graded: 0, unrecognised: 0, evidence: 0, scored: 0 };
    fc.assert(
      fc.property(interview, (iv) => {
        const { text, merged } = render(iv);
        const result = gradeText('made-up.txt', text, opts);
        wellFormed(text, result);
        expect(result.failures.length + result.graded.length).toBe(1);
        const [t] = result.graded;
        if (!t) {
          expect(result.failures[0]!.reason).toMatch(/^nothing to grade/);
          return;
        }
        seen.graded++;
        if (t.unaligned.some((u) => u.answers > 0)) seen.unrecognised++;
        if (t.answers.some((a) => a.criteria.some((c) => c.evidence.length))) seen.evidence++;
        if (t.answers.some((a) => a.total > 0)) seen.scored++;
        expect([t.interviewer, t.candidate]).toEqual(iv.pair);
        const byLine = new Map(merged.map((m) => [m.line, m]));
        const graded = t.answers.flatMap((a) => a.answers);
        // Each graded text is a whole candidate turn, word for word, at the line it was said on.
        for (const g of graded) expect(byLine.get(g.line)).toEqual({ who: 'candidate', text: g.text, line: g.line });
        // In file order, and none twice.
        const lines = graded.map((g) => g.line);
        expect(new Set(lines).size).toBe(lines.length);
        for (const a of t.answers) expect(a.answers.map((x) => x.line)).toEqual([...a.answers.map((x) => x.line)].sort((x, y) => x - y));
        // Nothing lost: graded, said to a question not graded, or small talk (before the first question, or after a wrap-up or small talk).
        const candidateTurns = merged.filter((m) => m.who === 'candidate').length;
        const before = merged.findIndex((m) => m.who === 'interviewer');
        expect(t.skipped).toBeGreaterThanOrEqual(before);
        expect(graded.length + t.unaligned.reduce((n, u) => n + u.answers, 0) + t.skipped).toBe(candidateTurns);
        // Each question graded is one the interviewer asked, at its line.
        for (const a of t.answers) expect(byLine.get(a.line)).toMatchObject({ who: 'interviewer', text: a.prompt });
      }),
      { numRuns: 300 },
    );
    expect(seen.graded).toBeGreaterThan(150);
    for (const n of [seen.unrecognised, seen.evidence, seen.scored]) expect(n).toBeGreaterThan(10);
  });

  it('grading is deterministic: the same file gives the same result, with options built afresh', () => {
    const again = gradeOptions({ scenario: 'auto' });
    fc.assert(
      fc.property(interview, (iv) => {
        const { text } = render(iv);
        const first = gradeText('made-up.txt', text, opts);
        expect(gradeText('made-up.txt', text, opts)).toEqual(first);
        expect(gradeText('made-up.txt', text, again)).toEqual(first);
      }),
      { numRuns: 100 },
    );
  });

  it('the same interview gets the same grades as labelled text, as Q/A text and as chat JSON', () => {
    fc.assert(
      fc.property(interview, (iv) => {
        // One turn a speaker at a time: chat messages are not merged as text lines are.
        const { merged } = render(iv);
        const text = render({ pair: iv.pair, turns: merged }).text;
        const qa = merged.map((t) => `${t.who === 'interviewer' ? 'Q' : 'A'}: ${t.text}`).join('\n');
        const chat = JSON.stringify(
          merged.map((t) => ({ role: t.who === 'interviewer' ? 'assistant' : 'user', content: t.text })),
          null,
          2,
        );
        const grades = (x: string) =>
          gradeText('f', x, opts).graded.flatMap((g) => g.answers.map((a) => [a.family, a.total, a.answers.map((y) => y.text)]));
        const expected = grades(text);
        expect(grades(qa)).toEqual(expected);
        expect(grades(chat)).toEqual(expected);
      }),
      { numRuns: 100 },
    );
  });
});
