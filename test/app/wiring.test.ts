// wire(): what an interview is given, from the environment and .env.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readOptions, reading, wire } from '../../src/app/wiring.js';
import { InvalidFileError } from '../../src/errors.js';
import { offlineWriter } from '../../src/probes/offline.js';
import { ParseCache } from '../../src/scenario/cache.js';
import { aSession } from '../support/scores.js';

const KEY = 'sk-wiring-test-0123456789';

/** An empty working folder (no `.env`) and a data folder of its own. */
function surroundings(env: NodeJS.ProcessEnv = {}) {
  const home = mkdtempSync(join(tmpdir(), 'rehearse-wiring-'));
  const cwd = mkdtempSync(join(tmpdir(), 'rehearse-wiring-cwd-'));
  return { home, cwd, env: { REHEARSE_HOME: home, ...env }, err: () => {} };
}

describe('wire', () => {
  it('with no API key: only the offline writer, the store and the cache in the data folder', async () => {
    const io = surroundings();
    const now = () => new Date('2026-03-01T09:00:00Z');
    const w = await wire(io, now);
    expect(Object.keys(w.engine.writers)).toEqual(['offline']);
    expect(w.engine.writers.offline).toBe(offlineWriter);
    expect(w.engine.now).toBe(now);
    expect(w.config).toEqual({
      home: io.home,
      cacheDir: join(io.home, 'cache', 'parsed'),
      color: true,
      secrets: [],
      scenariosDir: join(io.home, 'scenarios'),
      command: 'rehearse',
      voice: { speechApiOnly: false, espeakVoice: 'en-us', searchPath: expect.any(String) },
    });
    expect(w.store.dir).toBe(join(io.home, 'sessions'));
    expect(w.cache).toEqual(new ParseCache(join(io.home, 'cache', 'parsed')));
  });

  it('with an API key: an LLM writer before the offline one, and the key kept as a secret', async () => {
    const w = await wire(surroundings({ OPENAI_API_KEY: KEY }));
    expect(Object.keys(w.engine.writers).sort()).toEqual(['llm', 'offline']);
    expect(w.engine.writers.offline).toBe(offlineWriter);
    expect(w.config.secrets).toEqual([KEY]);
  });

  it('with the key in .env: the same', async () => {
    const io = surroundings();
    writeFileSync(join(io.cwd, '.env'), `OPENAI_API_KEY=${KEY}\n`);
    const w = await wire(io);
    expect(Object.keys(w.engine.writers).sort()).toEqual(['llm', 'offline']);
  });

  it('REHEARSE_NO_CACHE: no parse cache', async () => {
    const w = await wire(surroundings({ REHEARSE_NO_CACHE: '1' }));
    expect(w).not.toHaveProperty('cache');
  });

  it('engine.save writes through the store', async () => {
    const io = surroundings();
    const w = await wire(io);
    w.engine.save(aSession({ id: 'saved-by-engine' }));
    expect(w.store.load('saved-by-engine').id).toBe('saved-by-engine');
  });

  it('refuses bad LLM settings, which commands that only read scenarios do not check', async () => {
    const io = surroundings({ OPENAI_BASE_URL: 'not a url' });
    await expect(wire(io)).rejects.toThrow(InvalidFileError);
    expect(reading(io).config.home).toBe(io.home);
    expect(readOptions(io)).toEqual({
      cache: new ParseCache(join(io.home, 'cache', 'parsed')),
      userDir: join(io.home, 'scenarios'),
      onSkip: expect.any(Function),
    });
    const uncached = surroundings({ REHEARSE_NO_CACHE: '1' });
    expect(readOptions(uncached)).toEqual({ userDir: join(uncached.home, 'scenarios'), onSkip: expect.any(Function) });
  });
});
