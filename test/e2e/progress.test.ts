// `rehearse progress` over sessions saved from answers files: as JSON (the CLI's main in this
// process), on a real terminal (tmux) through the built CLI, and as an HTML page opened in headless
// Chromium.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { noTrace, rehearseHere } from '../helpers.js';
import { hasTmux, Terminal } from '../support/terminal.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Answers written for these tests: a first attempt with little in it, then a better one.
const FIRST = [
  'I think growth matters most, and engagement in general.',
  'We would look at several numbers on a dashboard.',
  'Sales and product should talk more.',
  'I would look into it.',
  'Gaming can happen.',
].join('\n---\n');
const LATER = [
  'My north star is merchants who take at least twenty UPI payments in a week, counted per store. Regular volume is what the soundbox rental and the loans both depend on, so it ties merchant value to our revenue; QR codes issued would only show sign-ups.',
  'Inputs: new merchants activated in their first week and payments per active merchant. Guardrails: payment success above 99% and settlement delays under one day, reviewed every Monday.',
  'Both teams share one number, merchants still transacting at day 60, and a third of sales commission moves onto it. The sales head and I review it every fortnight and the head of product breaks ties.',
  'First I check the data pipeline, then split the miss by city and by signup cohort to find where it is. If onboarding broke, we fix it this sprint and I tell the CEO on Friday with the numbers.',
  'Cashback invites fake volume between two phones, so I cap rewards per pair and audit the top accounts every week, and judge the campaign on merchants active three months later.',
].join('\n---\n');

function home(): string {
  return mkdtempSync(join(tmpdir(), 'rehearse-progress-'));
}
async function interview(where: string, answers: string) {
  const file = join(where, `answers-${Math.random().toString(36).slice(2)}.txt`);
  writeFileSync(file, answers);
  return rehearseHere(['interview', '--scenario', 'fintech', '--answers', file, '--probes', '0'], { env: { REHEARSE_HOME: where } });
}

interface ProgressJson {
  sessions: { id: string; date: string; scenario: string; kind: string; total?: number; finished: boolean }[];
  criteria: { id: string; title: string; family: string; history: { session: string; level: number; maxLevel: number }[]; trend: string }[];
  weakest: { id: string; title: string; family: string }[];
}

