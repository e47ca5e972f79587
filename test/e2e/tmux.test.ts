// The built CLI in a real pseudo-terminal (tmux): raw mode, keys, paste, kill and resume.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Session } from '../../src/interview/session.js';
import { CLI } from '../helpers.js';
import { writeLargeScenario } from '../support/large-scenario.js';
import { hasTmux, Terminal } from '../support/terminal.js';

// On a developer's machine without tmux these are skipped; CI installs tmux and must run them.
const run = hasTmux || process.env.CI ? describe : describe.skip;

const sessionFiles = (home: string) => {
  const dir = join(home, 'sessions');
  return existsSync(dir) ? readdirSync(dir).filter((f) => /^[\w-]+\.json$/.test(f)) : [];
};
const readSession = (home: string) => Session.parse(JSON.parse(readFileSync(join(home, 'sessions', sessionFiles(home)[0]!), 'utf8')));
const answersSaved = (home: string) => readSession(home).turns.filter((x) => x.kind === 'answer').length;

const flat = (text: string) => text.replace(/\s+/g, ' ');
/**
 * Whether the screen shows the prompt the saved session waits for an answer to: the terminal has
 * caught up with the engine, so what is on it is not a frame left from before the last key.
 * (No wording is asked twice in a session, so an earlier prompt cannot be mistaken for it.)
 */
function showsAwaitedPrompt(home: string, screen: string): boolean {
  const session = readSession(home);
  const prompt = session.turns.findLast((x) => x.kind === 'question' || x.kind === 'probe');
  return session.phase === 'answering' && prompt !== undefined && flat(screen).includes(flat(prompt.text));
}

let terminals: Terminal[] = [];
afterEach(() => {
  for (const t of terminals) t.stop();
  terminals = [];
});
function terminal(): Terminal {
  const t = new Terminal(mkdtempSync(join(tmpdir(), 'rehearse-e2e-')));
  terminals.push(t);
  return t;
}

/** Starts an interview and waits at its first question. */
async function atFirstQuestion(t: Terminal, args: string, total: number, opts: { columns?: number; rows?: number } = {}) {
  t.start(args, opts);
  await t.waitFor((s) => s.includes('Press Enter to begin'), 'the intro');
  t.keys('Enter');
  return t.waitFor((s) => s.includes(`Question 1 of ${total}`), 'the first question');
}

/** The last lines with text on them: what is on the live part of the screen. */
const bottom = (screen: string, n = 25) => screen.replace(/\s+$/, '').split('\n').slice(-n).join('\n');

const ANSWER =
  'My north star is monthly transacting merchants, because merchants who take payments every week trust us and qualify for loans.';

