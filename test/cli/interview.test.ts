import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Session } from '../../src/interview/session.js';
import { probeJson, startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.js';
import { rehearse, rehearseAsync, rehearseHere } from '../helpers.js';

const home = () => mkdtempSync(join(tmpdir(), 'rehearse-home-'));
const sessionsIn = (h: string) => readdirSync(join(h, 'sessions')).filter((f) => /^[\w-]+\.json$/.test(f));
const readSession = (h: string, f: string) => Session.parse(JSON.parse(readFileSync(join(h, 'sessions', f), 'utf8')));

/**
 * More answers than any fintech interview asks for (each question and follow-up takes the next
 * one): the interview always finishes, and the ones left over make the run exit 1, named.
 */
const answers = Array.from({ length: 20 }, (_, i) =>
  i % 2 ? 'dont know' : 'I would track monthly transacting merchants, because merchants who take payments every week trust us.',
).join('\n---\n');

let server: FakeOpenAI | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('rehearse interview (headless)', () => {
  it('runs a whole interview from an answers file, printing questions, probes and scores, and saves it', () => {
    const h = home();
    const dir = mkdtempSync(join(tmpdir(), 'rehearse-'));
    writeFileSync(join(dir, 'answers.txt'), answers);
    const run = rehearse(['interview', '--scenario', 'fintech', '--answers', join(dir, 'answers.txt')], { env: { REHEARSE_HOME: h } });
    expect(run.stderr).toMatch(/^rehearse: \d+ answer\(s\) were not used, as the interview did not ask for them: .*answers\.txt:\d+/m);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Question 1 of 5');
    expect(run.stdout).toContain('Tell us, what is the most important KPI for our product? And why?');
    expect(run.stdout).toMatch(/Follow-up: /);
    expect(run.stdout).toMatch(/score \d+\/100/);
    expect(run.stdout).toMatch(/Total \d+\/100/);
    const [file] = sessionsIn(h);
    const s = readSession(h, file!);
    expect(s.status).toBe('finished');
    expect(Object.keys(s.scores)).toHaveLength(5);
    const report = readFileSync(join(h, 'sessions', file!.replace('.json', '.report.md')), 'utf8');
    expect(report).toMatch(/\*\*Total: \d+\/100/);
  });

  it('a file with one answer for each question gives each its question, with no follow-ups asked; --probes N asks them', async () => {
    const five = [
      'Weekly paying merchants: shops with ten or more payments in a week, because that habit drives lending.',
      'Inputs are new shops activated and payments per shop; the guardrail is payment success above 99%.',
      'Sales and product share one target, merchants still paying at day 60, reviewed every Monday.',
      'First check the data, then split the miss by city and signup cohort before changing anything.',
      'Cap cashback per pair of accounts and judge the campaign on shops still active three months later.',
    ];
    const one = await rehearseHere(['interview', '--scenario', 'fintech', '--json'], {
      input: five.join('\n---\n'),
      env: { REHEARSE_HOME: home() },
    });
    expect(one.code).toBe(0);
    expect(one.stderr).toBe(
      'rehearse: standard input has one answer for each of the 5 questions: no follow-ups are asked (with --probes N, each follow-up takes the next answer)\n',
    );
    const s = Session.parse(JSON.parse(one.stdout));
    expect(s.status).toBe('finished');
    expect(s.turns.filter((t) => t.kind === 'probe')).toEqual([]);
    // Each answer is the one its question was given, in order.
    const byQuestion = s.turns.filter((t) => t.kind === 'answer').map((t) => [t.questionId, t.text]);
    expect(byQuestion).toEqual(s.turns.filter((t) => t.kind === 'question').map((q, i) => [q.questionId, five[i]]));
    // Asked for follow-ups, the same file runs out of answers, as each follow-up takes the next one.
    const probed = await rehearseHere(['interview', '--scenario', 'fintech', '--probes', '1'], {
      input: five.join('\n---\n'),
      env: { REHEARSE_HOME: home() },
    });
    expect(probed.code).toBe(1);
    expect(probed.stderr).toMatch(/the answers ran out after 5/);
  });

  it('reads the answers from standard input and prints the session with --json', async () => {
    const h = home();
    const run = await rehearseHere(['interview', '--scenario', 'saas', '--json', '--no-feedback'], {
      input: answers,
      env: { REHEARSE_HOME: h },
    });
    expect(run.stderr).toMatch(/were not used, as the interview did not ask for them: standard input:\d+/);
    const s = Session.parse(JSON.parse(run.stdout));
    expect(s.status).toBe('finished');
    expect(s.mode).toBe('interview');
    expect(sessionsIn(h)).toEqual([`${s.id}.json`]);
  });

  it('"pass" moves on to the next question: five passes finish the interview with no follow-up', async () => {
    const run = await rehearseHere(['interview', '--scenario', 'fintech', '--json'], { input: Array(5).fill('pass').join('\n---\n') });
    expect(run.code).toBe(0);
    const s = Session.parse(JSON.parse(run.stdout));
    expect(s.status).toBe('finished');
    expect(s.turns.filter((t) => t.kind === 'probe')).toEqual([]);
  });

  it('--probes 0 asks only the main questions', async () => {
    const run = await rehearseHere(['interview', '--scenario', 'ecommerce', '--probes', '0', '--json'], {
      input: 'a\n---\nb\n---\nc\n---\nd',
      env: { REHEARSE_HOME: home() },
    });
    const s = Session.parse(JSON.parse(run.stdout));
    expect(s.turns.filter((t) => t.kind === 'probe')).toEqual([]);
    expect(s.status).toBe('finished');
  });

  it.each([[['interview', '--scenario', 'fintech']], [['drill', '--criterion', 'choice', '--family', 'kpi']]])(
    '%j with an answers file holding no answers: one line, exit 2, and no session made',
    async (args) => {
      const h = home();
      const file = join(h, 'answers.txt');
      writeFileSync(file, '\n  \n---\n\n');
      const run = await rehearseHere([...args, '--answers', file], { env: { REHEARSE_HOME: h } });
      expect(run.code).toBe(2);
      expect(run.stderr.trim()).toBe(
        `rehearse ${args[0]}: ${file}: no answers in it (write each answer, separated by lines holding only ---)`,
      );
      expect(run.stdout).toBe('');
      expect(readdirSync(h).includes('sessions') ? sessionsIn(h) : []).toEqual([]);
    },
  );

  it('resume lists the unfinished sessions in columns, each with its kind', async () => {
    const h = home();
    for (const scenario of ['saas', 'ecommerce'])
      await rehearseHere(['interview', '--scenario', scenario, '--probes', '0'], { input: 'User engagement.', env: { REHEARSE_HOME: h } });
    const rows = (await rehearseHere(['resume'], { env: { REHEARSE_HOME: h } })).stdout.trim().split('\n').slice(1);
    expect(rows).toHaveLength(2);
    for (const word of ['interview', 'answered', 'last']) expect(new Set(rows.map((r) => r.indexOf(word))).size, word).toBe(1);
  });

  it('fewer answers than needed: the session is saved, marked unfinished, and resumable; exit 1', async () => {
    const h = home();
    const run = await rehearseHere(['interview', '--scenario', 'fintech'], {
      input: 'User engagement.\n---\ndont know',
      env: { REHEARSE_HOME: h },
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/answers ran out after 2/);
    const [file] = sessionsIn(h);
    const s = readSession(h, file!);
    expect(s.status).toBe('in-progress');
    expect(s.turns.filter((t) => t.kind === 'answer').map((t) => t.text)).toEqual(['User engagement.', 'dont know']);
    expect(run.stderr).toContain(`rehearse resume ${s.id}`);

    const listed = await rehearseHere(['resume'], { env: { REHEARSE_HOME: h } });
    expect(listed.stdout).toContain(s.id);
    const more = await rehearseHere(['resume', s.id], { input: answers, env: { REHEARSE_HOME: h } });
    expect(more.stderr).toMatch(/were not used/);
    const done = readSession(h, file!);
    expect(done.status).toBe('finished');
    expect(
      done.turns
        .filter((t) => t.kind === 'answer')
        .slice(0, 2)
        .map((t) => t.text),
    ).toEqual(['User engagement.', 'dont know']);
    expect((await rehearseHere(['sessions'], { env: { REHEARSE_HOME: h } })).stdout).toMatch(
      new RegExp(`fintech\\s+interview\\s+\\d+\\s+finished\\s+${s.id}`),
    );
  });

  it.each([
    [['interview', '--scenario', 'crypto'], 'x', /unknown scenario "crypto"; the scenarios are: ecommerce, fintech, saas/],
    [['interview', '--scenario', 'fintech', '--answers', 'nope.txt'], '', /nope.txt: cannot read the answers: no such file/],
    [['interview', '--scenario', 'fintech'], '', /no terminal and no answers/],
    [['interview', '--scenario', 'fintech', '--probes', 'many'], 'x', /--probes takes a whole number/],
    [['resume', 'no-such-session'], '', /no session "no-such-session"/],
  ])('bad input %j: a clear message, exit 2', async (args, input, message) => {
    const run = await rehearseHere(args, { input, env: { REHEARSE_HOME: home() } });
    expect(run.stderr).toMatch(message);
    expect(run.code).toBe(2);
  });

  it.each([
    ['REHEARSE_LLM_TIMEOUT_MS=soon', /\.env:2: REHEARSE_LLM_TIMEOUT_MS: must be a number of milliseconds/],
    ['OPENAI_BASE_URL=localhost-ish', /\.env:2: OPENAI_BASE_URL: must be a URL/],
  ])('an .env with a malformed value (%s): file, line, key; exit 2', async (line, message) => {
    const cwd = mkdtempSync(join(tmpdir(), 'rehearse-env-'));
    writeFileSync(join(cwd, '.env'), `# settings\n${line}\n`);
    const run = await rehearseHere(['interview', '--scenario', 'fintech'], { input: 'x', cwd, env: { REHEARSE_HOME: home() } });
    expect(run.stderr).toMatch(message);
    expect(run.code).toBe(2);
  });
});

describe('rehearse interview with an LLM (a local OpenAI-compatible server)', () => {
  it('streams LLM probes into the transcript', async () => {
    server = await startFakeOpenAI((req) => {
      const criterion = /"criterion": "([a-z_-]+)"/.exec(req.body.messages[0]!.content)![1]!;
      return {
        kind: 'stream',
        content: probeJson(
          'What makes “monthly transacting merchants” the number to watch each week?',
          criterion,
          'monthly transacting merchants',
        ),
      };
    });
    const h = home();
    const run = await rehearseHere(['interview', '--scenario', 'fintech'], {
      input: answers,
      env: { REHEARSE_HOME: h, OPENAI_API_KEY: 'sk-test-key-12345678', OPENAI_BASE_URL: server.url, REHEARSE_MODEL: 'test-model' },
    });
    expect(readSession(h, sessionsIn(h)[0]!).status).toBe('finished');
    expect(run.stdout).toContain('Follow-up: What makes “monthly transacting merchants” the number to watch each week?');
    const s = readSession(h, sessionsIn(h)[0]!);
    expect(s.turns.filter((t) => t.kind === 'probe').some((p) => p.source === 'llm')).toBe(true);
    expect(server.requests.length).toBeGreaterThan(0);
  });

  it('never writes the API key: not in the session, the report, or the output — even when the server echoes it', async () => {
    const key = 'sk-live-SECRET-abcdefghijklmnop';
    server = await startFakeOpenAI({ kind: 'status', status: 401, body: { error: { message: `Incorrect API key provided: ${key}` } } });
    const h = home();
    const run = await rehearseAsync(['interview', '--scenario', 'fintech'], {
      input: answers,
      env: { REHEARSE_HOME: h, OPENAI_API_KEY: key, OPENAI_BASE_URL: server.url },
    });
    expect(readSession(h, sessionsIn(h)[0]!).status).toBe('finished');
    expect(run.stdout).toMatch(/rejected the API key/);
    const written = readdirSync(join(h, 'sessions')).map((f) => readFileSync(join(h, 'sessions', f), 'utf8'));
    expect(written.length).toBe(3); // session, report.md, report.json
    for (const text of [run.stdout, run.stderr, ...written]) expect(text).not.toContain(key);
  });
});

describe('a mistyped scenario id', () => {
  it('is said first, even with nothing on standard input', () => {
    const run = rehearse(['interview', '--scenario', 'fintec', '--probes', '0'], { input: '' });
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe(
      'rehearse interview: unknown scenario "fintec"; the scenarios are: ecommerce, fintech, saas (or give a path to a scenario file)',
    );
  });
});
