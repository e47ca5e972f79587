// The headless interview draws answers and follow-ups as a reader should see them: an answers
// file full of escape sequences reaches neither the terminal nor report.md, and the session
// keeps the answers exactly as they were given.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { interviewCommand } from '../../src/commands/interview.js';
import { Session } from '../../src/interview/session.js';
import { fixture } from '../helpers.js';
import { captureIO } from '../support/capture-io.js';

/** What a terminal acts on, or that reorders text; \n and \t are the only controls allowed out. */
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

const HOSTILE = [
  'I would track \x1b[31mmonthly active members\x1b[0m who borrow a tool, because \x1b]0;pwned\x07members who borrow every month renew.',
  'I would count \x1b]8;;http://evil.example\x1b\\borrowers\x1b]8;;\x1b\\ per building\x9b2J and \u202eevil\u202c, each\x00 month\x07\x7f.\r\nThen\ttabs.',
  '\x1b[2J\x1b[H\x1bc\x1b]52;c;cm0gLXJmIH4=\x07pass',
];
/** Enough answers for every question and follow-up of the fixture scenario. */
const answersFile = (dir: string) => {
  const file = join(dir, 'answers.txt');
  writeFileSync(file, Array.from({ length: 24 }, (_, i) => HOSTILE[i % HOSTILE.length]).join('\n---\n'));
  return file;
};

describe('rehearse interview --answers with escape sequences in them', () => {
  it('prints no control character but \\n and \\t, and keeps the words', async () => {
    const io = captureIO();
    const code = await interviewCommand(['--scenario', fixture('scenarios/good/interview.yaml'), '--answers', answersFile(io.home)], io);
    // More answers than asked for: the run finishes, and says which were not used.
    expect(code).toBe(1);
    const printed = io.stdout() + io.stderr();
    expect(printed).not.toContain('\x1b');
    expect(printed).not.toMatch(CONTROL);
    expect(io.stdout()).toContain(
      '  │ I would track monthly active members who borrow a tool, because members who borrow every month renew.',
    );
    expect(io.stdout()).toContain('borrowers per building and evil, each month.');
    expect(io.stdout()).toMatch(/Total \d+\/100/);
  });

  it('keeps the answers in the session as given, and writes report.md without them', async () => {
    const io = captureIO();
    await interviewCommand(['--scenario', fixture('scenarios/good/interview.yaml'), '--answers', answersFile(io.home)], io);
    const dir = join(io.home, 'sessions');
    const file = readdirSync(dir).find((f) => /^[\w-]+\.json$/.test(f))!;
    const session = Session.parse(JSON.parse(readFileSync(join(dir, file), 'utf8')));
    expect(session.turns.find((t) => t.kind === 'answer')!.text).toBe(HOSTILE[0]);
    const report = readFileSync(join(dir, file.replace(/\.json$/, '.report.md')), 'utf8');
    expect(report).not.toMatch(CONTROL);
    expect(report).toContain('> I would track monthly active members who borrow a tool');
  });
});

describe('rehearse interview with an LLM that cannot be reached', () => {
  it('prints each follow-up once, says why the first two were written offline, then stops asking', async () => {
    const io = captureIO();
    // Port 9 (discard) refuses connections at once; the client retries with pauses, which a deadline of a
    // second cuts short: every request fails within it.
    Object.assign(io.env, {
      OPENAI_API_KEY: 'sk-test-unreachable-123456',
      OPENAI_BASE_URL: 'http://127.0.0.1:9/v1',
      REHEARSE_LLM_TIMEOUT_MS: '1000',
    });
    const answers = join(io.home, 'answers.txt');
    writeFileSync(answers, Array.from({ length: 24 }, (_, i) => `Answer ${i + 1}: repeat borrowers, because they renew.`).join('\n---\n'));
    const code = await interviewCommand(['--scenario', fixture('scenarios/good/interview.yaml'), '--answers', answers], io);
    // More answers than asked for: the run finishes, and says which were not used.
    expect(code).toBe(1);
    const followUps = io.stdout().match(/^Follow-up: .*$/gm) ?? [];
    expect(followUps.length).toBeGreaterThan(2);
    // Each is printed on its own line once: a follow-up line is never immediately repeated.
    expect(followUps.filter((f, i) => f === followUps[i - 1])).toEqual([]);
    const notices = io.stdout().match(/^ {2}! .*$/gm) ?? [];
    expect(notices).toHaveLength(2);
    expect(notices[1]).toMatch(/failed 2 times in a row, so the offline writer asks the rest/);
  });
});
