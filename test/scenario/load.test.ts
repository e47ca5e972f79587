import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLibrary, loadScenario } from '../../src/scenario/load.js';
import { jsonSchema } from '../../src/commands/schema.js';
import { fixture, rehearse, rehearseHere, ROOT } from '../helpers.js';
import { issuesOf } from '../support/issues.js';

const bad = (name: string) => fixture(`scenarios/bad/${name}`);

describe('bad scenario files: file, line, field path, and exit code 2', () => {
  it.each([
    { file: 'yaml-syntax.yaml', line: 5, path: '', message: /YAML syntax error/ },
    { file: 'wrong-type.yaml', line: 20, path: 'questions[0].prompt', message: /expected string, received number/ },
    { file: 'missing-field.yaml', line: 1, path: 'title', message: /required field is missing/ },
    { file: 'unknown-rubric.yaml', line: 21, path: 'questions[0].rubric', message: /unknown rubric "kpii"/ },
    { file: 'duplicate-ids.yaml', line: 27, path: 'questions[1].id', message: /duplicate question id "kpi"/ },
    { file: 'unknown-criterion.yaml', line: 25, path: 'questions[0].followUps[0].targets[1]', message: /unknown criterion "rhetoric"/ },
    { file: 'follows-later.yaml', line: 21, path: 'questions[0].follows', message: /"kpi" is asked after this question, not before it/ },
    { file: 'follows-unknown.yaml', line: 25, path: 'questions[1].follows', message: /no question "north-star" in this scenario/ },
    { file: 'follows-itself.yaml', line: 21, path: 'questions[0].follows', message: /a question cannot follow itself/ },
  ])('$file', async ({ file, line, path, message }) => {
    const issues = issuesOf(() => loadScenario(bad(file)));
    expect(issues[0]).toMatchObject({ file: bad(file), line, path });
    expect(issues[0]!.message).toMatch(message);

    const run = await rehearseHere(['validate', `test/fixtures/scenarios/bad/${file}`]);
    expect(run.code).toBe(2);
    const where = `test/fixtures/scenarios/bad/${file}:${line}: ${path ? `${path}: ` : ''}`;
    expect(run.stderr).toContain(where);
    expect(run.stdout).toBe('');
  });

  it.each([
    { file: 'bad-weight-library.yaml', line: 12, path: 'rubrics[0].criteria[0].weight', message: /expected number/ },
    {
      file: 'unknown-signal-library.yaml',
      line: 17,
      path: 'rubrics[0].criteria[0].levels[1].when.all[0]',
      message: /unknown signal "metrc"/,
    },
  ])('rubric library $file', async ({ file, line, path, message }) => {
    const issues = issuesOf(() => loadLibrary(bad(file)));
    expect(issues[0]).toMatchObject({ line, path });
    expect(issues[0]!.message).toMatch(message);
    expect((await rehearseHere(['validate', bad(file)])).code).toBe(2);
  });

  it('a missing file is named, with exit 2', () => {
    const run = rehearse(['validate', 'no/such/scenario.yaml']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no/such/scenario.yaml: no such file');
  });

  it('lists a handful of issues at most', async () => {
    const many = Array.from({ length: 9 }, (_, i) => `  - { id: q${i}, prompt: 1, rubric: kpi, example: x }`).join('\n');
    const text = readFileSync(fixture('scenarios/good/minimal.yaml'), 'utf8').replace(/questions:[\s\S]*$/, `questions:\n${many}\n`);
    const file = join(mkdtempSync(join(tmpdir(), 'rehearse-')), 'many.yaml');
    writeFileSync(file, text);
    const run = await rehearseHere(['validate', file]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(6);
    expect(run.stderr).toContain('…and 4 more');
  });

  it('a valid file passes, and its rubrics resolve with the scenario context', async () => {
    const loaded = loadScenario(fixture('scenarios/good/minimal.yaml'));
    expect(loaded.rubrics.kpi!.lexicons.context).toEqual(['example']);
    expect((await rehearseHere(['validate', 'test/fixtures/scenarios/good/minimal.yaml'])).code).toBe(0);
  });
});

describe('JSON Schema', () => {
  it('scenario.schema.json is what the zod schema generates (run `npm run schema` to refresh)', () => {
    expect(JSON.parse(readFileSync(`${ROOT}/scenario.schema.json`, 'utf8'))).toEqual(jsonSchema('scenario'));
    expect(JSON.parse(readFileSync(`${ROOT}/scenarios/rubrics/rubrics.schema.json`, 'utf8'))).toEqual(jsonSchema('rubrics'));
  });

  it('does not require fields that have defaults', () => {
    const schema = jsonSchema('scenario') as { required: string[] };
    expect(schema.required).toContain('questions');
    expect(schema.required).not.toContain('uses');
  });
});
