// Compiled phrase matchers kept on disk: read back whole, keyed by the rubric, and anything damaged or
// stale is compiled again without a word.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CompiledCache } from '../../src/scenario/compiled-cache.js';
import { loadCatalog } from '../../src/scenario/catalog.js';
import type { ResolvedRubric } from '../../src/scenario/rubric.js';
import { rubricPhrases } from '../../src/scoring/rubric/compiled.js';
import { score } from '../../src/scoring/score.js';
import type { PhraseData } from '../../src/text/phrase-matcher.js';
import { forgetCompiled, keepCompiledIn, PhraseIndex, type CompiledStore } from '../../src/text/phrases.js';
import { tokenize } from '../../src/text/text.js';

const fintech = loadCatalog().find((s) => s.scenario.id === 'fintech')!;
const question = fintech.scenario.questions[0]!;
/** A copy of the rubric: compiled matchers are kept per rubric object, so each copy is compiled (or read) afresh. */
const freshRubric = (): ResolvedRubric => structuredClone(fintech.rubrics[question.id]!);

/** The cache, with what was read and written through it counted. */
function counted(dir: string) {
  const cache = new CompiledCache(dir);
  const seen = { reads: 0, hits: 0, writes: 0 };
  const store: CompiledStore = {
    read: (key) => {
      seen.reads++;
      const data = cache.read(key);
      if (data) seen.hits++;
      return data;
    },
    write: (key, data) => {
      seen.writes++;
      cache.write(key, data);
    },
  };
  return { store, seen };
}

const entries = (dir: string) => readdirSync(dir).filter((f) => f.startsWith('phrases-'));

// Each test starts as a new process would, with nothing compiled at hand.
beforeEach(() => forgetCompiled());
afterEach(() => keepCompiledIn(undefined));

