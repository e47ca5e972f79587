// What a drill's score card leads with: the drilled criterion now, against the last attempt before
// the drill, what would raise it, and the question's strong example answer.
import type { CriterionScore } from '../scoring/types.js';

export interface DrillOutcome {
  title: string;
  family: string;
  /** The criterion as the drill's answers scored it; absent when the drill ended before any answer was scored. */
  now?: Pick<CriterionScore, 'level' | 'maxLevel' | 'anchor' | 'missing'>;
  /** Its level in the latest session before the drill that graded it. */
  before?: { level: number; maxLevel: number; date: string };
  /** The question's strong example answer. */
  example: string;
}

type Level = { level: number; maxLevel: number };

/** The criterion now against its last attempt: "last attempt 1/3 on 2026-05-02 · up", or that this is the first. */
export function againstBefore(now: Level, before: DrillOutcome['before']): string {
  if (!before) return 'first attempt at this criterion';
  const delta = now.level / now.maxLevel - before.level / before.maxLevel;
  const change = delta > 0 ? 'up' : delta < 0 ? 'down' : 'no change';
  return `last attempt ${before.level}/${before.maxLevel} on ${before.date.slice(0, 10)} · ${change}`;
}

export function drillLines(d: DrillOutcome): string[] {
  const lines = [`Drill: ${d.title} (${d.family})`];
  if (!d.now) lines.push('  not scored: no answer was given');
  else {
    lines.push(`  now ${d.now.level}/${d.now.maxLevel} · ${d.now.anchor}`);
    lines.push(`  ${againstBefore(d.now, d.before)}`);
    const missing = d.now.missing[0];
    if (missing && d.now.level < d.now.maxLevel) lines.push(`  → to reach ${d.now.level + 1}: ${missing}`);
  }
  lines.push(
    '',
    'A strong answer to this question:',
    ...d.example
      .trim()
      .split('\n')
      .map((l) => `  │ ${l}`),
  );
  return lines;
}

/** What a drilled question builds on, said before it is asked: in the interview it comes after another. */
export const followsLine = (prompt: string) =>
  `In the interview it comes after: “${prompt.trim()}” Answer as if you had answered that one.`;
