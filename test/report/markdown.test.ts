// renderMarkdown: the report a candidate keeps.
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/build.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { aScore, criterion, evidence } from '../support/scores.js';

const answered = aScore(58, {
  summary: 'A clear metric, thinly argued.',
  criteria: [
    criterion('Chooses one precise KPI', 2, 3, { evidence: [evidence('monthly active\n  borrowers')] }),
    criterion('Fits this company', 0, 2, { meetsBar: false, missing: ['mention the lockers', 'say why it fits'] }),
  ],
  antiPatterns: [{ id: 'vanity', title: 'A vanity metric', penalty: 5, advice: 'Leave installs out.', evidence: [] }],
});

function report(over: Partial<Report> = {}): Report {
  return {
    sessionId: 's1',
    scenario: { id: 'shedshare', title: 'Shedshare — tools' },
    mode: 'practice',
    complete: true,
    total: 29,
    band: 'weak',
    questions: [
      {
        id: 'kpi',
        prompt: 'Which KPI | and why?',
        answered: true,
        total: 58,
        band: 'adequate',
        probes: 1,
        answers: ['Monthly active borrowers.\nSecond line.', '   '],
        score: answered,
      },
      { id: 'metrics', prompt: 'Which guardrails?', answered: false, total: 0, band: 'insufficient', probes: 0, answers: [] },
    ],
    criteria: [{ title: 'Fits this company', percent: 0, questions: 1 }],
    improvements: [{ question: 'kpi', gain: 4.5, questionGain: 9, advice: 'Mention the lockers.' }],
    notices: [{ reason: 'time-up', text: 'Time is up for this question.' }],
    ...over,
  };
}

describe('renderMarkdown', () => {
  it('renders the whole report', () => {
    expect(renderMarkdown(report())).toBe(
      [
        '# Shedshare — tools',
        '',
        '**Total: 29/100 · weak**',
        '',
        '| # | Question | Score | Band | Probes |',
        '|---|---|---|---|---|',
        '| 1 | Which KPI \\| and why? | 58 | adequate | 1 |',
        '| 2 | Which guardrails? | — | not answered | 0 |',
        '',
        '## What would raise your score most',
        '',
        '1. Mention the lockers. (about +9 on question `kpi`)',
        '',
        '## By criterion',
        '',
        '- `░░░░░░░░░░` 0% — Fits this company',
        '',
        '## 1. Which KPI | and why?',
        '',
        '**58/100 · adequate.** A clear metric, thinly argued.',
        '',
        '**Your answer**',
        '',
        '> Monthly active borrowers.',
        '> Second line.',
        '',
        '**Your answer to follow-up 1**',
        '',
        '_(skipped)_',
        '',
        '- **Chooses one precise KPI** 2/3: Level 2 of chooses one precise kpi.',
        '  - “monthly active borrowers”',
        '  - To improve: reach level 3 of chooses one precise kpi',
        '- **Fits this company** 0/2 (below the bar): Level 0 of fits this company.',
        '  - To improve: mention the lockers; say why it fits',
        '- ✗ **A vanity metric**: Leave installs out.',
        '',
        '## 2. Which guardrails?',
        '',
        'Not answered.',
        '',
        '## Notices',
        '',
        '- Time is up for this question.',
        '',
      ].join('\n'),
    );
  });

  it.each<[string, Partial<Report>, string | RegExp, boolean]>([
    [
      'an unfinished session says unanswered questions count 0',
      { complete: false },
      '**Total: 29/100 · weak** (unfinished: unanswered questions count 0)',
      true,
    ],
    ['no improvements: no section for them', { improvements: [] }, '## What would raise your score most', false],
    ['no criteria: no section for them', { criteria: [] }, '## By criterion', false],
    ['no notices: no section for them', { notices: [] }, '## Notices', false],
  ])('%s', (_, over, text, present) => {
    expect(renderMarkdown(report(over)).includes(text as string)).toBe(present);
  });

  it('a non-answer gets no advice on what is missing', () => {
    const nonAnswer = { ...answered, flags: { ...answered.flags, nonAnswer: 'non-answer' as const } };
    const md = renderMarkdown(report({ questions: [{ ...report().questions[0]!, score: nonAnswer }] }));
    expect(md).not.toContain('To improve');
    expect(md).toContain('- **Fits this company** 0/2 (below the bar)');
  });
});
