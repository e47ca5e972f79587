// Text people read in a scenario or rubric library holds no control character but line breaks and
// tabs: `validate` and loading name the file, the line and the field, and the character.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateCommand } from '../../src/commands/validate.js';
import { InvalidFileError } from '../../src/errors.js';
import { loadCatalog } from '../../src/scenario/catalog.js';
import { loadLibrary, loadScenario } from '../../src/scenario/load.js';
import { fixture, ROOT } from '../helpers.js';
import { captureIO } from '../support/capture-io.js';
import { issuesOf } from '../support/issues.js';

const MINIMAL = readFileSync(fixture('scenarios/good/minimal.yaml'), 'utf8').replace(
  '../../../../scenarios/rubrics/pm.yaml',
  join(ROOT, 'scenarios/rubrics/pm.yaml'),
);

/** The minimal scenario with one line changed, written to a folder of its own. */
function scenarioWith(line: string, replacement: string): { file: string; line: number } {
  const lines = MINIMAL.split('\n');
  const at = lines.findIndex((l) => l === line);
  if (at < 0) throw new Error(`no line "${line}" in minimal.yaml`);
  lines[at] = replacement;
  const file = join(mkdtempSync(join(tmpdir(), 'rehearse-text-')), 'scenario.yaml');
  writeFileSync(file, lines.join('\n'));
  return { file, line: at + 1 };
}

describe('control characters in a scenario', () => {
  // YAML's double-quoted escapes put the characters in: \e is ESC, \a BEL, \0 NUL.
  it.each([
    { field: 'title', line: 'title: Minimal', with: 'title: "Minimal \\e]0;pwned\\a"', code: 'U+001B at character 9' },
    {
      field: 'summary',
      line: 'summary: The smallest valid scenario.',
      with: 'summary: "The \\e[31msmallest"',
      code: 'U+001B at character 5',
    },
    { field: 'interviewer.name', line: '  name: Sam', with: '  name: "\\u202eSam"', code: 'U+202E at character 1' },
    { field: 'company.name', line: '  name: Example Co', with: '  name: "Example\\x9b2J Co"', code: 'U+009B at character 8' },
    {
      field: 'questions[0].prompt',
      line: '    prompt: What is the most important KPI?',
      with: '    prompt: "What is\\0 the KPI?"',
      code: 'U+0000 at character 8',
    },
    {
      field: 'questions[0].followUps[0].prompt',
      line: '        prompt: Why that one?',
      with: '        prompt: "Why\\r that one?"',
      code: 'U+000D at character 4',
    },
    { field: 'context.terms[0]', line: '  terms: [example]', with: '  terms: ["exa\\x7fmple"]', code: 'U+007F at character 4' },
  ])('$field: names the file, the line, the field and the character', ({ field, line, with: replacement, code }) => {
    const bad = scenarioWith(line, replacement);
    const issues = issuesOf(() => loadScenario(bad.file));
    expect(issues).toEqual([
      { file: bad.file, line: bad.line, path: field, message: `control character ${code}: only line breaks and tabs are allowed` },
    ]);
  });

  it('validate prints `file:line: path: message` and exits 2', async () => {
    const bad = scenarioWith('title: Minimal', 'title: "Minimal \\e]0;pwned\\a"');
    const io = captureIO();
    expect(await validateCommand([bad.file], io)).toBe(2);
    expect(io.stderr()).toBe(
      `${bad.file}:${bad.line}: title: control character U+001B at character 9: only line breaks and tabs are allowed\n`,
    );
    expect(io.stdout()).toBe('');
  });

  it('a catalog holding such a scenario does not load', () => {
    const bad = scenarioWith('title: Minimal', 'title: "Minimal \\e[2J"');
    expect(() => loadCatalog({ dirs: [dirname(bad.file)] })).toThrow(InvalidFileError);
  });

  it('line breaks, tabs, any language and emoji are text', () => {
    const ok = scenarioWith('  description: A company for tests.', '  description: "साझा औज़ार 🔧\\n\\tin every lobby\\nسأقيس"');
    expect(loadScenario(ok.file).scenario.company.description).toBe('साझा औज़ार 🔧\n\tin every lobby\nسأقيس');
  });
});

describe('control characters in a rubric library', () => {
  const LIBRARY = [
    'signals:',
    '  metric:',
    '    terms: [retention rate]',
    '    hint: name a metric',
    'rubrics:',
    '  - id: tiny',
    '    title: Tiny',
    '    family: kpi',
    '    criteria:',
    '      - id: choice',
    '        title: Choice',
    '        weight: 1',
    '        bar: 1',
    '        levels:',
    '          - anchor: nothing',
    '          - anchor: a metric',
    '            when: { all: [metric] }',
  ];
  const write = (lines: string[]) => {
    const file = join(mkdtempSync(join(tmpdir(), 'rehearse-text-')), 'rubrics.yaml');
    writeFileSync(file, lines.join('\n'));
    return file;
  };

  it('a clean library loads', () => {
    expect(loadLibrary(write(LIBRARY)).rubrics[0]!.title).toBe('Tiny');
  });

  it.each([
    { field: 'signals.metric.hint', at: 3, with: '    hint: "name a \\e[1mmetric"' },
    { field: 'signals.metric.terms[0]', at: 2, with: '    terms: ["retention\\u2066 rate"]' },
    { field: 'rubrics[0].title', at: 6, with: '    title: "Tiny\\a"' },
    { field: 'rubrics[0].criteria[0].title', at: 10, with: '        title: "Cho\\x85ice"' },
    { field: 'rubrics[0].criteria[0].levels[1].anchor', at: 15, with: '          - anchor: "a \\e]8;;http://x\\e\\\\metric"' },
  ])('$field: names the line and the field', ({ field, at, with: replacement }) => {
    const file = write(LIBRARY.map((l, i) => (i === at ? replacement : l)));
    const issues = issuesOf(() => loadLibrary(file));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file, line: at + 1, path: field, message: expect.stringMatching(/^control character U\+/) });
  });
});
