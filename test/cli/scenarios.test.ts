// Your own scenarios: a folder under the data folder, found by id beside the shipped ones; a
// commented starting point written by `scenarios new`; one bad file there stops nothing else.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rehearseHere } from '../helpers.js';

const home = () => mkdtempSync(join(tmpdir(), 'rehearse-own-'));
const FIVE = ['One.', 'Two.', 'Three.', 'Four.', 'Five.'].join('\n---\n');

describe('rehearse scenarios new', () => {
  it('writes a commented scenario that validates as written, lists it as yours, and runs by id', async () => {
    const h = home();
    const made = await rehearseHere(['scenarios', 'new', 'telehealth'], { env: { REHEARSE_HOME: h } });
    const file = join(h, 'scenarios', 'telehealth.yaml');
    expect(made.code).toBe(0);
    expect(made.stdout).toBe(
      `Wrote ${file}\nNext:\n  edit it (every part is commented)\n  rehearse validate ${file}\n  rehearse interview --scenario telehealth\n`,
    );
    expect(readFileSync(file, 'utf8')).toMatch(/^# yaml-language-server: \$schema=/);
    const checked = await rehearseHere(['validate', file], { env: { REHEARSE_HOME: h } });
    expect(checked.code).toBe(0);
    // No warnings either: the examples score in the band they are meant for.
    expect(checked.stderr).toBe('');
    expect(checked.stdout).toMatch(
      new RegExp(`^ok  ${file}\n  north-star \\(kpi\\): example \\d+ strong\n  incentives \\(incentives\\): example \\d+ strong\n$`),
    );

    const listed = await rehearseHere(['scenarios'], { env: { REHEARSE_HOME: h } });
    expect(listed.stdout).toContain(`Your own, in ${join(h, 'scenarios')}:\n  telehealth`);
    // "scenarios list" is the same list.
    expect((await rehearseHere(['scenarios', 'list'], { env: { REHEARSE_HOME: h } })).stdout).toBe(listed.stdout);
    const extra = await rehearseHere(['scenarios', 'list', 'fintech'], { env: { REHEARSE_HOME: h } });
    expect(extra.code).toBe(2);
    expect(extra.stderr).toMatch(/unknown argument "fintech"/);
    const json = JSON.parse((await rehearseHere(['scenarios', '--json'], { env: { REHEARSE_HOME: h } })).stdout) as {
      id: string;
      own: boolean;
    }[];
    expect(json.filter((s) => s.own).map((s) => s.id)).toEqual(['telehealth']);
    expect(json.filter((s) => !s.own).map((s) => s.id)).toEqual(['ecommerce', 'fintech', 'saas']);

    const run = await rehearseHere(['interview', '--scenario', 'telehealth', '--probes', '0'], {
      input: 'One.\n---\nTwo.\n',
      env: { REHEARSE_HOME: h },
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Question 2 of 2');
  });

  it('--from copies another scenario under the new id, its libraries still found from your folder', async () => {
    const h = home();
    expect((await rehearseHere(['scenarios', 'new', 'my-fintech', '--from', 'fintech'], { env: { REHEARSE_HOME: h } })).code).toBe(0);
    const text = readFileSync(join(h, 'scenarios', 'my-fintech.yaml'), 'utf8');
    expect(text).toMatch(/^id: my-fintech$/m);
    expect(text).toMatch(/^uses:\n {2}- rehearse:pm$/m);
    expect((await rehearseHere(['validate', join(h, 'scenarios', 'my-fintech.yaml')], { env: { REHEARSE_HOME: h } })).code).toBe(0);
    expect((await rehearseHere(['scenarios', 'show', 'my-fintech'], { env: { REHEARSE_HOME: h } })).stdout).toContain('[my-fintech]');
  });

  it.each([
    [['scenarios', 'new', 'fintech'], /^rehearse scenarios: there is a scenario "fintech" already \(.*fintech\.yaml\); choose another id$/],
    [['scenarios', 'new', 'no spaces'], /^rehearse scenarios: "no spaces" cannot be a scenario id/],
    [['scenarios', 'new'], /^rehearse scenarios: give the new scenario an id/],
    [['scenarios', 'new', 'x', '--from', 'nope'], /^rehearse scenarios: unknown scenario "nope"/],
  ])('%j: one line, exit 2, nothing written', async (args, message) => {
    const h = home();
    const r = await rehearseHere(args, { env: { REHEARSE_HOME: h } });
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toMatch(message);
    expect((await rehearseHere(['scenarios', '--json'], { env: { REHEARSE_HOME: h } })).stdout).not.toContain('"own": true');
  });
});

describe('a file in your folder that does not load', () => {
  function withBadFiles() {
    const h = home();
    mkdirSync(join(h, 'scenarios'));
    writeFileSync(join(h, 'scenarios', 'broken.yaml'), 'id: broken\ntitle: [unclosed\n');
    // A copy of a shipped id: it would hide the shipped one, so it is left out, and said so.
    writeFileSync(
      join(h, 'scenarios', 'mine.yaml'),
      readFileSync('scenarios/fintech.yaml', 'utf8').replace('rubrics/pm.yaml', 'rehearse:pm'),
    );
    return h;
  }

  it('is skipped with one line naming it; listing, showing and interviews go on', async () => {
    const h = withBadFiles();
    const listed = await rehearseHere(['scenarios'], { env: { REHEARSE_HOME: h } });
    expect(listed.code).toBe(0);
    expect(listed.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(new RegExp(`^rehearse: skipped ${join(h, 'scenarios', 'broken.yaml')}: line \\d+: YAML syntax error`)),
      expect.stringMatching(
        new RegExp(`^rehearse: skipped ${join(h, 'scenarios', 'mine.yaml')}: line \\d+: duplicate scenario id "fintech"`),
      ),
    ]);
    // Not "none yet": there are files, and they do not load.
    expect(listed.stdout).toContain('none that load: 2 file(s) there do not load, for the reasons said above');
    expect(listed.stdout).not.toContain('none yet');
    const run = await rehearseHere(['interview', '--scenario', 'fintech', '--probes', '0'], { input: FIVE, env: { REHEARSE_HOME: h } });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Rupeeflow');
  });

  it('asked for by its name, it is named as the file that does not load, not as an unknown scenario', async () => {
    const h = withBadFiles();
    const run = await rehearseHere(['interview', '--scenario', 'broken', '--probes', '0'], { input: FIVE, env: { REHEARSE_HOME: h } });
    expect(run.code).toBe(2);
    const lines = run.stderr.trim().split('\n');
    expect(lines[0]).toMatch(/^rehearse: skipped .*broken\.yaml: line \d+: YAML syntax error/);
    expect(lines.at(-1)).toBe(
      `rehearse interview: scenario "broken": ${join(h, 'scenarios', 'broken.yaml')} does not load (its first problem is said above); fix it and try again`,
    );
    expect(run.stderr).not.toContain('unknown scenario');
  });

  it('a rubric library asked for as a scenario is named as a library', async () => {
    const h = withBadFiles();
    writeFileSync(join(h, 'scenarios', 'mylib.yaml'), readFileSync('scenarios/rubrics/pm.yaml', 'utf8'));
    const run = await rehearseHere(['interview', '--scenario', 'mylib'], { input: FIVE, env: { REHEARSE_HOME: h } });
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n').at(-1)).toBe(
      `rehearse interview: unknown scenario "mylib": ${join(h, 'scenarios', 'mylib.yaml')} is a rubric library, not a scenario`,
    );
  });
});
