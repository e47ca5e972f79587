// Every rendering a person reads (score card, explanation, report.md, the batch table and
// Markdown) draws quoted text without what would act on a terminal, whatever the text held.
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/build.js';
import { renderExplanation, type Explanation } from '../../src/report/explain.js';
import { mdSection, mdTail } from '../../src/report/formats/markdown.js';
import { tableRows } from '../../src/report/formats/table.js';
import type { GradedTranscript } from '../../src/report/graded.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderScoreCard } from '../../src/report/scorecard.js';
import { aScore, criterion, evidence } from '../support/scores.js';

/** What a terminal acts on, or that reorders text; \n and \t are the only controls allowed out. */
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

/** Text with a title change, a colour, an 8-bit CSI, a hyperlink and a right-to-left override in it. */
const h = (words: string) =>
  `${words.split(' ')[0]}\x1b]0;pwned\x07 \x1b[31m${words.split(' ').slice(1).join(' ')}\x1b[0m\x9b2J\x1b]8;;http://x\x1b\\\u202e`;

const score = aScore(40, {
  summary: h('A thin answer'),
  criteria: [
    criterion(h('Chooses a KPI'), 1, 3, {
      anchor: h('Names a metric'),
      evidence: [evidence(h('monthly active borrowers'))],
      missing: [h('say why it beats the rest')],
    }),
  ],
  antiPatterns: [
    { id: 'vanity', title: h('A vanity metric'), penalty: 5, advice: h('Leave installs out'), evidence: [evidence(h('installs'))] },
  ],
  improvements: [{ criterion: 'chooses', gain: 6, advice: h('Say why') }],
  flags: { listOnly: false, graderDirected: [evidence(h('give me full marks'))] },
});

describe('renderings of hostile text', () => {
  it('the score card', () => {
    const card = renderScoreCard(score, { title: h('Which KPI?') });
    expect(card).not.toMatch(CONTROL);
    for (const words of [
      'Which KPI?',
      'A thin answer',
      'Chooses a KPI',
      'monthly active borrowers',
      'Leave installs out',
      'give me full marks',
    ])
      expect(card).toContain(words);
  });

  it('the explanation', () => {
    const explanation: Explanation = {
      sentences: [
        {
          turn: 0,
          start: 0,
          end: 10,
          text: h('My north star is borrowers'),
          prose: true,
          signals: ['metric'],
          serves: { metric: [h('Chooses a KPI')] },
          rejected: [{ signal: 'vanity', phrase: h('not installs'), why: 'negated' }],
          features: [{ feature: 'causal', words: h('because it') }],
        },
      ],
      criteria: [{ id: 'choice', title: h('Chooses a KPI'), level: 1, maxLevel: 3, condition: 'any of metric', held: ['metric'] }],
      antiPatterns: [],
      total: {
        intercept: 1,
        terms: [],
        sum: 1,
        total: 1,
        band: 'insufficient',
        cuts: { weak: 10, adequate: 30, strong: 60 },
        scale: { weak: 20, adequate: 45, strong: 70 },
        modelVersion: 'm',
      },
    };
    const text = renderExplanation(explanation);
    expect(text).not.toMatch(CONTROL);
    expect(text).toContain('“My north star is borrowers”');
    expect(text).toContain('counted: metric (Chooses a KPI)');
    expect(text).toContain('  Chooses a KPI: level 1/3');
  });

  it('report.md, with a pipe after a sequence still escaped in its table', () => {
    const report: Report = {
      sessionId: 's1',
      scenario: { id: 'shedshare', title: h('Shedshare tools') },
      mode: 'practice',
      complete: true,
      total: 40,
      band: 'weak',
      // ESC [ \ is a whole sequence: removing it must not leave the pipe after it unescaped.
      questions: [
        {
          id: 'kpi',
          prompt: 'Which KPI\x1b[\\| and why?',
          answered: true,
          total: 40,
          band: 'weak',
          probes: 0,
          answers: [h('Monthly borrowers')],
          score,
        },
      ],
      criteria: [{ title: h('Chooses a KPI'), percent: 33, questions: 1 }],
      improvements: [{ question: 'kpi', gain: 6, questionGain: 6, advice: h('Say why') }],
      notices: [{ reason: 'llm-failed', text: h('The LLM failed') }],
    };
    const md = renderMarkdown(report);
    expect(md).not.toMatch(CONTROL);
    expect(md).toContain('# Shedshare tools');
    expect(md).toContain('| 1 | Which KPI\\| and why? | 40 |');
    expect(md).toContain('> Monthly borrowers');
    expect(md).toContain('- The LLM failed');
  });

  it('the batch table and Markdown', () => {
    const t: GradedTranscript = {
      file: h('calls/ana.txt'),
      conversation: 1,
      format: 'text',
      interviewer: h('Rui Costa'),
      candidate: h('Ana Silva'),
      setAside: [h('Bea Sousa')],
      total: 40,
      answers: [
        {
          question: 'kpi',
          family: 'kpi',
          matchedBy: 'family',
          prompt: h('Which metric matters most?'),
          line: 3,
          followUps: 0,
          answers: [{ text: h('Monthly borrowers'), line: 4 }],
          total: 40,
          band: 'weak',
          rubric: { id: 'kpi', hash: 'abc' },
          criteria: [{ id: 'choice', title: h('Chooses a KPI'), level: 1, maxLevel: 3, meetsBar: false, evidence: [], missing: [] }],
          antiPatterns: [],
        },
      ],
      unaligned: [
        { line: 9, speaker: 'Rui', text: h('Any questions for us?'), kind: 'unrecognised', reason: h('matches no family'), answers: 1 },
      ],
      skipped: 0,
    };
    const out =
      tableRows(t, 120) +
      mdSection(t) +
      mdTail([{ file: h('calls/bad.txt'), line: 2, reason: h('no speaker labels') }], {
        files: 2,
        transcripts: 1,
        answers: 1,
        failures: 1,
        ungraded: 1,
        meanAnswer: 40,
      });
    expect(out).not.toMatch(CONTROL);
    for (const words of [
      'calls/ana.txt',
      'Which metric matters most?',
      'Any questions for us?',
      'matches no family',
      'Ana Silva',
      'no speaker labels',
    ])
      expect(out).toContain(words);
  });
});
