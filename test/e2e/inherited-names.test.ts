// Names every object inherits ("constructor", "toString", "__proto__", "hasOwnProperty") used where a
// file or the command line names a lexicon, a signal, a question, a rubric or a command: read as the
// names they are, through the CLI's commands (the unknown commands through the built CLI), with the
// message, the exit code and what is written.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { intentOf } from '../../src/ui/keys.js';
import { rehearse, rehearseHere, noTrace, userHome } from '../helpers.js';

/** A library whose lexicon and signal are called "constructor", and a scenario with a question of that name. */
function inheritedNames(): { home: string; library: string; scenario: string } {
  const { home, dir } = userHome('rehearse-names-');
  const library = join(dir, 'lib.yaml');
  writeFileSync(
    library,
    [
      'lexicons:',
      '  constructor: [revenue, recurring revenue]',
      '  valueof: [retention]',
      'signals:',
      '  constructor:',
      '    lexicon: constructor',
      '    hint: Name the metric.',
      '  tostring:',
      '    terms: [because]',
      '    near: { lexicon: valueof, window: 1 }',
      '    hint: Say why.',
      'rubrics:',
      '  - id: constructor',
      '    title: Names',
      '    family: constructor',
      '    vocabulary:',
      '      constructor: [arr]',
      '    criteria:',
      '      - id: constructor',
      '        title: Choice',
      '        weight: 1',
      '        bar: 1',
      '        levels:',
      '          - anchor: Nothing named.',
      '          - anchor: A metric named.',
      '            when: { all: [constructor] }',
      '          - anchor: A metric with its reason.',
      '            when: { all: [constructor, tostring] }',
      '',
    ].join('\n'),
  );
  const scenario = join(dir, 'names.yaml');
  writeFileSync(
    scenario,
    [
      'id: names',
      'title: Names',
      'summary: Inherited names.',
      'role: Product Manager',
      'company: { name: Example Co, stage: Seed, market: Anywhere, description: A company for tests. }',
      'interviewer: { name: Sam, title: Head of Product, style: Brief. }',
      'context:',
      '  terms: [example]',
      '  vocabulary:',
      '    constructor: [mrr]',
      'uses: [lib.yaml]',
      'questions:',
      '  - id: constructor',
      '    prompt: What is the most important KPI?',
      '    rubric: constructor',
      '    followUps:',
      '      - { id: tostring, prompt: Why that one?, targets: [constructor] }',
      '    example: Recurring revenue, because retention is what keeps it coming.',
      '',
    ].join('\n'),
  );
  return { home, library, scenario };
}

describe('names every object inherits', () => {
  it('validate accepts a lexicon, signal, rubric, criterion and question named "constructor", with no false clash', async () => {
    const { home, library, scenario } = inheritedNames();
    const r = await rehearseHere(['validate', library, scenario], { env: { REHEARSE_HOME: home } });
    noTrace(r.stderr);
    expect(r.stderr).not.toMatch(/also in a library/);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/ok {2}.*names\.yaml/);
  });

  it('score reads the "constructor" lexicon, the scenario\'s words for it, and scores the answer', async () => {
    const { home, scenario } = inheritedNames();
    const run = (answer: string) =>
      rehearseHere(['score', '--scenario', scenario, '--question', 'constructor', '--json'], {
        input: answer,
        env: { REHEARSE_HOME: home },
      });
    for (const [answer, level] of [
      ['Recurring revenue, because retention is what keeps it coming.', 2],
      ['MRR is the number I would watch every single week of the year.', 1],
      ['I would look at how many people open the app each day and go from there.', 0],
    ] as const) {
      const r = await run(answer);
      noTrace(r.stderr);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).criteria[0].level).toBe(level);
    }
  });

  it('a `when` naming a signal "constructor" that is not defined is an unknown signal, at its line', async () => {
    const { home, library } = inheritedNames();
    writeFileSync(
      library,
      readFileSync(library, 'utf8')
        .replace('all: [constructor, tostring]', 'all: [tostring], any: [hasownproperty, constructor2]')
        .replace(/^ {2}constructor:\n {4}lexicon: constructor\n {4}hint: Name the metric.\n/m, ''),
    );
    const r = await rehearseHere(['validate', library], { env: { REHEARSE_HOME: home } });
    noTrace(r.stderr);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/lib\.yaml:\d+: rubrics\[0\]\.criteria\[0\]\.levels\[1\]\.when\.all\[0\]: unknown signal "constructor"/);
  });

  it('scenarios, an interview and grade run with such a file in the data folder', async () => {
    const { home } = inheritedNames();
    const list = await rehearseHere(['scenarios'], { env: { REHEARSE_HOME: home } });
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/names +Names/);
    const interview = await rehearseHere(['interview', '--scenario', 'names', '--probes', '0', '--json'], {
      input: 'Recurring revenue, because retention keeps it coming.',
      env: { REHEARSE_HOME: home },
    });
    noTrace(interview.stderr);
    expect(interview.code).toBe(0);
    const transcript = join(home, 'chat.txt');
    writeFileSync(
      transcript,
      'Interviewer: What is the most important KPI?\nCandidate: Recurring revenue, because retention keeps it coming.\n',
    );
    const graded = await rehearseHere(['grade', transcript, '--scenario', 'names', '--format', 'json'], { env: { REHEARSE_HOME: home } });
    noTrace(graded.stderr);
    expect(graded.code).toBe(0);
    expect(JSON.parse(graded.stdout).transcripts[0].answers[0].questionId).toBe('constructor');
  });

  it.each(['toString', '__proto__', 'hasOwnProperty', 'constructor'])(
    'a label whose question is %s is a bad label line, exit 2',
    async (name) => {
      const dir = mkdtempSync(join(tmpdir(), 'rehearse-labels-'));
      const labels = join(dir, 'labels.jsonl');
      writeFileSync(labels, JSON.stringify({ scenario: 'fintech', question: name, answer: 'Revenue.', tier: 'weak' }) + '\n');
      const r = await rehearseHere(['calibrate', labels]);
      noTrace(r.stderr);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`labels.jsonl:1: question: scenario "fintech" has no question "${name}"`);
    },
  );

  it('calibrate reports a family called "__proto__" under its name', async () => {
    const { home, library } = inheritedNames();
    writeFileSync(library, readFileSync(library, 'utf8').replace('family: constructor', 'family: __proto__'));
    const labels = join(home, 'labels.jsonl');
    const line = (answer: string, tier: string) => JSON.stringify({ rubric: 'constructor', answer, tier });
    writeFileSync(
      labels,
      [
        line('Recurring revenue, because retention is what keeps it coming back every month.', 'strong'),
        line('No idea really, I would have to think about it for a while.', 'weak'),
      ].join('\n') + '\n',
    );
    const r = await rehearseHere(['calibrate', labels, '--rubrics', library, '--json'], { env: { REHEARSE_HOME: home } });
    noTrace(r.stderr);
    expect(r.code).toBe(0);
    expect(Object.keys(JSON.parse(r.stdout).families)).toEqual(['__proto__']);
  });

  it.each(['constructor', 'toString', '__proto__'])('"rehearse %s" is an unknown command', (name) => {
    const r = rehearse([name]);
    noTrace(r.stderr);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`rehearse: unknown command "${name}"`);
  });

  it('typing "constructor" in one chunk is text for the editor, not a key', () => {
    expect(intentOf('constructor')).toEqual({ kind: 'edit', action: { type: 'insert', text: 'constructor' } });
    expect(intentOf('toString')).toEqual({ kind: 'edit', action: { type: 'insert', text: 'toString' } });
  });
});
