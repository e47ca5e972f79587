// buildReport: a session's totals, band, criteria, improvements and typed notices.
import { describe, expect, it } from 'vitest';
import { Session } from '../../src/interview/session.js';
import { buildReport } from '../../src/report/build.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { loadScenario } from '../../src/scenario/load.js';
import { bandOf } from '../../src/scoring/score.js';
import { fixture } from '../helpers.js';
import { aScore, aSession, criterion, turn } from '../support/scores.js';

const { scenario } = loadScenario(fixture('scenarios/good/interview.yaml'));
const [kpi, metrics, shortfall] = scenario.questions.map((q) => q.id) as [string, string, string];
const promptOf = (id: string) => scenario.questions.find((q) => q.id === id)!.prompt;

const kpiScore = aScore(62, {
  criteria: [criterion('Chooses one precise KPI', 2, 3), criterion('Shared criterion', 1, 2)],
  improvements: [
    { criterion: 'choice', gain: 10, advice: 'Say why it beats the alternatives.' },
    { criterion: 'shared', gain: 5, advice: 'Define the window.' },
  ],
});
const metricsScore = aScore(31, {
  criteria: [criterion('Shared criterion', 2, 2), criterion('Guardrails', 0, 3)],
  improvements: [
    { criterion: 'guardrails', gain: 5, advice: 'Name a guardrail metric.' },
    { criterion: 'shared', gain: 2, advice: 'Say how often you look.' },
  ],
});

/** Two questions answered (the first with a follow-up), the third not; notices of every reason. */
const session = aSession({
  status: 'finished',
  phase: 'done',
  questionIndex: 2,
  turns: [
    turn({ role: 'interviewer', kind: 'question', questionId: kpi, text: promptOf(kpi) }),
    turn({ role: 'candidate', kind: 'answer', questionId: kpi, text: 'Tools borrowed per month.' }),
    turn({ role: 'system', kind: 'notice', questionId: kpi, notice: 'llm-failed', text: 'The LLM writer failed (HTTP 500).' }),
    turn({
      role: 'interviewer',
      kind: 'probe',
      questionId: kpi,
      text: 'Why that one?',
      followUpId: 'reasoning',
      criterion: 'justification',
      source: 'offline',
    }),
    turn({ role: 'candidate', kind: 'answer', questionId: kpi, text: 'Because borrowers renew.' }),
    turn({ role: 'system', kind: 'notice', questionId: kpi, notice: 'resumed', text: 'Resumed.' }),
    turn({ role: 'interviewer', kind: 'question', questionId: metrics, text: promptOf(metrics) }),
    turn({ role: 'candidate', kind: 'answer', questionId: metrics, text: 'Locker availability.' }),
    turn({ role: 'system', kind: 'notice', questionId: metrics, notice: 'time-up', text: 'Time is up for this question.' }),
  ],
  scores: { [kpi]: kpiScore, [metrics]: metricsScore },
});

