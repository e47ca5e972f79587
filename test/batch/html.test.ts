// The HTML report opened in headless Chromium (Debian's chromium, driven by playwright-core).
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rehearse } from '../helpers.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Skipped on a machine without Chromium; CI installs it and must run these.
const run = existsSync(CHROMIUM) || process.env.CI ? describe : describe.skip;

run('the HTML report in a browser', () => {
  let browser: Browser;
  let page: string;
  let file: string;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    const dir = mkdtempSync(join(tmpdir(), 'rehearse-html-'));
    writeFileSync(
      join(dir, 'hostile.txt'),
      [
        'Interviewer: What is the most important KPI for our product, and why? <b>bold?</b>',
        'Mallory: My north star is the repeat purchase rate <script>window.__pwned = 2</script>, because customers who come back drive margin. <img src=x onerror="window.__pwned = 3">',
        'Interviewer: <script>window.__pwned = 1</script> Why that one?',
        'Mallory: Because "quotes" & <ampersands> should survive.',
      ].join('\n'),
    );
    file = join(dir, 'report.html');
    const r = rehearse(['grade', 'test/fixtures/transcripts', join(dir, 'hostile.txt'), '--format', 'html', '--out', file]);
    // The one notice is the Windows-1252 fixture's: it is graded, and the user is told how it was read.
    expect(r.stderr.trim().split('\n')).toEqual([
      'test/fixtures/transcripts/cp1252.txt: not UTF-8; read as Windows-1252',
      expect.stringMatching(/^rehearse grade: wrote .*report.html \(20 transcript\(s\), 0 failure\(s\)\)$/),
    ]);
    expect(r.code).toBe(0);
    page = readFileSync(file, 'utf8');
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('is one self-contained file: no scripts, no external resources', () => {
    expect(page).not.toMatch(/<script/i);
    expect(page).not.toMatch(/(?:src|href)=["']?(?:https?:)?\/\//i);
    expect(page).toContain('<svg');
  });

  it('renders with no console errors, with a table per candidate, a heatmap and a score distribution', async () => {
    const p = await browser.newPage();
    const problems: string[] = [];
    p.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
    });
    p.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    p.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
    await p.goto(`file://${file}`);
    await p.waitForLoadState('load');
    expect(problems).toEqual([]);
    const candidates = await p.locator('section h2').allTextContents();
    expect(candidates).toEqual(expect.arrayContaining(['Priya Nair', 'Mallory']));
    // A candidate a chat log leaves unnamed is shown by where the conversation was, apart from others.
    expect(candidates).toEqual(expect.arrayContaining([expect.stringMatching(/^Candidate \(.+\)$/u)]));
    expect(await p.locator('table.heat tbody tr').count()).toBeGreaterThan(5);
    expect(await p.locator('svg rect').count()).toBe(10);
    await p.close();
  });

  it('a <script> inside a transcript stays text', async () => {
    const p = await browser.newPage();
    await p.goto(`file://${file}`);
    expect(await p.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await p.locator('script').count()).toBe(0);
    expect(await p.locator('img').count()).toBe(0);
    const text = await p.locator('body').innerText();
    expect(text).toContain('What is the most important KPI for our product, and why? <b>bold?</b>');
    expect(text).toContain('repeat purchase rate <script>window.__pwned = 2</script>, because');
    await p.close();
  });
});
