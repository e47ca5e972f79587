import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ParseCache } from '../../src/scenario/cache.js';
import { parseText } from '../../src/scenario/parse.js';
import { fixture, rehearse } from '../helpers.js';

describe('the parse cache', () => {
  it('serves the same data for the same text, and re-parses changed text', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rehearse-cache-'));
    const cache = new ParseCache(dir);
    {
      const text = readFileSync(fixture('scenarios/good/minimal.yaml'), 'utf8');
      const first = cache.parse('a.yaml', text);
      expect(readdirSync(dir)).toHaveLength(1);
      const second = cache.parse('a.yaml', text);
      expect(second.data).toEqual(first.data);
      expect(second.data).toEqual(parseText('a.yaml', text).data);
      // Lines still come out right for a cached file (the YAML is read again for them).
      expect(second.lineOf(['questions', 0, 'rubric'])).toBe(21);
      const changed = cache.parse('a.yaml', text.replace('Minimal', 'Changed'));
      expect((changed.data as { title: string }).title).toBe('Changed');
      expect(readdirSync(dir)).toHaveLength(2);
    }
  });

  it('a bad file is reported with its line even when its parse was cached', () => {
    const home = mkdtempSync(join(tmpdir(), 'rehearse-home-'));
    const first = rehearse(['validate', 'test/fixtures/scenarios/bad/wrong-type.yaml'], { env: { REHEARSE_HOME: home } });
    const again = rehearse(['validate', 'test/fixtures/scenarios/bad/wrong-type.yaml'], { env: { REHEARSE_HOME: home } });
    expect(readdirSync(join(home, 'cache', 'parsed')).length).toBeGreaterThan(0);
    expect(again.stderr).toBe(first.stderr);
    expect(again.stderr).toContain('wrong-type.yaml:20: questions[0].prompt');
  });

  it('follows REHEARSE_HOME set in .env, like the sessions do', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'rehearse-cwd-'));
    const home = mkdtempSync(join(tmpdir(), 'rehearse-home-'));
    writeFileSync(join(cwd, '.env'), `REHEARSE_HOME=${home}\n`);
    const env = { REHEARSE_HOME: '' };
    const r = rehearse(['scenarios'], { cwd, env });
    expect(r.code).toBe(0);
    expect(readdirSync(join(home, 'cache', 'parsed')).length).toBeGreaterThan(0);
  });

  it('REHEARSE_NO_CACHE=1 leaves no cache behind', () => {
    const home = mkdtempSync(join(tmpdir(), 'rehearse-home-'));
    const r = rehearse(['scenarios'], { env: { REHEARSE_HOME: home, REHEARSE_NO_CACHE: '1' } });
    expect(r.code).toBe(0);
    expect(existsSync(join(home, 'cache'))).toBe(false);
  });
});