describe('rehearse progress', () => {
  let where: string;
  beforeAll(async () => {
    where = home();
    expect((await interview(where, FIRST)).code).toBe(0);
    expect((await interview(where, LATER)).code).toBe(0);
    // An interview left unfinished: one answer, then the answers run out.
    expect((await interview(where, 'Monthly transacting merchants, because they show the habit.')).code).toBe(1);
  }, 60_000);

  it('--json lists every session in order, finished or not, and each criterion per session', async () => {
    const r = await rehearseHere(['progress', '--json'], { env: { REHEARSE_HOME: where } });
    expect(r.code).toBe(0);
    const p = JSON.parse(r.stdout) as ProgressJson;
    expect(p.sessions.map((s) => [s.kind, s.finished])).toEqual([
      ['interview', true],
      ['interview', true],
      ['interview', false],
    ]);
    expect(p.sessions[1]!.total!).toBeGreaterThan(p.sessions[0]!.total!);
    expect(new Set(p.criteria.map((c) => c.family))).toEqual(new Set(['kpi', 'metrics', 'incentives', 'shortfall', 'risks']));
    const choice = p.criteria.find((c) => c.family === 'kpi' && c.id === 'choice')!;
    expect(choice.history.map((h) => h.session)).toEqual(p.sessions.map((s) => s.id));
    expect(choice.history[1]!.level).toBeGreaterThan(choice.history[0]!.level);
    for (const c of p.criteria) expect(['improving', 'steady', 'declining', 'new']).toContain(c.trend);
    expect(p.weakest.length).toBeGreaterThan(0);
    for (const w of p.weakest) expect(p.criteria.some((c) => c.id === w.id && c.family === w.family)).toBe(true);
  }, 30_000);

  it('--since and --scenario narrow the sessions; a bad date is a one-line usage error', async () => {
    const later = await rehearseHere(['progress', '--json', '--since', '2999-01-01'], { env: { REHEARSE_HOME: where } });
    expect((JSON.parse(later.stdout) as ProgressJson).sessions).toEqual([]);
    const other = await rehearseHere(['progress', '--json', '--scenario', 'saas'], { env: { REHEARSE_HOME: where } });
    expect((JSON.parse(other.stdout) as ProgressJson).sessions).toEqual([]);
    const nothingSince = await rehearseHere(['progress', '--since', '2999-01-01'], { env: { REHEARSE_HOME: where } });
    expect(nothingSince.stdout).toMatch(/^No interviews or drills since 2999-01-01 in /u);
    const bad = await rehearseHere(['progress', '--since', 'last tuesday'], { env: { REHEARSE_HOME: where } });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^rehearse progress: --since: "last tuesday" is not a date/u);
    noTrace(bad.stderr);
  }, 30_000);

  it('with no sessions says how to start one', async () => {
    const r = await rehearseHere(['progress'], { env: { REHEARSE_HOME: home() } });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/No interviews or drills yet/u);
  });

  it('--html into a folder that does not exist fails with one line naming the file', async () => {
    const r = await rehearseHere(['progress', '--html', join(where, 'missing', 'p.html')], { env: { REHEARSE_HOME: where } });
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/p\.html: cannot write the page: no folder/u);
    noTrace(r.stderr);
  }, 30_000);

  const inTmux = hasTmux || process.env.CI ? it : it.skip;
  inTmux('on an 80-column terminal, every line fits and each criterion has its bars', async () => {
    const t = new Terminal(where);
    try {
      t.start('progress', { columns: 80 });
      const screen = await t.waitFor((s) => s.includes('[exit 0]'), 'progress to finish');
      const shown = screen.slice(0, screen.indexOf('[exit 0]')).replace(/\s+$/u, '').split('\n');
      expect(shown.join('\n')).toMatch(/3 session\(s\): 3 interview\(s\), 0 drill\(s\)/u);
      expect(shown.join('\n')).toMatch(/Chooses one precise KPI\s+[▁-█]{3}\s+\d\/3/u);
      expect(shown.join('\n')).toMatch(/unfinished/u);
      expect(shown.join('\n')).toContain('Work on next');
      // tmux wraps a line longer than the terminal onto the next row: no row may be a wrapped remainder.
      for (const line of shown) expect([...line.trimEnd()].length).toBeLessThanOrEqual(80);
      expect(screen).not.toMatch(/\u001b\[/u);
    } finally {
      t.stop();
    }
  });

  const inBrowser = existsSync(CHROMIUM) || process.env.CI ? it : it.skip;
  inBrowser(
    '--html writes one self-contained page that a browser draws with charts and no errors',
    async () => {
      const file = join(where, 'progress.html');
      const r = await rehearseHere(['progress', '--html', file], { env: { REHEARSE_HOME: where } });
      expect(r.code).toBe(0);
      expect(r.stderr).toMatch(/wrote .*progress\.html \(3 session\(s\)\)/u);
      const page = readFileSync(file, 'utf8');
      expect(page).not.toMatch(/<script/iu);
      expect(page).not.toMatch(/(?:src|href)=["']?(?:https?:)?\/\//iu);
      const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
      try {
        const tab = await browser.newPage();
        const errors: string[] = [];
        tab.on('console', (m) => {
          if (m.type() === 'error') errors.push(m.text());
        });
        tab.on('pageerror', (e) => errors.push(e.message));
        await tab.goto(`file://${file}`);
        expect(errors).toEqual([]);
        expect(await tab.locator('svg[aria-label="Total per interview"] circle').count()).toBe(3);
        const rows = tab.locator('table tr:has(svg)');
        expect(await rows.count()).toBeGreaterThanOrEqual(20);
        // Each criterion's chart has a bar per session that graded it: the unfinished one graded only the first question.
        expect(await rows.filter({ hasText: 'Chooses one precise KPI' }).locator('rect').count()).toBe(3);
        expect(await rows.filter({ hasText: 'A shared outcome' }).locator('rect').count()).toBe(2);
        const box = await tab.locator('svg[aria-label="Total per interview"]').boundingBox();
        expect(box!.width).toBeGreaterThan(100);
      } finally {
        await browser.close();
      }
    },
    60_000,
  );
});
