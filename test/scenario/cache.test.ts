import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ParseCache } from '../../src/scenario/cache.js';
import { loadScenario, readParsed } from '../../src/scenario/load.js';
import { parseText } from '../../src/scenario/parse.js';
import { fixture, rehearseHere } from '../helpers.js';
import { issuesOf } from '../support/issues.js';

interface Entry {
  format: string;
  key: string;
  digest: string;
  data: unknown;
}

describe('the parse cache', () => {
  it('serves the same data for the same text, and re-parses changed text', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rehearse-cache-'));
    const cache = new ParseCache(dir);
    {
      const text = readFileSync(fixture('scenarios/good/minimal.yaml'), 'utf8');
      const first = cache.parse('a.yaml', text);
      // Kept only once the file has validated: the loaders say so with remember().
      expect(readdirSync(dir)).toHaveLength(0);
      first.remember();
      expect(readdirSync(dir)).toHaveLength(1);
      const second = cache.parse('a.yaml', text);
      expect(second.fromCache).toBe(true);
      expect(second.data).toEqual(first.data);
      expect(second.data).toEqual(parseText('a.yaml', text).data);
      // Lines still come out right for a cached file (the YAML is read again for them).
      expect(second.lineOf(['questions', 0, 'rubric'])).toBe(21);
      const changed = cache.parse('a.yaml', text.replace('Minimal', 'Changed'));
      expect((changed.data as { title: string }).title).toBe('Changed');
      changed.remember();
      expect(readdirSync(dir)).toHaveLength(2);
    }
  });

  it('a bad file is reported with its line, run after run, and is not kept in the cache', async () => {
    const home = mkdtempSync(join(tmpdir(), 'rehearse-home-'));
    const bad = fixture('scenarios/bad/wrong-type.yaml');
    const first = await rehearseHere(['validate', bad], { env: { REHEARSE_HOME: home, REHEARSE_CACHE_DIR: '' } });
    const again = await rehearseHere(['validate', bad], { env: { REHEARSE_HOME: home, REHEARSE_CACHE_DIR: '' } });
    expect(again.stderr).toBe(first.stderr);
    expect(again.stderr).toContain('wrong-type.yaml:20: questions[0].prompt');
    const dir = join(home, 'cache', 'parsed');
    const kept = existsSync(dir) ? readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8')) : [];
    expect(kept.filter((entry) => entry.includes('The smallest valid scenario.'))).toEqual([]);
  });

  it('scenarios show on a file that is not a scenario leaves no copy of it in the cache', async () => {
    const home = mkdtempSync(join(tmpdir(), 'rehearse-home-'));
    const secret = join(mkdtempSync(join(tmpdir(), 'rehearse-private-')), 'private.yaml');
    writeFileSync(secret, 'salary: 123456 a year\nbank: account 99-88-77\n');
    const r = await rehearseHere(['scenarios', 'show', secret], { env: { REHEARSE_HOME: home, REHEARSE_CACHE_DIR: '' } });
    expect(r.code).toBe(2);
    const dir = join(home, 'cache', 'parsed');
    const kept = existsSync(dir) ? readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8')) : [];
    expect(kept.filter((entry) => entry.includes('123456'))).toEqual([]);
  });

  it.each([
    ['valid JSON of another file, as an older version wrote it', () => ({ id: 'fintech' }) as unknown as Entry],
    [
      'an entry whose data no longer matches its digest',
      (entry: Entry) => ({ ...entry, data: { ...(entry.data as object), questions: [] } }),
    ],
    [
      'an entry for other text, consistent in itself',
      (entry: Entry) => {
        const data = { ...(entry.data as object), questions: 'none' };
        return { ...entry, data, digest: createHash('sha256').update(JSON.stringify(data)).digest('hex') };
      },
    ],
  ])('a cache entry that is wrong (%s) is not trusted: the file itself is read', async (_, damage) => {
    const home = mkdtempSync(join(tmpdir(), 'rehearse-home-'));
    const first = await rehearseHere(['scenarios', 'show', 'fintech', '--json'], { env: { REHEARSE_HOME: home, REHEARSE_CACHE_DIR: '' } });
    expect(first.code).toBe(0);
    const dir = join(home, 'cache', 'parsed');
    const name = readdirSync(dir).find(
      (f) =>
        (JSON.parse(readFileSync(join(dir, f), 'utf8')) as Entry).data && readFileSync(join(dir, f), 'utf8').includes('"id":"fintech"'),
    );
    expect(name).toBeDefined();
    const entry = JSON.parse(readFileSync(join(dir, name!), 'utf8')) as Entry;
    writeFileSync(join(dir, name!), JSON.stringify(damage(entry)));
    const again = await rehearseHere(['scenarios', 'show', 'fintech', '--json'], { env: { REHEARSE_HOME: home, REHEARSE_CACHE_DIR: '' } });
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(first.stdout);
  });

  it('follows REHEARSE_HOME set in .env, like the sessions do', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'rehearse-cwd-'));
    const home = mkdtempSync(join(tmpdir(), 'rehearse-home-'));
    writeFileSync(join(cwd, '.env'), `REHEARSE_HOME=${home}\n`);
    const env = { REHEARSE_HOME: '', REHEARSE_CACHE_DIR: '' };
    const r = await rehearseHere(['scenarios'], { cwd, env });
    expect(r.code).toBe(0);
    expect(readdirSync(join(home, 'cache', 'parsed')).length).toBeGreaterThan(0);
  });

  it('REHEARSE_NO_CACHE=1 leaves no cache behind', async () => {
    const home = mkdtempSync(join(tmpdir(), 'rehearse-home-'));
    const r = await rehearseHere(['scenarios'], { env: { REHEARSE_HOME: home, REHEARSE_NO_CACHE: '1' } });
    expect(r.code).toBe(0);
    expect(existsSync(join(home, 'cache'))).toBe(false);
  });
});

