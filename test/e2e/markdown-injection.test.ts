// Markdown a user opens (an interview's report.md, `grade --format md`, and the HTML page) shows
// rubric text and what was said as text: no HTML renders, no image is fetched, no link is made.
// Through the built CLI, with a user rubric library and answers written to attack the renderer.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rehearse } from '../helpers.js';

const IMG = '<img src=x onerror=alert(1)>';
/** What was said: an image, a link, an autolink and a link reference, each pointing away. */
const SAID = [
  'Recurring revenue, because retention is what keeps it coming.',
  'See ![chart](http://evil.example/a.png) and [the deck](http://evil.example/b) or <http://evil.example/c>.',
  '[ref]: http://evil.example/d',
  'A backslash before a bracket: \\[x](http://evil.example/e).',
].join('\n');

function hostileHome(): string {
  const home = mkdtempSync(join(tmpdir(), 'rehearse-md-'));
  const dir = join(home, 'scenarios');
  mkdirSync(dir);
  writeFileSync(
    join(dir, 'lib.yaml'),
    [
      'lexicons:',
      '  money: [revenue, recurring revenue]',
      'signals:',
      '  metric:',
      '    lexicon: money',
      `    hint: "Name it ${IMG}"`,
      '  reason:',
      '    terms: [because of the unicorn]',
      `    hint: "Say why ![h](http://evil.example/hint.png) ${IMG}"`,
      'rubrics:',
      '  - id: evil',
      `    title: "Rubric ${IMG}"`,
      '    family: evil',
      '    criteria:',
      '      - id: choice',
      `        title: "Choice ${IMG}"`,
      '        weight: 1',
      '        bar: 2',
      '        levels:',
      `          - anchor: "Nothing ${IMG}"`,
      `          - anchor: "A metric [x](http://evil.example/anchor)"`,
      '            when: { all: [metric] }',
      '          - anchor: A metric and the reason.',
      '            when: { all: [metric, reason] }',
      '    antiPatterns:',
      '      - id: money-talk',
      `        title: "Money ${IMG}"`,
      '        when: { all: [metric] }',
      `        advice: "Advice ![a](http://evil.example/advice.png) ${IMG}"`,
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(dir, 'evil.yaml'),
    [
      'id: evil',
      'title: "Evil <b>title</b>"',
      'summary: Markup in rubric text.',
      'role: Product Manager',
      'company: { name: Example Co, stage: Seed, market: Anywhere, description: A company for tests. }',
      'interviewer: { name: Sam, title: Head of Product, style: Brief. }',
      'context:',
      '  terms: [example]',
      'uses: [lib.yaml]',
      'questions:',
      '  - id: kpi',
      '    prompt: What is the most important KPI?',
      '    rubric: evil',
      '    example: Recurring revenue, because of the unicorn.',
      '',
    ].join('\n'),
  );
  return home;
}

/** Nothing a Markdown viewer would render as HTML, an image or a link. */
function rendersNothing(md: string): void {
  expect(md).not.toMatch(/<img/i);
  expect(md).not.toMatch(/<(?:b|http)/i);
  expect(md).not.toContain('![');
  // A bracket or a parenthesis that opens a link is escaped: `\](http` is text.
  expect(md).not.toMatch(/(?<!\\)\]\(http/);
  expect(md).not.toMatch(/^(?:> )?(?<!\\)\[ref\]:/m);
}

describe('Markdown and HTML output show markup as text', () => {
  it('report.md of an interview: rubric titles, anchors, hints, advice and the answer are escaped', () => {
    const home = hostileHome();
    const run = rehearse(['interview', '--scenario', 'evil', '--probes', '0'], { input: SAID, env: { REHEARSE_HOME: home } });
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.code).toBe(0);
    const reports = readdirSync(join(home, 'sessions')).filter((f) => f.endsWith('.report.md'));
    expect(reports).toHaveLength(1);
    const md = readFileSync(join(home, 'sessions', reports[0]!), 'utf8');
    rendersNothing(md);
    expect(md).toContain('Choice &lt;img src=x onerror=alert(1)&gt;');
    expect(md).toContain('Money &lt;img src=x onerror=alert(1)&gt;');
    expect(md).toContain('Advice \\!\\[a\\](http://evil.example/advice.png)');
    expect(md).toContain(
      '> See \\!\\[chart\\](http://evil.example/a.png) and \\[the deck\\](http://evil.example/b) or &lt;http://evil.example/c&gt;.',
    );
    // The backslash the candidate wrote stays theirs and cannot undo the escape of the bracket.
    expect(md).toContain('A backslash before a bracket: \\\\\\[x\\](http://evil.example/e).');
    // The session keeps what was said as it was said.
    const session = readdirSync(join(home, 'sessions')).find((f) => /^[^.]+\.json$/.test(f))!;
    expect(readFileSync(join(home, 'sessions', session), 'utf8')).toContain(JSON.stringify(SAID).slice(1, -1));
  });

  it('grade --format md and html: a criterion title and a file name with markup are text', () => {
    const home = hostileHome();
    const transcript = join(home, `![q](javascript:alert(1)) ${IMG}.txt`);
    writeFileSync(transcript, ['Interviewer: What is the most important KPI?', `Candidate: ${SAID.split('\n').join(' ')}`, ''].join('\n'));
    const md = rehearse(['grade', transcript, '--scenario', 'evil', '--format', 'md'], { env: { REHEARSE_HOME: home } });
    expect(md.stderr).not.toMatch(/\n\s+at /);
    expect(md.code).toBe(0);
    rendersNothing(md.stdout);
    expect(md.stdout).not.toMatch(/(?<!\\)\]\(javascript/);
    expect(md.stdout).toContain('Choice &lt;img src=x onerror=alert(1)&gt;');
    expect(md.stdout).toContain('\\!\\[q\\](javascript:alert(1)) &lt;img src=x onerror=alert(1)&gt;.txt');
    const html = rehearse(['grade', transcript, '--scenario', 'evil', '--format', 'html'], { env: { REHEARSE_HOME: home } });
    expect(html.code).toBe(0);
    expect(html.stdout).toContain('<!doctype html>');
    expect(html.stdout).not.toMatch(/<img/i);
    expect(html.stdout).toContain('Choice &lt;img src=x onerror=alert(1)&gt;');
    expect(html.stdout).toContain('![q](javascript:alert(1)) &lt;img src=x onerror=alert(1)&gt;.txt');
  });
});
