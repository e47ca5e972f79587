// Answers given up front that say where they go (`--- <question>` or `--- <question>/<follow-up>`),
// and files that do not fit the interview: each an error that says which block went where.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAnswers } from '../../src/commands/answers.js';
import { interviewCommand } from '../../src/commands/interview.js';
import { UsageError } from '../../src/errors.js';
import { Session } from '../../src/interview/session.js';
import { fixture } from '../helpers.js';
import { captureIO } from '../support/capture-io.js';

const SCENARIO = fixture('scenarios/good/interview.yaml');

async function run(text: string, extra: string[] = []) {
  const io = captureIO();
  const file = join(io.home, 'answers.txt');
  writeFileSync(file, text);
  const code = await interviewCommand(['--scenario', SCENARIO, '--answers', file, ...extra], io).catch((e: unknown) => e);
  const dir = join(io.home, 'sessions');
  const sessions = (() => {
    try {
      return readdirSync(dir).filter((f) => /^[\w-]+\.json$/.test(f));
    } catch {
      return [];
    }
  })();
  const session = sessions[0] ? Session.parse(JSON.parse(readFileSync(join(dir, sessions[0]), 'utf8'))) : undefined;
  return { code, io, file, session };
}

describe('parseAnswers', () => {
  it('reads blocks, their first line, and where they say they go', () => {
    expect(parseAnswers('first\n---\n\nsecond\nmore\n--- kpi/why\nthird\n---\n')).toEqual([
      { text: 'first', line: 1 },
      { text: 'second\nmore', line: 4 },
      { text: 'third', line: 7, target: 'kpi/why', targetLine: 6 },
    ]);
  });
});

describe('answers that name their question', () => {
  it('each goes to the prompt it names, whatever order the follow-ups come in', async () => {
    const text = [
      '--- shortfall',
      'Split the miss by cohort first.',
      '--- kpi',
      'Weekly active lenders, because a member who lends every week keeps the shed stocked.',
      '--- metrics',
      'Loans per member, and returns on time as the guardrail.',
    ].join('\n');
    const { code, io, session } = await run(text, ['--probes', '0']);
    expect(code).toBe(0);
    expect(io.stderr()).toBe('');
    const answers = session!.turns.filter((t) => t.kind === 'answer').map((t) => [t.questionId, t.text.split(' ')[0]]);
    expect(answers).toEqual([
      ['kpi', 'Weekly'],
      ['metrics', 'Loans'],
      ['shortfall', 'Split'],
    ]);
  });

  it('a follow-up the interview asks, with no block for it: exit 1, saying which, the session kept', async () => {
    const { code, io, session } = await run('--- kpi\nMembers.\n--- metrics\nLoans.\n--- shortfall\nCohorts.\n');
    expect(code).toBe(1);
    expect(io.stderr()).toMatch(
      /^rehearse: the interview asked kpi\/[\w-]+ and .*answers\.txt has no block for it \(start one with --- kpi\/[\w-]+\)\./,
    );
    expect(session!.status).toBe('in-progress');
  });

  it('a block for a follow-up that was not asked: exit 1, naming the block and its line', async () => {
    const text =
      '--- kpi\nWeekly active lenders, because a member who lends every week keeps the shed stocked and renews.\n--- kpi/why-us\nBecause.\n--- metrics\nLoans.\n--- shortfall\nCohorts.\n';
    const { code, io } = await run(text, ['--probes', '0']);
    expect(code).toBe(1);
    expect(io.stderr()).toMatch(/were not used, as the interview did not ask for them: .*answers\.txt:3 \(--- kpi\/why-us: not asked\)/);
  });

  it.each([
    // The line of the --- that names the prompt, blank lines or not.
    ['--- nope\nx\n', /answers\.txt:1: --- nope: no question "nope" in shedshare; its questions are kpi, metrics, shortfall/],
    [
      '\n\n--- kpi/nope\n\n\nx\n',
      /answers\.txt:3: --- kpi\/nope: question "kpi" has no follow-up "nope"; its follow-ups are reasoning, define/,
    ],
    ['untagged first\n--- kpi\nx\n', /answers\.txt:1: this block names no question, but others do/],
    ['--- kpi\nx\n--- kpi\ny\n', /answers\.txt:3: --- kpi: a second answer to the same prompt/],
  ])('%j is refused before any session is made', async (text, message) => {
    const { code, session } = await run(text);
    expect(code).toBeInstanceOf(UsageError);
    expect((code as UsageError).message).toMatch(message);
    expect(session).toBeUndefined();
  });
});
