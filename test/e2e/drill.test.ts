// `rehearse drill`: the weakest criterion lately unless one is named, a question that asks for it, its
// follow-up, a card that leads with it, saved as a drill and resumable (the CLI's main in this
// process); and the built CLI in a real terminal (tmux).
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Session } from '../../src/interview/session.js';
import { findScenario } from '../../src/scenario/catalog.js';
import { noTrace, rehearseHere } from '../helpers.js';
import { hasTmux, Terminal } from '../support/terminal.js';

// Written for these tests.
const WEAK_INTERVIEW = [
  'Growth matters, and engagement.',
  'Several numbers on a dashboard.',
  'Sales and product should talk more.',
  'I would look into it.',
  'Gaming can happen.',
].join('\n---\n');
const MAIN = 'I would pick a metric that matters and keep an eye on it.';
const REPLY =
  'Stores that take at least ten QR payments in a week is the one number I would steer by, rather than sign-ups, because a store that moved its till to us is one that qualifies for loans.';

/** The last lines with text on them: the live part of the screen. */
const bottom = (screen: string) => screen.replace(/\s+$/u, '').split('\n').slice(-25).join('\n');
const home = () => mkdtempSync(join(tmpdir(), 'rehearse-drill-'));
/** The CLI's `main` in this process; the built CLI itself runs in the terminal test below. */
async function run(where: string, args: string[], answers?: string) {
  const extra: string[] = [];
  if (answers !== undefined) {
    const file = join(where, `answers-${Math.random().toString(36).slice(2)}.txt`);
    writeFileSync(file, answers);
    extra.push('--answers', file);
  }
  return rehearseHere([...args, ...extra], { env: { REHEARSE_HOME: where } });
}
const sessions = (where: string) =>
  readdirSync(join(where, 'sessions'))
    .filter((f) => /^[\w-]+\.json$/u.test(f))
    .map((f) => Session.parse(JSON.parse(readFileSync(join(where, 'sessions', f), 'utf8'))));

