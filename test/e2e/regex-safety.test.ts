// A user's rubric or scenario with a regular expression that would backtrack for minutes is refused
// when it is read, by validate and by every command that loads it, naming the file, line and field.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rehearse, noTrace, userHome } from '../helpers.js';

function files(pattern: string, contextTerm = 'example') {
  const { home, dir } = userHome('rehearse-regex-');
  const library = join(dir, 'lib.yaml');
  writeFileSync(
    library,
    [
      'signals:',
      '  letters:',
      `    pattern: ${JSON.stringify(pattern)}`,
      '    hint: Say it.',
      'rubrics:',
      '  - id: letters',
      '    title: Letters',
      '    family: kpi',
      '    criteria:',
      '      - id: said',
      '        title: Said',
      '        weight: 1',
      '        bar: 1',
      '        levels:',
      '          - anchor: Nothing.',
      '          - anchor: Said.',
      '            when: { all: [letters] }',
      '',
    ].join('\n'),
  );
  const scenario = join(dir, 'letters.yaml');
  writeFileSync(
    scenario,
    [
      'id: letters',
      'title: Letters',
      'summary: A user scenario.',
      'role: Product Manager',
      'company: { name: Example Co, stage: Seed, market: Anywhere, description: A company for tests. }',
      'interviewer: { name: Sam, title: Head of Product, style: Brief. }',
      'context:',
      `  terms: [${JSON.stringify(contextTerm)}]`,
      'uses: [lib.yaml]',
      'questions:',
      '  - id: kpi',
      '    prompt: What is the most important KPI?',
      '    rubric: letters',
      '    example: Weekly active merchants, because they show the habit.',
      '',
    ].join('\n'),
  );
  return { home, library, scenario };
}

const THIRTY = `${'a'.repeat(30)}!`;

describe('regular expressions that backtrack without end', () => {
  it('validate refuses "(a+)+$" with the file, line and field, exit 2', () => {
    const { home, library } = files('(a+)+$');
    const r = rehearse(['validate', library], { env: { REHEARSE_HOME: home } });
    noTrace(r.stderr);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/lib\.yaml:3: signals\.letters\.pattern: regular expression can take exponential time: .*"\(a\+\)\+"/);
  });

  it('score and grade refuse the file at once instead of running it on thirty letters', () => {
    const { home, scenario } = files('(a|a)*$');
    const started = Date.now();
    const score = rehearse(['score', '--scenario', scenario, '--question', 'kpi'], { input: THIRTY, env: { REHEARSE_HOME: home } });
    noTrace(score.stderr);
    expect(score.code).toBe(2);
    expect(score.stderr).toMatch(/lib\.yaml:3: signals\.letters\.pattern: regular expression can take exponential time: "\(a\|a\)\*"/);
    const transcript = join(home, 'chat.txt');
    writeFileSync(transcript, `Interviewer: What is the most important KPI?\nCandidate: ${THIRTY}\n`);
    const grade = rehearse(['grade', transcript, '--scenario', scenario], { env: { REHEARSE_HOME: home } });
    noTrace(grade.stderr);
    expect(grade.code).toBe(2);
    expect(grade.stderr).toMatch(/lib\.yaml:3: signals\.letters\.pattern: regular expression can take exponential time/);
    // Both refused before any matching: the pattern on thirty letters alone would take minutes.
    expect(Date.now() - started).toBeLessThan(14_000);
  });

  it("a scenario's context term between slashes is checked too", () => {
    const { home, scenario } = files('letters?', '/(x|xx)+y/');
    const r = rehearse(['validate', scenario], { env: { REHEARSE_HOME: home } });
    noTrace(r.stderr);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/letters\.yaml:8: context\.terms\[0\]: regular expression can take exponential time: "\(x\|xx\)\+"/);
  });

  it('a pattern that reads each character one way only is accepted and scores', () => {
    const { home, scenario } = files('(?:weekly )?merchants?');
    const answer = 'Weekly merchants are the number I would pick, because they show the habit of taking payments with us.';
    const r = rehearse(['score', '--scenario', scenario, '--question', 'kpi', '--json'], { input: answer, env: { REHEARSE_HOME: home } });
    noTrace(r.stderr);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).criteria[0].level).toBe(1);
  });
});
