// A session's start and end outside the engine: saved at once, its report saved beside it with secrets redacted.
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { finishSession, scenarioOf, startSession } from '../../src/app/lifecycle.js';
import { wire, type Wiring } from '../../src/app/wiring.js';
import { UsageError } from '../../src/errors.js';
import { advance, submitAnswer } from '../../src/interview/engine.js';
import { buildReport } from '../../src/report/build.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { loadScenario } from '../../src/scenario/load.js';
import { fixture } from '../helpers.js';

const KEY = 'sk-lifecycle-secret-0123456789';
const NOW = new Date('2026-03-01T09:05:07.000Z');
const loaded = loadScenario(fixture('scenarios/good/interview.yaml'));

async function wiring(env: NodeJS.ProcessEnv = {}): Promise<Wiring> {
  const home = mkdtempSync(join(tmpdir(), 'rehearse-lifecycle-'));
  const cwd = mkdtempSync(join(tmpdir(), 'rehearse-lifecycle-cwd-'));
  return wire({ env: { REHEARSE_HOME: home, ...env }, cwd, err: () => {} }, () => NOW);
}

describe('startSession', () => {
  it.each([
    [{ mode: 'practice' as const }, {}],
    [{ mode: 'interview' as const, maxProbes: 1 }, { maxProbes: 1 }],
  ])('makes and saves a new session before the first question (%j)', async (options, extra) => {
    const w = await wiring();
    const session = startSession(w, loaded, options);
    expect(session.id).toMatch(/^20260301-090507-shedshare-[0-9a-f]{6}$/);
    expect(session).toEqual({
      version: 1,
      id: session.id,
      scenario: { id: 'shedshare', title: loaded.scenario.title, file: loaded.file },
      mode: options.mode,
      status: 'in-progress',
      phase: 'idle',
      questionIndex: -1,
      timeUp: [],
      turns: [],
      scores: {},
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
      ...extra,
    });
    expect(w.store.load(session.id)).toEqual(session);
  });

  it('two sessions started at the same second get different ids', async () => {
    const w = await wiring();
    const ids = new Set(Array.from({ length: 5 }, () => startSession(w, loaded, { mode: 'practice' }).id));
    expect(ids.size).toBe(5);
  });
});

describe('finishSession', () => {
  it('writes <id>.report.md and <id>.report.json beside the session, with secrets redacted', async () => {
    const w = await wiring({ OPENAI_API_KEY: KEY });
    const deps = { ...w.engine, writers: { offline: w.engine.writers.offline }, scenario: loaded };
    let s = await advance(startSession(w, loaded, { mode: 'practice', maxProbes: 0 }), deps);
    // A candidate who pastes the key into an answer must not find it in the report.
    const answer = `Monthly active borrowers; my key is ${KEY}, by the way.`;
    while (s.status !== 'finished') s = await submitAnswer(s, answer, deps);

    const { report, path } = finishSession(w, s, loaded);
    const base = join(w.store.dir, s.id);
    expect(path).toBe(`${base}.report.md`);
    expect(readdirSync(w.store.dir).sort()).toEqual([`${s.id}.json`, `${s.id}.lock`, `${s.id}.report.json`, `${s.id}.report.md`]);
    expect(report).toEqual(buildReport(s, loaded.scenario));

    const md = readFileSync(`${base}.report.md`, 'utf8');
    const json = readFileSync(`${base}.report.json`, 'utf8');
    expect(md).not.toContain(KEY);
    expect(json).not.toContain(KEY);
    expect(md).toBe(renderMarkdown(report).split(KEY).join('[redacted]'));
    expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(report).split(KEY).join('[redacted]')));
    expect(JSON.parse(json).questions[0].answers[0]).toBe('Monthly active borrowers; my key is [redacted], by the way.');
  });

  it('the JSON report is the report as built, when there is nothing to redact', async () => {
    const w = await wiring();
    const s = startSession(w, loaded, { mode: 'practice' });
    const { report } = finishSession(w, s, loaded);
    expect(JSON.parse(readFileSync(join(w.store.dir, `${s.id}.report.json`), 'utf8'))).toEqual(report);
    expect(report.complete).toBe(false);
  });
});

describe('scenarioOf', () => {
  it('finds a saved session’s scenario by its file', async () => {
    const w = await wiring();
    const s = startSession(w, loaded, { mode: 'practice' });
    expect(scenarioOf(w, s).scenario).toEqual(loaded.scenario);
  });

  it('when the file is gone and the id is not a known scenario: a usage error', async () => {
    const w = await wiring();
    const s = startSession(w, loaded, { mode: 'practice' });
    const gone = { ...s, scenario: { ...s.scenario, file: join(w.config.home, 'moved.yaml') } };
    expect(existsSync(gone.scenario.file)).toBe(false);
    expect(() => scenarioOf(w, gone)).toThrow(UsageError);
    expect(() => scenarioOf(w, gone)).toThrow(/unknown scenario "shedshare"/);
  });
});
