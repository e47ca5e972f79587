// Checks that a generation of question sets is well-formed and reaches the bench; what the bench
// measures on them is reported by `npm run bench`, not asserted here.
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { conversationTally, lineTally, type QuestionSets } from '../../bench/precision.js';
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

/** The speaker of a 1-based line, read the way each transcript shape writes it (a chat names a role). */
export function speakerAt(file: string, lines: string[], n: number): string | undefined {
  const line = lines[n - 1] ?? '';
  if (['.json', '.jsonl'].includes(extname(file))) {
    try {
      return (JSON.parse(line.trim().replace(/,$/, '')) as { role?: string }).role;
    } catch {
      return undefined; // not a message of its own
    }
  }
  const voice = /^<v ([^>]+)>/.exec(line);
  if (voice) return voice[1];
  // Otter: the speaker and time stand on the line above the text.
  const header = /^(.+?) {2,}\d{1,2}:\d{2}(?::\d{2})?$/.exec(lines[n - 2] ?? '');
  return header ? header[1] : /^([^:]{1,40}): /.exec(line)?.[1];
}

/**
 * The checks every generation of sets must pass: an about field with the phrase that says when it
 * was written, every family with at least 12 paraphrases, at least 60 lines never to grade, and a
 * key naming only interviewer lines (`interviewer` says who asks, per conversation file).
 */
export function describeSets(title: string, sets: QuestionSets, interviewer: Record<string, string>): void {
  const key = read(join(sets.conversations, 'key.json')) as { about: string; files: Record<string, KeyEntry[]> };

  describe(title, () => {
    it('say what they are in an about field', () => {
      for (const file of [sets.paraphrases, sets.notPm])
        expect((read(file) as { about?: unknown }).about).toMatch(/after the recognition rules were settled/);
      expect(key.about).toMatch(/after the recognition rules were settled/);
    });

    it('have at least 12 distinct paraphrases for every family, and no other family', () => {
      for (const [, byFamily] of groups(sets.paraphrases)) {
        const byName = byFamily as Record<string, string[]>;
        expect(Object.keys(byName).sort()).toEqual([...FAMILIES].sort());
        for (const questions of Object.values(byName)) {
          expect(questions.length).toBeGreaterThanOrEqual(12);
          expect(new Set(questions).size).toBe(questions.length);
          for (const q of questions) expect(q.trim()).not.toBe('');
        }
      }
    });

    it('have at least 60 distinct lines that must not be graded, none of them a paraphrase', () => {
      const lines = groups(sets.notPm).flatMap(([, l]) => l as string[]);
      const paraphrases = new Set(groups(sets.paraphrases).flatMap(([, s]) => Object.values(s as Record<string, string[]>).flat()));
      expect(lines.length).toBeGreaterThanOrEqual(60);
      expect(new Set(lines).size).toBe(lines.length);
      for (const line of lines) {
        expect(line.trim()).not.toBe('');
        expect(paraphrases.has(line)).toBe(false);
      }
    });

    it('key every conversation in the folder, and only those', () => {
      const files = readdirSync(sets.conversations).filter((f) => f !== 'key.json');
      expect(Object.keys(key.files).sort()).toEqual(files.sort());
      expect(Object.keys(interviewer).sort()).toEqual(files.sort());
    });

    it.each(Object.entries(key.files))('key %s by interviewer lines, each question before its follow-ups', (file, entries) => {
      const lines = readFileSync(join(sets.conversations, file), 'utf8').split(/\r?\n/);
      for (const [i, e] of entries.entries()) {
        expect(FAMILIES).toContain(e.family);
        const next = entries[i + 1]?.line ?? lines.length + 1;
        expect(e.line).toBeLessThan(next);
        for (const n of [e.line, ...(e.followUps ?? [])])
          expect({ line: n, speaker: speakerAt(file, lines, n) }).toEqual({ line: n, speaker: interviewer[file] });
        for (const n of e.followUps ?? []) {
          expect(n).toBeGreaterThan(e.line);
          expect(n).toBeLessThan(next);
        }
      }
    });

    it('reach the bench: every paraphrase and every keyed question is counted', () => {
      const paraphrases = groups(sets.paraphrases).flatMap(([, s]) => Object.values(s as Record<string, string[]>).flat());
      expect(lineTally(sets).keyed).toBe(paraphrases.length);
      expect(conversationTally(sets.conversations).keyed).toBe(Object.values(key.files).flat().length);
    });
  });
}