describe('a file loaded again in the same process, with no cache folder', () => {
  const copyOf = (name: string) => {
    const file = join(mkdtempSync(join(tmpdir(), 'rehearse-again-')), name);
    // The shipped rubrics by name, wherever the copy is.
    writeFileSync(file, readFileSync(fixture(`scenarios/good/${name}`), 'utf8').replace(/- \S*pm\.yaml/u, '- rehearse:pm'));
    return file;
  };

  it('parses a file once: a later read is served from memory, with data of its own that no earlier caller changed', () => {
    const file = copyOf('minimal.yaml');
    loadScenario(file);
    const first = readParsed(file);
    expect(first.fromCache).toBe(true);
    const title = (first.data as { title: string }).title;
    (first.data as { title: string }).title = 'changed by the first caller';
    const second = readParsed(file);
    expect(second.fromCache).toBe(true);
    expect((second.data as { title: string }).title).toBe(title);
    // Lines are still there for messages about the file.
    expect(second.lineOf(['title'])).toBe(2);
  });

  it('keeps nothing of a file that does not validate', () => {
    const file = copyOf('minimal.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/mu, 'title: 12'));
    expect(() => loadScenario(file)).toThrow();
    expect(readParsed(file).fromCache).toBe(false);
  });

  it('reads the file as it is now: an edit is seen, and a file that does not validate is refused each time with its line', () => {
    const file = copyOf('minimal.yaml');
    const text = readFileSync(file, 'utf8');
    const prompt = loadScenario(file).scenario.questions[0]!.prompt;
    writeFileSync(file, text.replace(prompt, 'An edited question?'));
    expect(loadScenario(file).scenario.questions[0]!.prompt).toBe('An edited question?');
    const broken = text.replace(/^title: .*$/mu, 'title: 12');
    expect(broken).not.toBe(text);
    writeFileSync(file, broken);
    const line = text.split('\n').findIndex((l) => l.startsWith('title:')) + 1;
    for (let i = 0; i < 2; i++) expect(issuesOf(() => loadScenario(file))[0]).toMatchObject({ line, path: 'title' });
    writeFileSync(file, text);
    expect(loadScenario(file).scenario.questions[0]!.prompt).toBe(prompt);
  });
});
