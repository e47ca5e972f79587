// The agreement figures calibrate prints, checked against values worked out by hand.
import { describe, expect, it } from 'vitest';
import { agreement, pairwise, quadraticKappa, spearman, tierOfBand } from '../../src/calibration/agreement.js';

describe('spearman', () => {
  it.each([
    { xs: [1, 2, 3, 4], ys: [10, 20, 30, 40], rho: 1 },
    { xs: [1, 2, 3, 4], ys: [4, 3, 2, 1], rho: -1 },
    // ranks 1,2,3,4 against 1,3,2,4: 1 - 6·2/(4·15) = 0.8
    { xs: [1, 2, 3, 4], ys: [1, 3, 2, 4], rho: 0.8 },
  ])('$xs against $ys is $rho', ({ xs, ys, rho }) => {
    expect(spearman(xs, ys)).toBeCloseTo(rho, 10);
  });

  it('gives ties their mean rank, and is NaN when one side is constant', () => {
    // ranks 1.5,1.5,3 against 1,2,3: Pearson of those is √3/2
    expect(spearman([5, 5, 9], [1, 2, 3])).toBeCloseTo(Math.sqrt(3) / 2, 10);
    expect(spearman([1, 1, 1], [1, 2, 3])).toBeNaN();
  });
});

describe('quadratic-weighted kappa', () => {
  it('is 1 for perfect agreement and 0 for agreement no better than chance', () => {
    expect(quadraticKappa([0, 1, 2, 2], [0, 1, 2, 2], 3)).toBe(1);
    // a constant rater against a varied one agrees only by chance
    expect(quadraticKappa([0, 1, 2], [1, 1, 1], 3)).toBeCloseTo(0, 10);
  });

  it('counts a two-step disagreement four times a one-step one', () => {
    // one of four items off by one step, against one of four off by two steps
    const near = quadraticKappa([0, 1, 2, 2], [0, 1, 2, 1], 3);
    const far = quadraticKappa([0, 1, 2, 2], [0, 1, 2, 0], 3);
    expect(near).toBeGreaterThan(far);
    // by hand: observed weighted disagreement 1/4, expected by chance 5/4, so 1 - 0.25 / 1.25
    expect(near).toBeCloseTo(0.8, 10);
  });
});

describe('pairwise order agreement', () => {
  it('counts only pairs within a group whose human scores differ, and a scorer tie as half', () => {
    const r = pairwise([10, 20, 30, 30], [1, 3, 2, 9], ['a', 'a', 'a', 'b']);
    // pairs in group a: (10,20) agree, (10,30) agree, (20,30) disagree
    expect(r).toEqual({ agree: 2 / 3, pairs: 3 });
    expect(pairwise([10, 20], [5, 5], ['a', 'a'])).toEqual({ agree: 0.5, pairs: 1 });
  });
});

describe('agreement', () => {
  it('reads bands as tiers and fills the confusion table by human tier', () => {
    expect(tierOfBand('insufficient')).toBe('weak');
    const a = agreement([
      { human: 15, tier: 'weak', scorer: 10, band: 'insufficient', group: 'kpi' },
      { human: 50, tier: 'adequate', scorer: 55, band: 'adequate', group: 'kpi' },
      { human: 85, tier: 'strong', scorer: 60, band: 'adequate', group: 'kpi' },
    ]);
    expect(a.n).toBe(3);
    expect(a.spearman).toBeCloseTo(1, 10);
    expect(a.pairwise).toBe(1);
    expect(a.confusion.strong.adequate).toBe(1);
    expect(a.confusion.weak.insufficient).toBe(1);
    expect(a.kappa).toBeLessThan(1);
  });
});

describe('cross-validation by source', () => {
  it('refuses a labelled set with too few sources to fold by, rather than printing figures from empty folds', async () => {
    const { crossValidate, TooFewSources } = await import('../../bench/validity.js');
    const { fixture } = await import('../helpers.js');
    expect(() => crossValidate(fixture('labels/pm.jsonl'))).toThrow(TooFewSources);
  });
});
