// `rehearse validate` that helps: every error with --all, warnings for what is allowed but
// probably a mistake, how each example scored, and all of it as JSON.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rehearseHere } from '../helpers.js';

const folder = () => mkdtempSync(join(tmpdir(), 'rehearse-validate-'));

const LIBRARY = `signals:
  spare: { terms: [spare], hint: Say spare. }
  used: { terms: [used], hint: Say used. }
rubrics:
  - id: r
    title: R
    family: r
    criteria:
      - id: c
        title: C
        weight: 1
        bar: 1
        levels:
          - anchor: None.
            when: { all: [used] }
          - anchor: Some.
            when: { all: [used] }
`;

describe('rehearse validate', () => {
  it('warns about an unused signal and a `when` on level 0, exit 0', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'lib.yaml'), LIBRARY);
    const r = await rehearseHere(['validate', join(dir, 'lib.yaml')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`ok  ${join(dir, 'lib.yaml')}\n`);
    expect(r.stderr.trim().split('\n')).toEqual([
      `warning: ${join(dir, 'lib.yaml')}:2: signals.spare: signal "spare" is used by no rubric of this library`,
      `warning: ${join(dir, 'lib.yaml')}:15: rubrics[0].criteria[0].levels[0].when: level 0 is where a criterion lands when nothing else holds; its \`when\` is never read`,
    ]);
  });

  it('shows how each question’s example and exemplars scored', async () => {
    const r = await rehearseHere(['validate', 'scenarios/fintech.yaml']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ {2}north-star \(kpi\): example \d+ strong · adequate exemplar 1 \d+ \w+ · weak exemplar 2 \d+ \w+$/m);
  });

  it('shows five errors, then says how many more and how to see them; --all shows every one', async () => {
    const dir = folder();
    const rubrics = Array.from(
      { length: 8 },
      (_, i) =>
        `  - { id: r${i}, title: R, family: r, criteria: [{ id: c, title: C, weight: 1, bar: 1, levels: [{ anchor: A }, { anchor: B, when: { all: [missing${i}] } }] }] }`,
    );
    writeFileSync(join(dir, 'bad.yaml'), `rubrics:\n${rubrics.join('\n')}\n`);
    const some = await rehearseHere(['validate', join(dir, 'bad.yaml')]);
    expect(some.code).toBe(2);
    expect(some.stderr.trim().split('\n')).toHaveLength(6);
    expect(some.stderr).toContain('…and 3 more (rehearse validate --all shows every one)');
    const all = await rehearseHere(['validate', '--all', join(dir, 'bad.yaml')]);
    expect(all.stderr.trim().split('\n')).toHaveLength(8);
  });

  it('--json has the errors, the warnings and the calibration of every file', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'lib.yaml'), LIBRARY);
    const r = await rehearseHere(['validate', '--json', join(dir, 'lib.yaml'), 'scenarios/saas.yaml']);
    const out = JSON.parse(r.stdout) as {
      file: string;
      kind: string;
      ok: boolean;
      warnings: unknown[];
      calibration?: { question: string }[];
    }[];
    expect(out.map((f) => [f.kind, f.ok, f.warnings.length > 0])).toEqual([
      ['library', true, true],
      ['scenario', true, expect.any(Boolean)],
    ]);
    expect(out[1]!.calibration!.map((c) => c.question)).toEqual(['north-star', 'guardrails', 'vision', 'incentives', 'nrr-miss']);
  });
});
