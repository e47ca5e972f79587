// What an author does, from an empty data folder: start a scenario, give it a library that builds
// on the shipped one (a shipped rubric taught the domain's words, a new rubric on shipped signals),
// validate it, find it in the list and the picker, and run an interview on it.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import React from 'react';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/scenario/catalog.js';
import { ScenarioPicker } from '../../src/ui/ScenarioPicker.js';
import { rehearseHere } from '../helpers.js';

const LIBRARY = `uses: [rehearse:pm]
rubrics:
  - id: tele-kpi
    title: The most important KPI for a telemedicine product
    family: kpi
    extends: kpi
    vocabulary:
      metrics: [kept appointment*, completed consultation*, repeat patient*]
  - id: one-number
    title: One number for the clinic team, and why
    family: kpi
    criteria:
      - id: pick
        title: Picks one number and says why it matters
        weight: 1
        bar: 2
        levels:
          - anchor: No number chosen.
          - anchor: Names a number to watch.
            when: { any: [committed_metric, metric_any] }
          - anchor: Commits to one number and says why it matters here.
            when: { all: [committed_metric, metric_reasoned] }
`;

const SECOND_QUESTION = `  - id: clinic-number
    prompt: If our clinic team could watch one number each morning, which would it be?
    rubric: one-number
    followUps:
      - id: why
        prompt: Why that one?
        targets: [pick]
    example: >-
      My one number would be kept appointments per clinician per day: a booking the patient
      actually attends. I would pick it over bookings made, because an empty slot costs the clinic a
      fee it cannot recover, and a clinician whose day is full of kept appointments is the one
      who renews.
    exemplars:
      - level: adequate
        text: I would watch kept appointments per clinician each day.
      - level: weak
        text: We should look at a lot of things, engagement mostly, and see how the team feels.
`;

describe('writing your own interview', () => {
  it('a scenario of one question is listed as "1 question"', async () => {
    const home = mkdtempSync(join(tmpdir(), 'rehearse-author-'));
    const env = { REHEARSE_HOME: home };
    expect((await rehearseHere(['scenarios', 'new', 'solo'], { env })).code).toBe(0);
    const file = join(home, 'scenarios', 'solo.yaml');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.slice(0, text.indexOf('  - id: incentives')));
    const listed = await rehearseHere(['scenarios'], { env });
    expect(listed.stderr).toBe('');
    expect(listed.stdout).toMatch(/ {2}solo +.*\(1 question\)\n/);
    expect(listed.stdout).toMatch(/ {2}fintech +.*\(\d+ questions\)\n/);
  });

  it('from `scenarios new` to a validated, listed, pickable scenario that runs', async () => {
    const home = mkdtempSync(join(tmpdir(), 'rehearse-author-'));
    const env = { REHEARSE_HOME: home };
    expect((await rehearseHere(['scenarios', 'new', 'telehealth'], { env })).code).toBe(0);
    const dir = join(home, 'scenarios');
    mkdirSync(join(dir, 'rubrics'));
    writeFileSync(join(dir, 'rubrics', 'tele.yaml'), LIBRARY);
    const file = join(dir, 'telehealth.yaml');
    const text = readFileSync(file, 'utf8')
      .replace('uses:\n  - rehearse:pm', 'uses:\n  - rubrics/tele.yaml')
      .replace('rubric: kpi # a rubric in the libraries above', 'rubric: tele-kpi # a rubric in the libraries above');
    writeFileSync(file, text.slice(0, text.indexOf('  - id: incentives')) + SECOND_QUESTION);

    const checked = await rehearseHere(['validate', '--json', file], { env });
    expect(checked.code).toBe(0);
    const [result] = JSON.parse(checked.stdout) as {
      errors: unknown[];
      calibration: { question: string; answers: { level: string; total: number }[] }[];
    }[];
    expect(result!.errors).toEqual([]);
    const own = result!.calibration.find((c) => c.question === 'clinic-number')!.answers;
    const total = (level: string) => own.find((a) => a.level === level)!.total;
    expect(total('weak')).toBeLessThan(total('adequate'));
    expect(total('adequate')).toBeLessThan(total('strong'));

    // The library beside the scenarios is not mistaken for a broken scenario.
    const listed = await rehearseHere(['scenarios'], { env });
    expect(listed.stderr).toBe('');
    expect(listed.stdout).toContain(`Your own, in ${dir}:\n  telehealth`);

    const catalog = loadCatalog({ userDir: dir });
    const picker = render(
      React.createElement(ScenarioPicker, {
        scenarios: catalog.map((s) => ({
          id: s.scenario.id,
          title: s.scenario.title,
          summary: s.scenario.summary,
          questions: s.scenario.questions.length,
        })),
        selected: catalog.findIndex((s) => s.scenario.id === 'telehealth'),
      }),
    );
    expect(picker.lastFrame()).toContain('My next interview');
    picker.unmount();

    const answers = [
      '--- north-star',
      'Kept appointments per clinic each week, because a clinic whose patients turn up renews.',
      '--- clinic-number',
      'Kept appointments per clinician per day, because an empty slot is a fee the clinic loses.',
    ].join('\n');
    const run = await rehearseHere(['interview', '--scenario', 'telehealth', '--probes', '0'], { input: answers, env });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Total \d+\/100/);
  });
});