run('in a real terminal', () => {
  it('picks fintech, takes typed and pasted answers, probes, finishes and saves the report', async () => {
    const t = terminal();
    t.start('');
    await t.waitFor((s) => s.includes('Choose an interview'), 'the scenario list');
    t.keys('Down', 'Enter');
    await t.waitFor((s) => s.includes('Press Enter to begin') && s.includes('Rupeeflow'), 'the fintech intro');
    t.keys('Enter');
    await t.waitFor((s) => s.includes('Question 1 of 5'), 'the first question');
    t.type('I would track the number of UPI transactions per month,');
    t.paste('because it shows merchants use us.\nPasted second line.\n');
    await t.waitFor((s) => s.includes('Pasted second line.'), 'the pasted text in the editor');
    expect(sessionFiles(t.home).length).toBe(1);
    expect(readSession(t.home).turns.filter((x) => x.kind === 'answer')).toHaveLength(0); // the paste did not submit
    t.keys('C-d');
    await t.waitFor((s) => s.includes('follows up:'), 'a probe');
    const first = readSession(t.home).turns.find((x) => x.kind === 'answer')!;
    expect(first.text).toContain(
      'I would track the number of UPI transactions per month,because it shows merchants use us.\nPasted second line.',
    );

    // Each step waits for the screen that step leads to, so no key goes to a frame left from before.
    const ready = (screen: string) => {
      const live = bottom(screen);
      if (/Report saved:|Enter to continue/.test(live)) return true;
      return live.includes('Ctrl+D submit') && !/thinking|Reading/.test(live) && showsAwaitedPrompt(t.home, screen);
    };
    let cardSeen = false;
    for (let guard = 0; guard < 40; guard++) {
      const live = bottom(await t.waitFor(ready, 'the next step'));
      if (live.includes('Report saved:')) break;
      if (live.includes('Enter to continue')) {
        // The answer the card grades stays in sight above it (as the transcript draws it, under "You:"), not
        // pushed off by empty lines; the card's own quotes of it are not indented so.
        if (!cardSeen) expect(t.visible()).toMatch(/^ {5}\S.*qualify for loans\./mu);
        cardSeen = true;
        t.keys('Enter');
        await t.waitFor((x) => !bottom(x).includes('Enter to continue'), 'the score card to close');
      } else {
        const before = answersSaved(t.home);
        t.type(ANSWER);
        t.keys('C-d');
        await t.waitFor(() => answersSaved(t.home) === before + 1, 'the answer on disk');
      }
    }
    const end = await t.waitFor((s) => s.includes('Report saved:'), 'the report');
    expect(end).toMatch(/Your result: \d+\/100/);
    t.keys('Enter');
    await t.waitFor((s) => s.includes('[exit 0]'), 'a clean exit');
    const session = readSession(t.home);
    expect(session.status).toBe('finished');
    const report = readFileSync(join(t.home, 'sessions', `${session.id}.report.md`), 'utf8');
    expect(report).toContain('# Rupeeflow');
    expect(report).toMatch(/\*\*Total: \d+\/100/);
    expect(report).toContain('Pasted second line.');
    expect(JSON.parse(readFileSync(join(t.home, 'sessions', `${session.id}.report.json`), 'utf8')).total).toBe(
      Number(/\*\*Total: (\d+)/.exec(report)![1]),
    );
  }, 90_000);

  it('Backspace deletes the character before the cursor, Delete the one after it', async () => {
    const t = terminal();
    await atFirstQuestion(t, 'interview --scenario fintech', 5);
    t.type('12345');
    await t.waitFor((s) => s.includes('12345'), 'the typed text');
    t.keys('Left', 'Left', 'BSpace', 'DC');
    t.type('X');
    await t.waitFor((s) => s.includes('12X5'), 'the edited text');
    t.keys('C-d');
    await t.waitFor(() => sessionFiles(t.home).length === 1 && answersSaved(t.home) === 1, 'the answer on disk');
    expect(readSession(t.home).turns.find((x) => x.kind === 'answer')!.text).toBe('12X5');
  }, 30_000);

  it('a bracketed paste is one piece of text: its markers, line breaks and control keys inside it never act', async () => {
    const t = terminal();
    await atFirstQuestion(t, 'interview --scenario fintech', 5);
    const hex = (text: string) => [...Buffer.from(text)].map((b) => b.toString(16).padStart(2, '0'));
    // What a terminal sends for a paste while bracketed paste is on: the markers around the text.
    t.tmux('send-keys', '-t', 'main', '-H', ...hex('\x1b[200~Weekly merchants\rwho pay\x04 twice\x1b[201~'));
    await t.waitFor((s) => s.includes('who pay twice'), 'the pasted text in the editor');
    const screen = t.screen();
    expect(screen).not.toContain('[200~');
    expect(screen).not.toContain('[201~');
    expect(sessionFiles(t.home).length === 0 || answersSaved(t.home) === 0).toBe(true); // the Ctrl+D inside did not submit
    t.keys('C-d');
    await t.waitFor(() => sessionFiles(t.home).length === 1 && answersSaved(t.home) === 1, 'the answer on disk');
    expect(readSession(t.home).turns.find((x) => x.kind === 'answer')!.text).toBe('Weekly merchants\nwho pay twice');
  }, 30_000);

  it('a score card taller than the terminal keeps the total and the end of the answer in sight, and scrolls', async () => {
    const t = terminal();
    await atFirstQuestion(t, 'interview --scenario fintech --probes 0', 5, { rows: 24 });
    const answer = `${ANSWER} We would act on it by tracking activation cohorts and settlement delays.`;
    t.type(answer);
    t.keys('C-d');
    await t.waitFor((s) => bottom(s, 3).includes('Enter to continue'), 'the score card');
    // The card is laid out, then measured: the scroll line comes with the second frame.
    await t.waitFor(() => t.visible().includes('↑↓ scroll'), 'the card fitted to the terminal');
    const first = t.visible();
    expect(first).toMatch(/\d+\/100 · (?:strong|adequate|weak|insufficient)/);
    expect(flat(first)).toContain('activation cohorts and settlement delays.'); // the answer's last line, above the card
    expect(first).toMatch(/↑↓ scroll \(more below\)/);
    // Three keys at once (a held arrow key): three lines, each line of the card three rows up.
    t.keys('Down', 'Down', 'Down');
    await t.waitFor(() => /more above/.test(t.visible()), 'the card scrolled');
    const scrolled = t.visible();
    expect(scrolled).toMatch(/\d+\/100 · /);
    const rowsOf = (screen: string) => screen.split('\n').map((l) => l.trim());
    const before = rowsOf(first);
    const after = rowsOf(scrolled);
    const moved = after.flatMap((line, i) =>
      line.length > 20 &&
      after.indexOf(line) === after.lastIndexOf(line) &&
      before.indexOf(line) === before.lastIndexOf(line) &&
      before.includes(line)
        ? [before.indexOf(line) - i]
        : [],
    );
    expect(Math.max(...moved)).toBe(3);
  }, 30_000);

  it('showing the strong example scrolls to where it starts, its heading in sight, not to its end', async () => {
    const t = terminal();
    await atFirstQuestion(t, 'interview --scenario fintech --probes 0', 5, { columns: 80, rows: 20 });
    t.type('Weekly transacting merchants, because that habit drives lending. Guardrail: payment success above 99 percent.');
    t.keys('C-d');
    await t.waitFor(() => t.visible().includes('↑↓ scroll'), 'the card fitted to the terminal');
    t.keys('e');
    // The card is measured once Ink has laid the example out, so the scroll to it comes a frame after the
    // keys line changes: wait for the heading itself, and fail if it never comes into sight.
    await t.waitFor(() => /│ A strong answer +│/u.test(t.visible()), 'the heading of the example');
    expect(t.visible()).toContain('e hides the example');
  }, 30_000);

  it('killed with SIGKILL after two answers, resumes with both answers there', async () => {
    const t = terminal();
    await atFirstQuestion(t, 'interview --scenario ecommerce', 4);
    t.type('First answer: the repeat purchase rate.');
    t.keys('C-d');
    await t.waitFor((s) => s.includes('follows up:'), 'a probe');
    t.type('Second answer: within 60 days of the first order.');
    t.keys('C-d');
    await t.waitFor(() => answersSaved(t.home) === 2, 'the second answer on disk');
    const pid = t.tmux('display-message', '-p', '-t', 'main', '#{pane_pid}').trim();
    // The shell runs node; kill node itself, without warning.
    const node = execFileSync('pgrep', ['-P', pid, '-f', 'node'], { encoding: 'utf8' }).trim().split('\n')[0]!;
    process.kill(Number(node), 'SIGKILL');
    await t.waitFor((s) => s.includes('[exit 137]'), 'the kill');

    const saved = readSession(t.home);
    expect(saved.turns.filter((x) => x.kind === 'answer').map((x) => x.text)).toEqual([
      'First answer: the repeat purchase rate.',
      'Second answer: within 60 days of the first order.',
    ]);
    const listed = execFileSync(process.execPath, [CLI, 'resume'], { env: { ...process.env, REHEARSE_HOME: t.home }, encoding: 'utf8' });
    expect(listed).toContain(saved.id);

    // A new terminal on the same data folder, as after a crash: with one unfinished session, `resume` alone goes on with it.
    const r = new Terminal(t.home);
    terminals.push(r);
    r.start('resume');
    const screen = await r.waitFor((s) => s.includes('Ctrl+D submit'), 'the resumed interview');
    expect(screen).toContain('First answer: the repeat purchase rate.');
    expect(screen).toContain('Second answer: within 60 days of the first order.');
    r.type('Third answer after the crash.');
    r.keys('C-d');
    await r.waitFor(() => answersSaved(t.home) === 3, 'the third answer on disk');
    expect(
      readSession(t.home)
        .turns.filter((x) => x.kind === 'answer')
        .map((x) => x.text)[2],
    ).toBe('Third answer after the crash.');
  }, 60_000);
});

