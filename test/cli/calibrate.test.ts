// `rehearse calibrate` and `rehearse score --explain`, run as a user runs them, on answers written for these tests.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { fixture, rehearse, rehearseHere, type Run } from '../helpers.js';
import { ScoringModel } from '../../src/scenario/model.js';
import { featureDef, type FeatureId } from '../../src/scenario/features.js';
import type { FitReport } from '../../src/commands/calibrate.js';

const labels = fixture('labels/pm.jsonl');
const dir = mkdtempSync(join(tmpdir(), 'rehearse-calibrate-'));
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('rehearse calibrate', () => {
  it('prints Spearman, kappa and pairwise overall and per family, a confusion table and the worst disagreements', () => {
    const run = rehearse(['calibrate', labels]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^\s+n\s+Spearman\s+QW kappa\s+pairwise$/m);
    expect(run.stdout).toMatch(/^overall\s+8\s+-?\d\.\d\d\s+-?\d\.\d\d\s+\d+% of \d+$/m);
    expect(run.stdout).toMatch(/^kpi\s+5\s/m);
    expect(run.stdout).toMatch(/^incentives\s+3\s/m);
    expect(run.stdout).toContain("Human tier (rows) against the scorer's band (columns)");
    expect(run.stdout).toMatch(/^strong\s+\d+\s+\d+\s+\d+\s+\d+$/m);
    // Every disagreement names the answer and shows the scorer's explanation.
    expect(run.stdout).toMatch(/t-0\d \(line \d, (kpi|incentives)\): scorer \d+ \((insufficient|weak|adequate|strong)\), human \d+/);
  });

  /** One `calibrate --json` run, which the two tests below read. */
  let calibrated: Promise<Run> | undefined;
  const calibrateJson = () => (calibrated ??= rehearseHere(['calibrate', labels, '--json']));

  it('--json has the same figures as numbers', async () => {
    const run = await calibrateJson();
    expect(run.code).toBe(0);
    const r = JSON.parse(run.stdout);
    expect(r.overall.n).toBe(8);
    expect(Object.keys(r.families).sort()).toEqual(['incentives', 'kpi']);
    expect(r.overall.spearman).toBeGreaterThan(0.5);
    expect(r.worst.length).toBe(8);
    expect(r.worst[0].score.criteria.length).toBeGreaterThan(0);
  });

  it('a strong answer ranks above the weak ones of its family', async () => {
    const r = JSON.parse((await calibrateJson()).stdout) as {
      worst: { id: string; score: { total: number } }[];
    };
    const total = (id: string) => r.worst.find((g) => g.id === id)!.score.total;
    expect(total('t-01')).toBeGreaterThan(total('t-03'));
    expect(total('t-04')).toBeGreaterThan(total('t-05'));
    expect(total('t-06')).toBeGreaterThan(total('t-07'));
  });

  it('bad lines are all named with file, line and field, exit 2, no stack trace', async () => {
    const file = write(
      'bad.jsonl',
      [
        '{"rubric":"kpi","answer":"My north star is repeat purchase rate.","tier":"strong"}',
        '{"rubric":"kpi","answer":"x",',
        '{"rubric":"nope","answer":"Something.","tier":"weak"}',
        '{"rubric":"kpi","answer":"No label here."}',
        '{"scenario":"fintech","question":"zzz","answer":"A.","score":40}',
        '{"rubric":"kpi","answer":"A.","tier":"great"}',
      ].join('\n'),
    );
    const run = await rehearseHere(['calibrate', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${file}:2: not JSON`);
    expect(run.stderr).toContain(`${file}:3: rubric: unknown rubric "nope"`);
    expect(run.stderr).toMatch(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:4: tier: give a human "tier"`));
    expect(run.stderr).toContain(`${file}:5: question: scenario "fintech" has no question "zzz"`);
    expect(run.stderr).toContain(`${file}:6: tier:`);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('a missing file or no argument is a one-line error, exit 2', async () => {
    const missing = await rehearseHere(['calibrate', join(dir, 'none.jsonl')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('none.jsonl: cannot read: no such file');
    const none = await rehearseHere(['calibrate']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('usage: rehearse calibrate');
    const empty = await rehearseHere(['calibrate', write('empty.jsonl', '\n\n')]);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('no labelled answers');
  });
});

describe('rehearse calibrate --fit', () => {
  const fitLabels = fixture('labels/fit.jsonl');

  it('fits a model to the labels, measures it on answers held out beside the model in use, and prints it as a model: block', async () => {
    const run = await rehearseHere(['calibrate', fitLabels, '--fit']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^29 labelled answers from 29 sources, 5 folds by source$/m);
    expect(run.stdout).toMatch(/^fitted\s+29\s+-?\d\.\d\d\s+-?\d\.\d\d\s+\d+% of \d+ +\(held out/m);
    expect(run.stdout).toMatch(/^in use\s+29\s/m);
    const block = run.stdout.slice(run.stdout.indexOf('\nmodel:') + 1);
    // The block is what a rubric library's `model:` accepts.
    const model = ScoringModel.parse((parseYaml(block) as { model: unknown }).model);
    expect(Object.keys(model.weights).length).toBeGreaterThan(0);
  });

  it('--json: every weight keeps the sign its feature allows, and the held-out figures are numbers', async () => {
    const r = JSON.parse((await rehearseHere(['calibrate', fitLabels, '--fit', '--json'])).stdout) as FitReport;
    expect(r.answers).toBe(29);
    expect(r.heldOut.n).toBe(29);
    expect(r.heldOut.spearman).toBeGreaterThan(0);
    for (const [f, w] of Object.entries(r.model.weights)) {
      const sign = featureDef(f as FeatureId).sign;
      if (sign !== 0) expect(Math.sign(w!), f).toBe(sign);
      expect(w).not.toBe(0);
    }
    expect(r.model.bands.weak).toBeLessThan(r.model.bands.adequate);
  });

  it('too few sources to hold any out is a one-line error naming the file, exit 2', async () => {
    const run = await rehearseHere(['calibrate', labels, '--fit']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${labels}: 8 answer(s) from 8 source(s)`);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stdout).toBe('');
  });
});

describe('rehearse score --explain', () => {
  const answer =
    "I'd pick merchants who take at least 20 UPI payments in a 30-day window, not installs, which say nothing about use. A shop that does that has made our QR its default, which is what soundbox rentals and loans follow.";

  it('shows each sentence with what counted and what did not, the criteria and how the total was summed', async () => {
    const run = await rehearseHere(['score', '--scenario', 'fintech', '--question', 'north-star', '--explain'], { input: answer });
    expect(run.code).toBe(0);
    const out = run.stdout;
    expect(out).toContain('Sentences');
    expect(out).toMatch(/\[1\] “I'd pick merchants/);
    expect(out).toMatch(/counted: .*committed_metric/);
    // "installs" is rejected, and the explanation says why.
    expect(out).toMatch(/not counted: “installs” \(negated or criticised\)/);
    expect(out).toMatch(/Chooses one precise KPI: level \d\/3/);
    expect(out).toMatch(/earned by any of committed_metric, committed_cue/);
    expect(out).toMatch(/^Total \(model [0-9a-f]+\)$/m);
    expect(out).toMatch(/^ {2}sum\s+-?\d+\.\d$/m);
    expect(out).toMatch(/^ {2}length\s+-?\d\.\d\d × +-?\d+\.\d = +[+−]?\d+\.\d$/m);
    expect(out).toMatch(/total \d+: (weak|adequate|strong) \(weak from \d+, adequate from \d+, strong from \d+\)/);
  });

  it('--json --explain adds the explanation; its terms add up to the sum the total comes from', async () => {
    const run = await rehearseHere(['score', '--scenario', 'fintech', '--question', 'north-star', '--explain', '--json'], {
      input: answer,
    });
    const s = JSON.parse(run.stdout);
    const t = s.explanation.total;
    const summed = t.intercept + t.terms.reduce((n: number, x: { points: number }) => n + x.points, 0);
    expect(Math.abs(summed - t.sum)).toBeLessThan(0.1 * t.terms.length + 0.1);
    // The band follows from the total on the fixed scale, whatever the model's own cut points.
    const band = s.total >= 70 ? 'strong' : s.total >= 45 ? 'adequate' : s.total >= 20 ? 'weak' : 'insufficient';
    expect(s.band).toBe(band);
    // A larger sum never gives a smaller total: the mapping keeps the order.
    expect(t.cuts.weak).toBeLessThan(t.cuts.adequate);
    for (const sentence of s.explanation.sentences) expect(answer.slice(sentence.start, sentence.end)).toBe(sentence.text);
  });
});
