// Rubric libraries that build on each other: a user's library uses the shipped one by name,
// extends its rubrics with a domain's words, and clashes of ids are errors unless overridden.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InvalidFileError } from '../../src/errors.js';
import { loadLibrary, loadScenario } from '../../src/scenario/load.js';
import { resolveRubric } from '../../src/scenario/rubric.js';
import { score } from '../../src/scoring/score.js';

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'rehearse-compose-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const issues = (load: () => unknown) => {
  try {
    load();
  } catch (e) {
    if (e instanceof InvalidFileError) return e.issues.map((i) => `${i.line ?? '-'}: ${i.path}: ${i.message}`);
    throw e;
  }
  return [];
};

const CLINIC_LIBRARY = `uses: [rehearse:pm]
rubrics:
  - id: clinic-kpi
    title: The most important KPI for a clinic product
    family: kpi
    extends: kpi
    vocabulary:
      metrics: [kept appointment*, attended appointment*]
  - id: triage
    title: Prioritising a clinic backlog
    family: prioritisation
    criteria:
      - id: choice
        title: Picks one thing and says why
        weight: 1
        bar: 1
        levels:
          - anchor: No choice.
          - anchor: Commits to one metric, with a reason.
            when: { all: [committed_metric, metric_reasoned] }
`;

const ANSWER =
  'My north star is kept appointments: a booking the patient actually attends. I would pick it over bookings made, because an attended appointment is what a clinic pays us for, and clinics whose patients turn up are the ones that renew.';

describe('a library that uses the shipped one', () => {
  it('extends a shipped rubric with its own words, and builds a new one on shipped signals', () => {
    const dir = folder({ 'clinic.yaml': CLINIC_LIBRARY });
    const lib = loadLibrary(join(dir, 'clinic.yaml'));
    const extended = resolveRubric(lib, 'clinic-kpi', [])!;
    const plain = resolveRubric(lib, 'kpi', [])!;
    expect(extended.criteria.map((c) => c.id)).toEqual(plain.criteria.map((c) => c.id));
    expect(extended.lexicons.metrics).toEqual(expect.arrayContaining(['kept appointment*', ...plain.lexicons.metrics!]));
    // The domain's metric is seen as a metric: the answer commits to one.
    const level = (r: typeof plain) => score(r, [ANSWER]).criteria.find((c) => c.id === 'choice')!.level;
    expect(level(extended)).toBeGreaterThan(level(plain));
    expect(resolveRubric(lib, 'triage', [])!.signals).toHaveProperty('committed_metric');
  });

  it('a scenario adds its words to the rubrics it uses, and says so when no library has that lexicon', () => {
    const scenario = (vocabulary: string) => `id: clinic
title: Clinic
summary: A clinic scheduling product.
role: PM
company: { name: Carely, stage: Seed, market: Clinics, description: Scheduling for clinics. }
interviewer: { name: Ana, title: CPO, style: Brief. }
context:
  terms: [clinic*]
  vocabulary: ${vocabulary}
uses: [rehearse:pm]
questions:
  - id: kpi
    prompt: What is the most important KPI?
    rubric: kpi
    example: Completed consultations per clinic each week.
`;
    const dir = folder({ 'ok.yaml': scenario('{ metrics: [completed consultation*] }'), 'bad.yaml': scenario('{ metricz: [visits] }') });
    const loaded = loadScenario(join(dir, 'ok.yaml'));
    expect(loaded.rubrics.kpi!.lexicons.metrics).toContain('completed consultation*');
    expect(issues(() => loadScenario(join(dir, 'bad.yaml')))).toEqual([
      '9: context.vocabulary.metricz: no rubric library this scenario uses has a lexicon "metricz"',
    ]);
  });

  it.each([
    [
      'an id that a used library has too',
      'uses: [rehearse:pm]\nsignals:\n  metric_any: { terms: [number], hint: Name a number. }\nrubrics:\n  - { id: x, title: X, family: x, extends: kpi }\n',
      [
        '3: signals.metric_any: signal "metric_any" is also in a library this one uses; rename it, or list it under `overrides` to replace that one',
      ],
    ],
    [
      'the same, listed under overrides',
      'uses: [rehearse:pm]\noverrides: [metric_any]\nsignals:\n  metric_any: { terms: [number], hint: Name a number. }\nrubrics:\n  - { id: x, title: X, family: x, extends: kpi }\n',
      [],
    ],
    [
      'extending a rubric nobody has',
      'uses: [rehearse:pm]\nrubrics:\n  - { id: x, title: X, family: x, extends: nope }\n',
      ['3: rubrics[0].extends: no rubric "nope" here or in the libraries this one uses'],
    ],
    [
      'words for a lexicon nobody has',
      'uses: [rehearse:pm]\nrubrics:\n  - { id: x, title: X, family: x, extends: kpi, vocabulary: { metricz: [visits] } }\n',
      ['3: rubrics[0].vocabulary.metricz: no lexicon "metricz" here or in the libraries this one uses'],
    ],
    [
      'phrases that can match nothing in a rubric that extends another, named where they are written',
      'uses: [rehearse:pm]\nrubrics:\n  - id: x\n    title: X\n    family: x\n    extends: kpi\n    topic:\n      - kept visits\n      - visit *\n    detect: ["~ what now + (goal|target)**"]\n    vocabulary: { metrics: ["()"] }\n',
      [
        expect.stringMatching(/^9: rubrics\[0\]\.topic\[1\]: "\*" is not a word, a group or a wildcard, so the phrase matches nothing/),
        expect.stringMatching(/^10: rubrics\[0\]\.detect\[0\]: "\*" is not a word/),
        expect.stringMatching(/^11: rubrics\[0\]\.vocabulary\.metrics\[0\]: "\(\)" is not a word/),
      ],
    ],
    [
      'a regular expression that does not compile, in a lexicon',
      'uses: [rehearse:pm]\nlexicons:\n  clinic: ["/visit(s/"]\nrubrics:\n  - { id: x, title: X, family: x, extends: kpi }\n',
      [expect.stringMatching(/^3: lexicons\.clinic\[0\]: invalid regular expression: /)],
    ],
    [
      'a rubric with no criteria that extends nothing',
      'rubrics:\n  - { id: x, title: X, family: x }\n',
      ['2: rubrics[0].criteria: a rubric needs at least one criterion, or `extends` to build on another'],
    ],
  ])('%s', (_, text, expected) => {
    const dir = folder({ 'lib.yaml': text });
    expect(issues(() => loadLibrary(join(dir, 'lib.yaml')))).toEqual(expected);
  });

  it('libraries that use each other in a circle are refused, naming the entry', () => {
    const dir = folder({
      'a.yaml': 'uses: [b.yaml]\nrubrics:\n  - { id: a, title: A, family: a, extends: kpi }\n',
      'b.yaml': 'uses: [a.yaml, rehearse:pm]\nrubrics:\n  - { id: b, title: B, family: b, extends: kpi }\n',
    });
    expect(issues(() => loadLibrary(join(dir, 'a.yaml')))).toEqual([
      '1: uses[0]: a.yaml uses this library in turn; libraries cannot use each other in a circle',
    ]);
  });
});