run('terminal manners', () => {
  const COLOUR = /\x1b\[(?:3[0-7]|9[0-7]|38;[25];[\d;]+)m/;

  it('NO_COLOR turns colour off (and colour is there without it)', async () => {
    const plain = terminal();
    plain.start('interview --scenario saas');
    await plain.waitFor((s) => s.includes('Press Enter to begin'), 'the intro');
    expect(plain.screen(true)).not.toMatch(COLOUR);
    const coloured = terminal();
    coloured.start('interview --scenario saas', { color: true });
    await coloured.waitFor((s) => s.includes('Press Enter to begin'), 'the intro');
    expect(coloured.screen(true)).toMatch(COLOUR);
  }, 30_000);

  it('is usable at 60 columns: nothing wider than the terminal, the question and the keys on screen', async () => {
    const t = terminal();
    const s = await atFirstQuestion(t, 'interview --scenario fintech', 5, { columns: 60 });
    for (const line of s.split('\n')) expect([...line].length).toBeLessThanOrEqual(60);
    expect(s).toContain('most important KPI');
    expect(s).toContain('Ctrl+D submit');
    t.type('Monthly transacting merchants.');
    t.keys('C-d');
    await t.waitFor((x) => x.includes('follows up:'), 'a probe at 60 columns');
  }, 30_000);

  it('keys typed while the screen loads are neither echoed onto it nor taken as input', async () => {
    const t = terminal();
    t.start('interview --scenario fintech');
    // At once: before the process reads its arguments, while the terminal still echoes.
    t.type('typed early');
    const intro = await t.waitFor((s) => s.includes('Press Enter to begin'), 'the intro');
    expect(intro).not.toContain('typed early');
    expect(intro.split('\n')[0]).toMatch(/^Rupeeflow/);
    // Enter begins, however soon after the intro it comes, and the editor starts empty.
    t.keys('Enter');
    const first = await t.waitFor((s) => s.includes('Question 1 of 5'), 'the first question');
    expect(first).not.toContain('typed early');
  });

  it('Ctrl+C while the screen loads stops the run, as at a shell, and leaves the terminal as it was', async () => {
    const t = terminal();
    // A scenario of 300 questions, read for the first time: loading it takes long enough (about half a
    // second) for the key to arrive before the screen, however busy the machine. The shipped ones now
    // load in a few milliseconds.
    t.start(`interview --scenario ${writeLargeScenario(t.home, 300)}`);
    // The run holds the keys from its first moment, clearing the line keys were echoed on: Ctrl+C
    // then, before the screen is drawn, comes to it as a byte, not as the terminal's signal.
    for (const until = Date.now() + 20_000; !t.written().includes('\r\x1b[K');) {
      if (Date.now() > until) throw new Error('the run never held the keys');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(t.written()).not.toContain('Press Enter to begin');
    t.keys('C-c');
    const s = await t.waitFor((x) => x.includes('[tty '), 'the run to stop');
    expect(s).toContain('[exit 130]');
    expect(s).not.toContain('Press Enter to begin');
    expect(s).toMatch(/\[tty icanon echo \]/);
  });

  it('a run that fails before its screen opens leaves the terminal as it was', async () => {
    const t = terminal();
    t.start('interview --scenario no-such-scenario');
    const s = await t.waitFor((x) => x.includes('[tty '), 'the terminal state');
    expect(flat(s)).toContain('unknown scenario "no-such-scenario"');
    expect(s).toContain('[exit 2]');
    expect(s).toMatch(/\[tty icanon echo \]/);
  });

  it('Ctrl+C restores the terminal and names the command to resume', async () => {
    const t = terminal();
    await atFirstQuestion(t, 'interview --scenario fintech', 5);
    t.type('a draft');
    t.keys('C-c');
    const s = await t.waitFor((x) => x.includes('[exit 0]'), 'the exit');
    const id = readSession(t.home).id;
    expect(s).toContain(`rehearse resume ${id}`);
    // The terminal is back as the shell left it: line editing and echo on, not raw mode.
    const tty = await t.waitFor((x) => x.includes('[tty '), 'the terminal state');
    expect(tty).toMatch(/\[tty icanon echo \]/);
  }, 30_000);
});

describe('without a terminal', () => {
  it('says how to use the headless driver and exits 2', () => {
    const r = spawnSync(process.execPath, [CLI, 'interview'], {
      input: '',
      encoding: 'utf8',
      env: { ...process.env, REHEARSE_HOME: mkdtempSync(join(tmpdir(), 'rh-')) },
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--answers <file>');
  });
});