describe('compiled phrase matchers kept on disk', () => {
  it('are written once and read back by the next reader, scoring the same', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rehearse-compiled-'));
    const { store, seen } = counted(dir);
    keepCompiledIn(store);
    const built = rubricPhrases(freshRubric());
    expect(seen).toEqual({ reads: 1, hits: 0, writes: 1 });
    expect(entries(dir)).toHaveLength(1);
    // The same rubric loaded again in this process: what it compiled is still at hand.
    rubricPhrases(freshRubric());
    expect(seen).toEqual({ reads: 1, hits: 0, writes: 1 });
    // The next process, which starts with nothing at hand, reads it.
    forgetCompiled();
    const read = rubricPhrases(freshRubric());
    expect(seen).toEqual({ reads: 2, hits: 1, writes: 1 });
    expect(read.matcher).not.toBe(built.matcher);
    // Without the store, compiled here: the score is the same as from the copy read back.
    const fromDisk = score(freshRubric(), question.example);
    keepCompiledIn(undefined);
    expect(score(freshRubric(), question.example)).toEqual(fromDisk);
  });

  it('keeps the arrays whole, whatever their length', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rehearse-compiled-'));
    const cache = new CompiledCache(dir);
    const data: PhraseData = {
      words: ['churn', 'rate’s'],
      stems: ['decid'],
      sections: [{ root: 0, firstList: 0, lists: 2 ** 31 - 1 }],
      lists: 2 ** 31 - 1,
      edgeStart: Int32Array.of(0, 1, 1),
      edges: Int32Array.of(0, 0, 1),
      endStart: Int32Array.of(0, 0, 1),
      ends: Int32Array.of(-5, 2 ** 31 - 2).subarray(1),
    };
    cache.write('k', data);
    expect(cache.read('k')).toEqual({ ...data, ends: Int32Array.of(2 ** 31 - 2) });
    expect(cache.read('other')).toBeUndefined();
  });

  /** The entry a first reader writes, and the score it gives: made once for the cases below, each of which damages a copy. */
  let written: { name: string; good: Buffer; expected: ReturnType<typeof score> } | undefined;
  const goodEntry = () => {
    if (!written) {
      const dir = mkdtempSync(join(tmpdir(), 'rehearse-compiled-'));
      keepCompiledIn(new CompiledCache(dir));
      const expected = score(freshRubric(), question.example);
      const [name] = entries(dir);
      written = { name: name!, good: readFileSync(join(dir, name!)), expected };
    }
    return written;
  };
  /** The entry with its digest made right again, so that only what it says can tell it apart. */
  const redigested = (file: Buffer) => {
    const out = Buffer.from(file);
    out.write(sha256(out.subarray(65)), 0, 'latin1');
    return out;
  };
  /** The same bytes with one run of text in the header swapped for another of the same length. */
  const swapped = (file: Buffer, from: string, to: string) => {
    const at = file.indexOf(from, 65, 'latin1');
    expect(at).toBeGreaterThan(0);
    const out = Buffer.from(file);
    out.write(to, at, 'latin1');
    return redigested(out);
  };
  /** The entry with the node of its last edge set far past the last node, as a bug might write it. */
  const pointedAway = (file: Buffer) => {
    const out = Buffer.from(file);
    const size = out.readUInt32LE(65);
    const header = JSON.parse(out.toString('utf8', 69, 69 + size)) as { lengths: number[] };
    const edgesAt = ((69 + size + 3) & ~3) + 4 * header.lengths[0]!;
    const lastNode = edgesAt + 4 * (header.lengths[1]! - 1);
    out.writeInt32LE(999_999, lastNode);
    return out;
  };
  it.each([
    ['cut short', (file: Buffer) => file.subarray(0, file.length / 2)],
    ['one byte changed', (file: Buffer) => Buffer.from(file).fill(7, file.length - 100, file.length - 99)],
    ['not what its digest says', (file: Buffer) => Buffer.concat([Buffer.from('0'.repeat(64), 'latin1'), file.subarray(64)])],
    ['empty', () => Buffer.alloc(0)],
    ['of another layout, whole in itself', (file: Buffer) => swapped(file, 'compiled-phrases/', 'compiled-phrasez/')],
    ['for another key, whole in itself', (file: Buffer) => swapped(file, '"key":"', '"key":"0')],
    ['with more than its arrays, whole in itself', (file: Buffer) => redigested(Buffer.concat([file, Buffer.alloc(8)]))],
    ['with an edge to a node that does not exist, whole in itself', (file: Buffer) => redigested(pointedAway(file))],
  ])('an entry %s is not used: the lists are compiled again and the entry written anew', (_, damage) => {
    const { name, good, expected } = goodEntry();
    const dir = mkdtempSync(join(tmpdir(), 'rehearse-compiled-'));
    writeFileSync(join(dir, name), damage(good));
    const { store, seen } = counted(dir);
    keepCompiledIn(store);
    forgetCompiled();
    expect(score(freshRubric(), question.example)).toEqual(expected);
    expect(seen).toEqual({ reads: 1, hits: 0, writes: 1 });
    expect(readFileSync(join(dir, name)).equals(good)).toBe(true);
  });

  it('a rubric that changes is compiled under another key', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rehearse-compiled-'));
    keepCompiledIn(new CompiledCache(dir));
    rubricPhrases(freshRubric());
    const changed = { ...freshRubric(), topic: [...freshRubric().topic, 'soundbox uptime'], hash: 'another hash' };
    rubricPhrases(changed);
    expect(entries(dir)).toHaveLength(2);
  });

  it('phrase lists built where they are used are kept under a digest of their phrases, and found the same when read back', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rehearse-compiled-'));
    const { store, seen } = counted(dir);
    keepCompiledIn(store);
    const text = 'Pick one metric as the north star: which would it be, and what would make you change it?';
    const index = (extra: string[] = []) => {
      const built = new PhraseIndex();
      built.add(['north star', 'guiding metric*']);
      built.add(['(pick|choose) _ metric', ...extra]);
      return built;
    };
    const found = index().find(text, tokenize(text));
    expect(found.map((spans) => spans.length)).toEqual([1, 1]);
    expect(seen).toEqual({ reads: 1, hits: 0, writes: 1 });
    expect(index().find(text, tokenize(text))).toEqual(found);
    expect(seen).toEqual({ reads: 1, hits: 0, writes: 1 });
    forgetCompiled();
    expect(index().find(text, tokenize(text))).toEqual(found);
    expect(seen).toEqual({ reads: 2, hits: 1, writes: 1 });
    // Another phrase is another key; the lists compiled here find what they found before.
    expect(index(['change it']).find(text, tokenize(text))[1]).toHaveLength(2);
    expect(seen).toEqual({ reads: 3, hits: 1, writes: 2 });
    keepCompiledIn(undefined);
    expect(index().find(text, tokenize(text))).toEqual(found);
  });

  it('writes through a temporary file, and a folder it cannot write to only costs the compiling', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rehearse-compiled-'));
    keepCompiledIn(new CompiledCache(dir));
    rubricPhrases(freshRubric());
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    // A folder under a file cannot be made, whoever runs the test.
    const file = join(mkdtempSync(join(tmpdir(), 'rehearse-compiled-')), 'a-file');
    writeFileSync(file, '');
    keepCompiledIn(new CompiledCache(join(file, 'cache')));
    forgetCompiled();
    expect(() => score(freshRubric(), question.example)).not.toThrow();
  });
});

function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