describe('rehearse drill', () => {
  it('with no history and no criterion named, says how to name one', async () => {
    const r = await run(home(), ['drill'], MAIN);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no interview graded yet to find your weakest criterion; name one with --criterion/u);
    noTrace(r.stderr);
  });

  it('names a criterion that no rubric has, or one of two families, in one line with the choices', async () => {
    const where = home();
    const unknown = await run(where, ['drill', '--criterion', 'charisma'], MAIN);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/--criterion: no criterion "charisma"; the criteria are .*kpi: choice/u);
    const shared = await run(where, ['drill', '--criterion', 'balance'], MAIN);
    expect(shared.code).toBe(2);
    expect(shared.stderr).toMatch(/"balance" is a criterion of metrics and risks; say which with --family/u);
    noTrace(unknown.stderr + shared.stderr);
  }, 60_000);

  it('drills the weakest criterion after an interview, probes it, and leads the card with it against the last attempt', async () => {
    const where = home();
    expect((await run(where, ['interview', '--scenario', 'fintech', '--probes', '0'], WEAK_INTERVIEW)).code).toBe(0);
    const before = JSON.parse((await run(where, ['progress', '--json'])).stdout) as {
      weakest: { id: string; title: string; family: string }[];
    };
    const weakest = before.weakest[0]!;
    const r = await run(where, ['drill'], `${MAIN}\n---\n${REPLY}\n---\nA third answer, in case the drill asks again.`);
    noTrace(r.stderr);
    expect(r.stdout).toContain(`Drill on ${weakest.title} (${weakest.family})`);
    expect(r.stdout).toContain(' · 1 question · ');
    expect(r.stdout).toContain(`Drill: ${weakest.title} (${weakest.family})`);
    expect(r.stdout).toMatch(/last attempt \d\/\d on \d{4}-\d{2}-\d{2}/u);
    expect(r.stdout).toContain('A strong answer to this question:');
    const drill = sessions(where).find((s) => s.kind === 'drill')!;
    expect(drill.drill).toMatchObject({ criterion: weakest.id, family: weakest.family, before: { date: expect.any(String) } });
    // Every follow-up it asked is one on the drilled criterion.
    const probes = drill.turns.filter((t) => t.kind === 'probe');
    expect(probes.length).toBeGreaterThan(0);
    for (const p of probes) expect(p.criterion).toBe(weakest.id);
    const after = JSON.parse((await run(where, ['progress', '--json'])).stdout) as { sessions: { kind: string }[] };
    expect(after.sessions.map((s) => s.kind)).toEqual(['interview', 'drill']);
    expect((await run(where, ['sessions'])).stdout).toMatch(new RegExp(`\\sdrill\\s+\\d+\\s+finished\\s+${drill.id}`, 'u'));
  }, 60_000);

  it('one answer for its one question, as for an interview: no follow-ups asked, said so, and the drill ends', async () => {
    const where = home();
    const r = await run(where, ['drill', '--criterion', 'choice', '--family', 'kpi'], MAIN);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('has one answer for the question: no follow-ups are asked');
    expect(r.stdout).toContain('Drill: Chooses one precise KPI (kpi)');
    expect(sessions(where)[0]).toMatchObject({ kind: 'drill', status: 'finished' });
  }, 30_000);

  it('takes a criterion by the title progress shows, in any case', async () => {
    const r = await run(
      home(),
      ['drill', '--criterion', 'defines the METRIC', '--family', 'kpi', '--probes', '1'],
      `${MAIN}\n---\n${REPLY}`,
    );
    noTrace(r.stderr);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Drill on Defines the metric (kpi)');
  }, 60_000);

  it("a question that builds on an earlier one is asked after that one's words, as the interview would have asked it", async () => {
    const where = home();
    const r = await run(where, ['drill', '--criterion', 'inputs', '--family', 'metrics'], MAIN);
    const drill = sessions(where)[0]!;
    const loaded = findScenario(drill.scenario.id);
    const question = loaded.scenario.questions.find((q) => q.id === drill.drill!.questionId)!;
    const earlier = loaded.scenario.questions.find((q) => q.id === question.follows);
    expect(earlier, `${drill.scenario.id}/${question.id} names the question it builds on`).toBeDefined();
    const said = r.stdout.indexOf(`In the interview it comes after: “${earlier!.prompt}”`);
    expect(said).toBeGreaterThan(-1);
    expect(said).toBeLessThan(r.stdout.indexOf(question.prompt));
    // What the drill asks and grades is the one question.
    expect(Object.keys(drill.scores)).toEqual([question.id]);
  });

  it('asks a question not asked recently, and a resumed drill goes on with its own question', async () => {
    const where = home();
    expect((await run(where, ['interview', '--scenario', 'fintech', '--probes', '0'], WEAK_INTERVIEW)).code).toBe(0);
    // Asked for its follow-up (--probes 1), one answer leaves the drill waiting on it.
    const cut = await run(where, ['drill', '--criterion', 'choice', '--family', 'kpi', '--probes', '1'], MAIN);
    expect(cut.code).toBe(1);
    const drill = sessions(where).find((s) => s.kind === 'drill')!;
    // fintech's KPI question was just asked; the drill takes another scenario's.
    expect(drill.scenario.id).not.toBe('fintech');
    expect(drill.turns.at(-1)).toMatchObject({ kind: 'probe', criterion: 'choice' });
    const resumed = await run(where, ['resume', drill.id], REPLY);
    expect(resumed.code).toBe(0);
    // The follow-up it waited on is said again before its answer, and it ends as a drill does.
    const probe = drill.turns.at(-1)!.text;
    expect(resumed.stdout.indexOf(`Follow-up: ${probe}`)).toBeGreaterThanOrEqual(0);
    expect(resumed.stdout.indexOf(`Follow-up: ${probe}`)).toBeLessThan(resumed.stdout.indexOf('  │ '));
    expect(resumed.stdout).toContain('Drill: Chooses one precise KPI (kpi)');
    expect(resumed.stdout).toContain('A strong answer to this question:');
    const done = sessions(where).find((s) => s.id === drill.id)!;
    expect(done.status).toBe('finished');
    expect(Object.keys(done.scores)).toEqual([drill.drill!.questionId]);
  }, 60_000);

  const inTmux = hasTmux || process.env.CI ? it : it.skip;
  /** Starts a drill in the terminal, and answers its one question with MAIN. */
  async function answerTheQuestion(t: Terminal, args: string) {
    t.start(args);
    await t.waitFor((s) => s.includes('Press Enter to begin'), 'the intro');
    t.keys('Enter');
    await t.waitFor((s) => s.includes('Question 1 of 1'), 'the question');
    t.type(MAIN);
    t.keys('C-d');
  }
  inTmux(
    'in a real terminal: one question, its follow-up on the criterion, then the card that leads with it',
    async () => {
      const where = home();
      const t = new Terminal(where);
      try {
        await answerTheQuestion(t, 'drill --criterion choice --family kpi --probes 1');
        await t.waitFor((s) => s.includes('follows up:'), 'the follow-up on the criterion');
        const cards: string[] = [];
        for (let guard = 0; guard < 10; guard++) {
          const s = await t.waitFor((x) => /Enter to continue|Ctrl\+D submit|Report saved:/u.test(bottom(x)), 'a step');
          const live = bottom(s);
          if (live.includes('Report saved:')) break;
          if (live.includes('Enter to continue')) {
            cards.push(s);
            t.keys('Enter');
          } else {
            t.type(REPLY);
            t.keys('C-d');
          }
          await t.waitFor((x) => x !== s, 'the screen to change');
        }
        await t.waitFor((s) => s.includes('Report saved:'), 'the report');
        t.keys('Enter');
        const end = await t.waitFor((s) => s.includes('[exit 0]'), 'a clean exit');
        expect(end).toContain('Drill: Chooses one precise KPI (kpi)');
        // The live card leads with the drilled criterion: its line comes before every other criterion's.
        const card = cards.find((c) => c.includes('Drill · first attempt at this criterion'));
        expect(card, cards.join('\n=====\n')).toBeDefined();
        expect(card!.indexOf('Drill ·')).toBeLessThan(card!.indexOf('Defines the metric'));
        const drill = sessions(where)[0]!;
        expect(drill).toMatchObject({ kind: 'drill', status: 'finished' });
      } finally {
        t.stop();
      }
    },
    90_000,
  );

  inTmux(
    'Ctrl+C on the last card of a finished drill writes its report and names it, not a resume that would refuse',
    async () => {
      const where = home();
      const t = new Terminal(where);
      try {
        await answerTheQuestion(t, 'drill --criterion choice --family kpi --probes 0');
        await t.waitFor((s) => bottom(s).includes('Enter to continue'), 'the card');
        t.keys('C-c');
        const end = await t.waitFor((s) => s.includes('[exit 0]'), 'a clean exit');
        const drill = sessions(where)[0]!;
        expect(drill).toMatchObject({ kind: 'drill', status: 'finished' });
        const report = join(where, 'sessions', `${drill.id}.report.md`);
        expect(existsSync(report)).toBe(true);
        expect(end.replace(/\s+/gu, '')).toContain(`Report:${report}`);
        expect(end).not.toMatch(/resume/u);
      } finally {
        t.stop();
      }
    },
    60_000,
  );
});
