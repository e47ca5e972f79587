// The sets written after the recognition rules were settled are well-formed and reach the bench;
// what the bench measures on them is reported by `npm run bench`, not asserted here.
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { conversationTally, LATER_SETS, lineTally } from '../../bench/precision.js';
import { BUILT_IN_DIR } from '../../src/scenario/catalog.js';
import { loadLibrary } from '../../src/scenario/load.js';

const read = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));
const groups = (file: string) => Object.entries(read(file) as Record<string, unknown>).filter(([k]) => k !== 'about');
const FAMILIES = loadLibrary(join(BUILT_IN_DIR, 'rubrics', 'pm.yaml')).rubrics.map((r) => r.family);

interface KeyEntry {
  line: number;
  family: string;
  followUps?: number[];
}
const KEY = read(join(LATER_SETS.conversations, 'key.json')) as { about: string; files: Record<string, KeyEntry[]> };

/** Who asks the questions in each conversation, as its format names them (a chat names a role). */
const INTERVIEWER: Record<string, string> = {
  'podcast-otter.txt': 'Nadia Osei',
  'hiring-loop.vtt': 'Kenji Watanabe',
  'ai-interviewer.json': 'assistant',
};

/** The speaker of a 1-based line, read the way each of these files writes it. */
function speakerAt(file: string, lines: string[], n: number): string | undefined {
  const line = lines[n - 1] ?? '';
  if (extname(file) === '.json') return (JSON.parse(line.trim().replace(/,$/, '')) as { role?: string }).role;
  if (extname(file) === '.vtt') return /^<v ([^>]+)>/.exec(line)?.[1];
  // Otter: the speaker and time stand on the line above the text.
  const header = /^(.+?) {2,}\d{1,2}:\d{2}(?::\d{2})?$/.exec(lines[n - 2] ?? '');
  return header ? header[1] : /^([^:]{1,40}): /.exec(line)?.[1];
}

describe('sets written after the rules were settled', () => {
  it('say what they are in an about field', () => {
    for (const file of [LATER_SETS.paraphrases, LATER_SETS.notPm])
      expect((read(file) as { about?: unknown }).about).toMatch(/after the recognition rules were settled/);
    expect(KEY.about).toMatch(/after the recognition rules were settled/);
  });

  it('have at least 12 distinct paraphrases for every family, and no other family', () => {
    for (const [, byFamily] of groups(LATER_SETS.paraphrases)) {
      const sets = byFamily as Record<string, string[]>;
      expect(Object.keys(sets).sort()).toEqual([...FAMILIES].sort());
      for (const questions of Object.values(sets)) {
        expect(questions.length).toBeGreaterThanOrEqual(12);
        expect(new Set(questions).size).toBe(questions.length);
        for (const q of questions) expect(q.trim()).not.toBe('');
      }
    }
  });

  it('have at least 60 distinct lines that must not be graded, none of them a paraphrase', () => {
    const lines = groups(LATER_SETS.notPm).flatMap(([, l]) => l as string[]);
    const paraphrases = new Set(groups(LATER_SETS.paraphrases).flatMap(([, s]) => Object.values(s as Record<string, string[]>).flat()));
    expect(lines.length).toBeGreaterThanOrEqual(60);
    expect(new Set(lines).size).toBe(lines.length);
    for (const line of lines) {
      expect(line.trim()).not.toBe('');
      expect(paraphrases.has(line)).toBe(false);
    }
  });

  it('key every conversation in the folder, and only those', () => {
    const files = readdirSync(LATER_SETS.conversations).filter((f) => f !== 'key.json');
    expect(Object.keys(KEY.files).sort()).toEqual(files.sort());
  });

  it.each(Object.entries(KEY.files))('key %s by interviewer lines, each question before its follow-ups', (file, entries) => {
    const lines = readFileSync(join(LATER_SETS.conversations, file), 'utf8').split(/\r?\n/);
    for (const [i, e] of entries.entries()) {
      expect(FAMILIES).toContain(e.family);
      const next = entries[i + 1]?.line ?? lines.length + 1;
      expect(e.line).toBeLessThan(next);
      for (const n of [e.line, ...(e.followUps ?? [])])
        expect({ line: n, speaker: speakerAt(file, lines, n) }).toEqual({ line: n, speaker: INTERVIEWER[file] });
      for (const n of e.followUps ?? []) {
        expect(n).toBeGreaterThan(e.line);
        expect(n).toBeLessThan(next);
      }
    }
  });

  it('reach the bench: every paraphrase and every keyed question is counted', () => {
    const paraphrases = groups(LATER_SETS.paraphrases).flatMap(([, s]) => Object.values(s as Record<string, string[]>).flat());
    expect(lineTally(LATER_SETS).keyed).toBe(paraphrases.length);
    expect(conversationTally(LATER_SETS.conversations).keyed).toBe(Object.values(KEY.files).flat().length);
  });
});
