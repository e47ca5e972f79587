// The scorer's policy is data: checked on load, versioned with the scorer, and applied as written.
import { describe, expect, it } from 'vitest';
import type { ScoringModel } from '../../src/scenario/model.js';
import { BANDS, bandOf, ceilingOf, onScale } from '../../src/scoring/model/bands.js';
import { Policy, POLICY } from '../../src/policy/policy.js';
import { guardedTotal, type Guards } from '../../src/scoring/model/total.js';
import { SCORER_VERSION } from '../../src/scoring/types.js';

describe('the policy file', () => {
  it('loads, and its version is the scorer version every score carries', () => {
    expect(Policy.parse(POLICY)).toEqual(POLICY);
    expect(SCORER_VERSION).toBe(POLICY.version);
    expect(BANDS).toEqual(POLICY.bands);
  });

  it.each([
    { name: 'bands that do not rise', change: { bands: { weak: 50, adequate: 40, strong: 60 } }, path: 'bands' },
    { name: 'a share above 1', change: { prose: { ...POLICY.prose, minShare: 1.5 } }, path: 'prose.minShare' },
    { name: 'a field it does not know', change: { listCap: 25 }, path: '' },
    { name: 'a version that is not x.y.z', change: { version: 'two' }, path: 'version' },
  ])('refuses $name, naming the field', ({ change, path }) => {
    const parsed = Policy.safeParse({ ...POLICY, ...change });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]!.path.join('.')).toBe(path);
  });
});

describe('bands and the total, on the policy’s scale', () => {
  // A model written for the test: its cut points differ from the scale's, so the mapping shows.
  const model: ScoringModel = { version: 'test', intercept: 0, weights: {}, bands: { weak: 10, adequate: 30, strong: 50 }, listCap: 25 };
  const none: Guards = { nonAnswer: false, listOnly: false, ceilings: [] };

  it('each band starts where the policy says', () => {
    expect([BANDS.weak - 1, BANDS.weak, BANDS.adequate, BANDS.strong].map(bandOf)).toEqual(['insufficient', 'weak', 'adequate', 'strong']);
    expect(bandOf(BANDS.strong - 1)).toBe('adequate');
  });

  it("the model's cut points land on the policy's bands", () => {
    expect([model.bands.weak, model.bands.adequate, model.bands.strong].map((raw) => onScale(raw, model.bands))).toEqual([
      BANDS.weak,
      BANDS.adequate,
      BANDS.strong,
    ]);
  });

  it.each([
    { name: 'a non-answer is 0', guards: { ...none, nonAnswer: true }, out: { total: 0 } },
    { name: 'a list of terms stays at the cap', guards: { ...none, listOnly: true }, out: { total: 25, limitedBy: 'list-only' } },
    {
      name: 'a ceiling keeps the total below the next band',
      guards: { ...none, ceilings: [{ id: 'vanity', ceiling: 'weak' as const }] },
      out: { total: BANDS.adequate - 1, limitedBy: 'vanity' },
    },
    {
      name: 'the lowest of two ceilings holds when it comes first',
      guards: {
        ...none,
        ceilings: [
          { id: 'low', ceiling: 'insufficient' as const },
          { id: 'high', ceiling: 'adequate' as const },
        ],
      },
      out: { total: ceilingOf('insufficient'), limitedBy: 'low' },
    },
    {
      name: 'the lowest of two ceilings holds when it comes second',
      guards: {
        ...none,
        ceilings: [
          { id: 'high', ceiling: 'adequate' as const },
          { id: 'low', ceiling: 'insufficient' as const },
        ],
      },
      out: { total: ceilingOf('insufficient'), limitedBy: 'low' },
    },
    { name: 'nothing holds an answer down that nothing flags', guards: none, out: { total: 100 } },
  ])('$name', ({ guards, out }) => {
    expect(guardedTotal(model, 100, guards)).toEqual(out);
  });
});
