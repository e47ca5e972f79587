import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findScenario } from '../../src/scenario/catalog.js';
import { score } from '../../src/scoring/score.js';
import { rehearse, rehearseHere } from '../helpers.js';

const strongAnswer =
  "My north star would be the 60-day repeat purchase rate: the share of customers who place a second order within 60 days of their first. I'd choose it rather than GMV or installs, because it shows customers came back after trusting us once, and repeat orders are what pay back our acquisition cost.";

describe('rehearse scenarios', () => {
  it('lists the three scenarios with titles and one-line summaries', async () => {
    const run = await rehearseHere(['scenarios']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Shipped with rehearse:\n/);
    for (const id of ['fintech', 'ecommerce', 'saas']) expect(run.stdout).toMatch(new RegExp(`^  ${id}\\s`, 'm'));
  });

  it('--json lists ids, titles and question counts', async () => {
    const list = JSON.parse((await rehearseHere(['scenarios', '--json'])).stdout) as { id: string; questions: number }[];
    expect(list.map((s) => s.id).sort()).toEqual(['ecommerce', 'fintech', 'saas']);
    for (const s of list) expect(s.questions).toBeGreaterThanOrEqual(4);
  });

  it('show <id> prints the questions and the follow-ups with their targets', async () => {
    const run = await rehearseHere(['scenarios', 'show', 'fintech']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Tell us, what is the most important KPI for our product? And why?');
    expect(run.stdout).toContain('Can you explain how you arrived at that metric?  (probes justification)');
  });

  it('show <id> --json is the scenario', async () => {
    const s = JSON.parse((await rehearseHere(['scenarios', 'show', 'saas', '--json'])).stdout);
    expect(s.id).toBe('saas');
    expect(s.questions[0].followUps[0].targets).toEqual(['justification']);
  });

  it('an unknown id names the ones there are, exit 2', () => {
    const run = rehearse(['scenarios', 'show', 'crypto']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown scenario "crypto"');
    expect(run.stderr).toContain('fintech');
  });
});

describe('rehearse score', () => {
  it('reads the answer from standard input and prints a readable score card', () => {
    const run = rehearse(['score', '--scenario', 'ecommerce', '--question', 'north-star'], { input: strongAnswer });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Score \d+\/100 · (strong|adequate)/);
    expect(run.stdout).toContain('Chooses one precise KPI');
    expect(run.stdout).toContain('“My north star would be the 60-day repeat purchase rate');
  });

  it('--json gives total, band and criteria, the same as the card', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rehearse-'));
    const file = join(dir, 'answer.txt');
    writeFileSync(file, strongAnswer);
    const json = JSON.parse(
      (await rehearseHere(['score', '--scenario', 'ecommerce', '--question', 'north-star', '--file', file, '--json'])).stdout,
    );
    expect(json.total).toBeGreaterThanOrEqual(0);
    expect(json.total).toBeLessThanOrEqual(100);
    expect(['insufficient', 'weak', 'adequate', 'strong']).toContain(json.band);
    expect(json.criteria.map((c: { id: string }) => c.id)).toEqual(['choice', 'definition', 'justification', 'context', 'supporting']);
    const card = (await rehearseHere(['score', '--scenario', 'ecommerce', '--question', 'north-star', '--file', file])).stdout;
    expect(card).toContain(`Score ${json.total}/100 · ${json.band}`);
  });

  it('takes the answer with --answers F, as interview does, the same as --file F; not both', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rehearse-'));
    const file = join(dir, 'answer.txt');
    writeFileSync(file, strongAnswer);
    const args = ['score', '--scenario', 'ecommerce', '--question', 'north-star', '--json'];
    const viaAnswers = await rehearseHere([...args, '--answers', file]);
    expect(viaAnswers.code).toBe(0);
    expect(viaAnswers.stdout).toBe((await rehearseHere([...args, '--file', file])).stdout);
    const both = await rehearseHere([...args, '--answers', file, '--file', file]);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/not both/);
  });

  it('grades an answer as the interview does: under the question as asked', async () => {
    // Written for this test: an answer that opens with the question's own words ("happens next"), which tie it to what was asked.
    const answer =
      'Happens next is that I own it. I would read the quarter by customer size: who left, who cut seats, who grew. ' +
      'Then one bet for next quarter, a check against a control group, and a note to the leadership team.';
    const saas = findScenario('saas');
    const question = saas.scenario.questions.find((q) => q.id === 'nrr-miss')!;
    const interviewed = score(saas.rubrics[question.id]!, answer, { question: question.prompt });
    const scored = JSON.parse(
      (await rehearseHere(['score', '--scenario', 'saas', '--question', 'nrr-miss', '--json'], { input: answer })).stdout,
    );
    expect(scored.total).toBe(interviewed.total);
  });

  it.each([
    ['an empty file', (f: string) => ['--file', f], ''],
    ['a file of blank lines', (f: string) => ['--answers', f], '\n  \n\t\n'],
  ])('%s is refused in one line naming it, not graded 0', async (_, args, text) => {
    const file = join(mkdtempSync(join(tmpdir(), 'rehearse-empty-')), 'answer.txt');
    writeFileSync(file, text);
    const r = await rehearseHere(['score', '--scenario', 'ecommerce', '--question', 'north-star', ...args(file)]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim()).toBe(`rehearse score: ${file}: the answer is empty`);
  });

  it('nothing on standard input is refused the same way', async () => {
    const r = await rehearseHere(['score', '--scenario', 'ecommerce', '--question', 'north-star'], { input: ' \n' });
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('rehearse score: standard input: the answer is empty');
  });

  it('scores the same answer the same way every run', async () => {
    const args = ['score', '--scenario', 'saas', '--question', 'incentives', '--json'];
    // One run in a process of its own, one in this one that has scored before: nothing carries over.
    const a = rehearse(args, { input: strongAnswer }).stdout;
    const b = (await rehearseHere(args, { input: strongAnswer })).stdout;
    expect(b).toBe(a);
  });

  it('"dont know" gets 0–10 and says so', async () => {
    const json = JSON.parse(
      (await rehearseHere(['score', '--scenario', 'fintech', '--question', 'north-star', '--json'], { input: 'dont know' })).stdout,
    );
    expect(json.total).toBeLessThanOrEqual(10);
    expect(json.feedback.strengths).toEqual([]);
    expect(json.feedback.summary).toMatch(/not an answer/);
  });

  it.each([
    [['score', '--question', 'north-star'], /--scenario and --question are required/],
    [['score', '--scenario', 'fintech', '--question', 'nope'], /no question "nope"; its questions are: north-star/],
    [
      ['score', '--scenario', 'fintech', '--question', 'north-star', '--file', 'missing.txt'],
      /missing.txt: cannot read the answer: no such file/,
    ],
    [['score', '--scenario', 'fintech', '--question', 'north-star', '--bogus'], /^rehearse score: unknown option --bogus\nusage: /],
    // A mistyped option names the one it most likely meant.
    [['interview', '--answer', 'a.txt'], /^rehearse interview: unknown option --answer; did you mean --answers\?\n/],
    [['grade', '--fromat', 'csv', 'x.txt'], /^rehearse grade: unknown option --fromat; did you mean --format\?\n/],
    [['frobnicate'], /unknown command "frobnicate"/],
  ])('bad arguments %j: a clear message and exit 2', async (args, message) => {
    const run = await rehearseHere(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it('validate checks every shipped file, calibration included', async () => {
    const run = await rehearseHere([
      'validate',
      'scenarios/fintech.yaml',
      'scenarios/ecommerce.yaml',
      'scenarios/saas.yaml',
      'scenarios/rubrics/pm.yaml',
    ]);
    // No errors; warnings (exemplars whose band is not their label's) do not fail it.
    expect(run.stderr.split('\n').filter((l) => l && !l.startsWith('warning: '))).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n').filter((l) => l.startsWith('ok  '))).toHaveLength(4);
  });
});
