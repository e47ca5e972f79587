// The same interview, saved in every format rehearse reads, graded by the built CLI: the JSON report
// holds the same graded answers for each file (question, total, levels, the quotes credited).
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixture, rehearse } from '../helpers.js';

interface Graded {
  file: string;
  answers: {
    question: string;
    total: number;
    band: string;
    criteria: { id: string; level: number; evidence: { quote: string }[] }[];
  }[];
}

const FILES = readdirSync(fixture('transcripts'))
  .filter((f) => f.startsWith('interview') && !f.endsWith('.jsonl'))
  .map((f) => fixture(`transcripts/${f}`));

/** What must not depend on the file's format; lines and the text around a quote may. */
const gradesOf = (t: Graded) =>
  t.answers.map((a) => ({
    question: a.question,
    total: a.total,
    band: a.band,
    levels: Object.fromEntries(a.criteria.map((c) => [c.id, c.level])),
    // Quoted on one line: a caption format breaks a turn's lines where a text file does not.
    quotes: a.criteria.map((c) => c.evidence.map((e) => e.quote.replace(/\s+/g, ' '))),
  }));

describe('the same interview in every input format, through the built CLI', () => {
  it.each(['fintech', 'auto'])('grades the same answers (scenario %s)', (scenario) => {
    const run = rehearse(['grade', ...FILES, '--format', 'json', '--scenario', scenario], { env: { COLUMNS: '100' } });
    expect(run.stderr).not.toMatch(/\bat .*\.js:\d+/);
    expect(run.code).toBe(0);
    const { transcripts, failures } = JSON.parse(run.stdout) as { transcripts: Graded[]; failures: unknown[] };
    expect(failures).toEqual([]);
    expect(transcripts.map((t) => t.file).sort()).toEqual([...FILES].sort());
    // A rehearse session names its own scenario, and in auto mode is graded against it: compare like with like.
    const comparable = transcripts.filter((t) => scenario !== 'auto' || !t.file.endsWith('interview-session.json'));
    expect(comparable.length).toBeGreaterThanOrEqual(9);
    const first = gradesOf(comparable[0]!);
    expect(first.map((a) => a.question)).toEqual(
      scenario === 'fintech' ? ['north-star', 'kpi-miss', 'incentives'] : ['kpi-1', 'shortfall-1', 'incentives-1'],
    );
    // The grades say something: an answer earns some quotes, so a comparison of empty lists cannot pass for one.
    expect(first.flatMap((a) => a.quotes.flat()).length).toBeGreaterThan(0);
    for (const t of comparable) expect({ file: t.file, grades: gradesOf(t) }).toEqual({ file: t.file, grades: first });
  });
});
