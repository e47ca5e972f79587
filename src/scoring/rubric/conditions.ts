// A rubric condition read against what an answer shows: whether it holds, what it asks for, what is missing.
import type { ResolvedRubric } from '../../scenario/rubric.js';
import type { Condition } from '../../scenario/schema.js';

/** Whether a signal was found in the answer. */
export type Present = (id: string) => boolean;

export function holds(c: Condition, present: Present): boolean {
  if (c.all && !c.all.every(present)) return false;
  if (c.any && !c.any.some(present)) return false;
  if (c.none && c.none.some(present)) return false;
  if (c.atLeast && c.atLeast.of.filter(present).length < c.atLeast.count) return false;
  return true;
}

/** The signals a condition asks to be present (not those it asks to be absent). */
export function positives(c: Condition): string[] {
  return [...(c.all ?? []), ...(c.any ?? []), ...(c.atLeast?.of ?? [])];
}

/** What the candidate would have to add to satisfy the condition, as the signals' hints. */
export function missingFor(c: Condition, rubric: ResolvedRubric, present: Present): string[] {
  const hint = (id: string) => rubric.signals[id]!.hint;
  const out: string[] = [];
  for (const id of c.all ?? []) if (!present(id)) out.push(hint(id));
  // One of "any" is enough, so one hint is: the first listed.
  if (c.any && !c.any.some(present)) out.push(hint(c.any[0]!));
  if (c.atLeast) {
    const absent = c.atLeast.of.filter((id) => !present(id));
    const need = c.atLeast.count - (c.atLeast.of.length - absent.length);
    out.push(...absent.slice(0, Math.max(0, need)).map(hint));
  }
  return [...new Set(out)];
}