describe('buildReport', () => {
  it('totals, bands, criteria, improvements and notices of a session', () => {
    const total = Math.round((62 + 31 + 0) / 3);
    expect(buildReport(session, scenario)).toEqual({
      sessionId: 'report-test',
      scenario: { id: 'shedshare', title: scenario.title },
      mode: 'practice',
      complete: true,
      total,
      band: bandOf(total),
      questions: [
        {
          id: kpi,
          prompt: promptOf(kpi),
          answered: true,
          total: 62,
          band: kpiScore.band,
          probes: 1,
          answers: ['Tools borrowed per month.', 'Because borrowers renew.'],
          score: kpiScore,
        },
        {
          id: metrics,
          prompt: promptOf(metrics),
          answered: true,
          total: 31,
          band: metricsScore.band,
          probes: 0,
          answers: ['Locker availability.'],
          score: metricsScore,
        },
        { id: shortfall, prompt: promptOf(shortfall), answered: false, total: 0, band: 'insufficient', probes: 0, answers: [] },
      ],
      // Weakest first; a title graded by two questions is their mean (50% and 100%).
      criteria: [
        { title: 'Guardrails', percent: 0, questions: 1 },
        { title: 'Chooses one precise KPI', percent: 67, questions: 1 },
        { title: 'Shared criterion', percent: 75, questions: 2 },
      ],
      // Gains are on the session’s total: a third of each question’s; equal gains go by question id.
      improvements: [
        { question: kpi, gain: 3.3, questionGain: 10, advice: 'Say why it beats the alternatives.' },
        { question: kpi, gain: 1.7, questionGain: 5, advice: 'Define the window.' },
        { question: metrics, gain: 1.7, questionGain: 5, advice: 'Name a guardrail metric.' },
      ],
      notices: [
        { reason: 'llm-failed', text: 'The LLM writer failed (HTTP 500).' },
        { reason: 'time-up', text: 'Time is up for this question.' },
      ],
    });
  });

  it("a habit's advice, naming each answer's own words, is one piece of advice across questions", () => {
    const habit = (words: string, gain: number) => ({
      criterion: 'generic',
      gain,
      advice: `Replace management words (${words}) with the specific thing: which metric, which team, which number.`,
    });
    const both = aSession({
      ...session,
      scores: {
        [kpi]: aScore(40, { criteria: [criterion('Guardrails', 0, 3)], improvements: [habit('“synergy”', 6)] }),
        [metrics]: aScore(40, { criteria: [criterion('Guardrails', 0, 3)], improvements: [habit('“holistic”, “regularly”', 4)] }),
      },
    });
    const advice = buildReport(both, scenario).improvements.map((i) => i.advice);
    expect(advice.filter((a) => a.startsWith('Replace management words'))).toEqual([habit('“synergy”', 6).advice]);
  });

  it('a time-up notice is not an LLM failure, and resuming is not a notice at all', () => {
    const { notices } = buildReport(session, scenario);
    expect(notices.filter((n) => n.reason === 'llm-failed')).toHaveLength(1);
    expect(notices.map((n) => n.reason)).not.toContain('resumed');
  });

  it.each([
    ['Time is up for this question.', [{ reason: 'time-up', text: 'Time is up for this question.' }]],
    ['Resumed.', []],
    [
      'The LLM could not phrase this follow-up (HTTP 503).',
      [{ reason: 'llm-failed', text: 'The LLM could not phrase this follow-up (HTTP 503).' }],
    ],
  ])('a notice saved before notices had a reason (%j) is read by its old wording', (text, notices) => {
    const legacy = JSON.parse(JSON.stringify(aSession({ turns: [turn({ role: 'system', kind: 'notice', questionId: kpi, text })] })));
    expect(buildReport(Session.parse(legacy), scenario).notices).toEqual(notices);
  });

  it.each([
    { status: 'finished', complete: true },
    { status: 'in-progress', complete: false },
    { status: 'quit', complete: false },
  ] as const)('a session $status is complete: $complete', ({ status, complete }) => {
    expect(buildReport(aSession({ status }), scenario).complete).toBe(complete);
  });

  it('a session with nothing answered: every question 0, insufficient, no criteria or improvements', () => {
    const report = buildReport(aSession(), scenario);
    expect(report).toMatchObject({ total: 0, band: 'insufficient', criteria: [], improvements: [], notices: [] });
    expect(report.questions.map((q) => [q.id, q.answered, q.total, q.band])).toEqual(
      scenario.questions.map((q) => [q.id, false, 0, 'insufficient']),
    );
  });

  it('keeps the three improvements worth most across questions', () => {
    const many = (gain: number, n: number) =>
      Array.from({ length: n }, (_, i) => ({ criterion: `c${i}`, gain: gain - i, advice: `advice ${gain - i}` }));
    const report = buildReport(
      aSession({ scores: { [kpi]: aScore(40, { improvements: many(9, 3) }), [metrics]: aScore(40, { improvements: many(12, 2) }) } }),
      scenario,
    );
    expect(report.improvements).toEqual([
      { question: metrics, gain: 4, questionGain: 12, advice: 'advice 12' },
      { question: metrics, gain: 3.7, questionGain: 11, advice: 'advice 11' },
      { question: kpi, gain: 3, questionGain: 9, advice: 'advice 9' },
    ]);
  });
});

describe('delivery in the report', () => {
  const speech = (from: number) => ({
    text: 'Tools borrowed per month, because borrowers renew.',
    words: 'Tools borrowed per month because borrowers renew'
      .split(' ')
      .map((word, i) => ({ word, start: from + i * 0.5, end: from + i * 0.5 + 0.4 })),
  });
  const recording = (id: string, answerTurn: number | undefined, withSpeech = true) => ({
    id,
    questionId: kpi,
    file: `report-test.audio/${id}.wav`,
    at: '2026-03-01T09:00:00.000Z',
    seconds: 4,
    ...(withSpeech ? { speech: speech(0.3) } : {}),
    ...(answerTurn !== undefined ? { answerTurn } : {}),
  });

  it('a question answered aloud gets its delivery, against its budget; the others none', () => {
    const spoken = { ...session, recordings: [recording('a', 1), recording('b', 4)] };
    const report = buildReport(spoken, scenario);
    const budget = scenario.questions.find((q) => q.id === kpi)!.budget.seconds;
    // Two recordings of one question are one stretch of speech: 7 words in 3.4 s each, no gap counted between them.
    expect(report.questions[0]!.delivery).toMatchObject({ timing: 'words', words: 14, budget: { seconds: budget } });
    expect(report.questions[0]!.delivery!.seconds).toBeCloseTo(2 * 3.4, 5);
    expect(report.questions[1]!.delivery).toBeUndefined();
  });

  it('the saved report shows what was said when it is not what was sent, and how it was said', () => {
    const spoken = { ...session, recordings: [recording('a', 1), recording('b', 4)] };
    const md = renderMarkdown(buildReport(spoken, scenario));
    const first = md.slice(md.indexOf('## 1.'), md.indexOf('## 2.'));
    // The answer sent was typed ("Tools borrowed per month."); the transcript differs, so it is shown once.
    expect(first.split('**What you said (transcribed)**')).toHaveLength(2);
    expect(first).toContain('> Tools borrowed per month, because borrowers renew.');
    expect(first).toContain('**Delivery (how it was said; not part of the score)**');
    expect(md.slice(md.indexOf('## 2.'))).not.toContain('What you said');
  });

  it('a recording not yet transcribed, or never submitted, gives no delivery', () => {
    const pending = { ...session, recordings: [recording('a', 1, false), recording('b', undefined)] };
    expect(buildReport(pending, scenario).questions[0]!.delivery).toBeUndefined();
  });
});
