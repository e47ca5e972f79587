import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { rehearseHere } from '../helpers.js';

describe('rehearse sessions', () => {
  // One finished interview (every question passed), one left after its first answer.
  const h = mkdtempSync(join(tmpdir(), 'rehearse-home-'));
  const env = { REHEARSE_HOME: h };
  beforeAll(async () => {
    const passed = Array(5).fill('pass').join('\n---\n');
    expect((await rehearseHere(['interview', '--scenario', 'fintech', '--probes', '0'], { input: passed, env })).code).toBe(0);
    expect((await rehearseHere(['interview', '--scenario', 'saas', '--probes', '0'], { input: 'dont know', env })).code).toBe(1);
  }, 60_000);

  it('shows an unfinished interview as unfinished, with no score, and a finished one with its total', async () => {
    const lines = (await rehearseHere(['sessions'], { env })).stdout.trimEnd().split('\n');
    const unfinished = lines.find((l) => l.includes('saas'))!;
    const finished = lines.find((l) => l.includes('fintech'))!;
    expect(unfinished).toMatch(/\bunfinished\b/);
    expect(unfinished).not.toMatch(/\s0\s/);
    expect(unfinished).toMatch(/—/);
    expect(finished).toMatch(/\s0\s+finished\b/);
  });

  it('lines its columns up under a header', async () => {
    const lines = (await rehearseHere(['sessions'], { env })).stdout.trimEnd().split('\n');
    const header = lines.find((l) => /\blast active\b/i.test(l))!;
    expect(header).toMatch(/last active\s+scenario\s+kind\s+score\s+status\s+id/i);
    const rows = lines.filter((l) => /\d{4}-\d\d-\d\d/.test(l));
    expect(rows).toHaveLength(2);
    for (const column of ['scenario', 'kind', 'score', 'status', 'id']) {
      const at = header.toLowerCase().indexOf(column);
      // Every row has a value starting in the header's column (right-aligned scores end under its end).
      for (const row of rows) {
        if (column === 'score') expect(row[at + column.length - 1]).not.toBe(' ');
        else expect(row[at - 1] === ' ' && row[at] !== ' ').toBe(true);
      }
    }
  });

  it("lists them by when each was last worked on, and shows that date: one started long ago and resumed today is today's", async () => {
    const home = mkdtempSync(join(tmpdir(), 'rehearse-home-'));
    const at = { REHEARSE_HOME: home };
    for (const scenario of ['fintech', 'saas'])
      expect((await rehearseHere(['interview', '--scenario', scenario, '--probes', '0'], { input: 'dont know', env: at })).code).toBe(1);
    // The fintech interview was started in January, the saas one in March; then the fintech one is resumed.
    const started = { fintech: '2026-01-05T10:00:00.000Z', saas: '2026-03-01T10:00:00.000Z' };
    for (const s of JSON.parse((await rehearseHere(['sessions', '--json'], { env: at })).stdout) as {
      scenario: 'fintech' | 'saas';
      file: string;
    }[]) {
      const session = JSON.parse(readFileSync(s.file, 'utf8'));
      writeFileSync(s.file, JSON.stringify({ ...session, createdAt: started[s.scenario], updatedAt: started[s.scenario] }));
    }
    const id = (JSON.parse((await rehearseHere(['sessions', '--json'], { env: at })).stdout) as { id: string; scenario: string }[]).find(
      (s) => s.scenario === 'fintech',
    )!.id;
    await rehearseHere(['resume', id], { input: 'Weekly paying merchants, because they drive lending.', env: at });
    const rows = (await rehearseHere(['sessions'], { env: at })).stdout.split('\n').filter((l) => /\d{4}-\d\d-\d\d/.test(l));
    expect(rows.map((r) => (r.includes('fintech') ? 'fintech' : 'saas'))).toEqual(['fintech', 'saas']);
    const shown = rows.map((r) => /\d{4}-\d\d-\d\d \d\d:\d\d/.exec(r)![0]);
    expect(shown[0]! > shown[1]!).toBe(true);
    expect(shown[0]).not.toBe('2026-01-05 10:00');
    expect(shown[1]).toBe('2026-03-01 10:00');
  });

  it('--json says whether each session is finished', async () => {
    const listed = JSON.parse((await rehearseHere(['sessions', '--json'], { env })).stdout) as { scenario: string; finished: boolean }[];
    expect(listed.map((s) => [s.scenario, s.finished]).sort()).toEqual([
      ['fintech', true],
      ['saas', false],
    ]);
  });
});
