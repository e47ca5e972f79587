// A question asked but not graded keeps its reason in every format a batch can be written in, so a
// reader of any report can see why an answer earned nothing rather than guess.
import { describe, expect, it } from 'vitest';
import { fixture, rehearse, rehearseHere } from '../helpers.js';

const FILE = fixture('conversations/podcast-long-answers.txt');

describe('every format says why a question was not graded', () => {
  const json = JSON.parse(rehearse(['grade', FILE, '--format', 'json']).stdout) as {
    transcripts: { unaligned: { text: string; reason: string }[] }[];
  };
  const ungraded = json.transcripts[0]!.unaligned;

  it('the conversation has a question that is not graded, with its reason', () => {
    expect(ungraded.length).toBeGreaterThan(0);
    for (const u of ungraded) expect(u.reason.length).toBeGreaterThan(10);
  });

  it.each(['table', 'csv', 'md', 'html'])('%s: each such question is listed with its reason', async (format) => {
    const run = await rehearseHere(['grade', FILE, '--format', format], { env: { COLUMNS: '200' } });
    // Exit 1: answers went ungraded, so the batch is not fully graded.
    expect(run.code).toBe(1);
    // The table wraps long cells; compare with runs of white space made one.
    const out = run.stdout.replace(/\s+/gu, ' ').replace(/&#39;/gu, "'");
    for (const u of ungraded) {
      expect(out).toContain(u.reason);
      expect(out).toContain(u.text.slice(0, 30));
    }
  });
});
