// The sentence-boundary model for text without marks: what it may know, and what it puts back.
import { describe, expect, it } from 'vitest';
import { BOUNDARY_MODEL, BOUNDARY_WORDS, gapFeatures } from '../../src/text/boundaries.js';
import { isUnmarked, segment, tokenize } from '../../src/text/text.js';
import { withoutMarks } from '../../src/calibration/fit-boundaries.js';

// Written for this test: a spoken answer, punctuated, whose sentences start with the words people open with.
const SPOKEN = [
  'I would make weekly active teams the number we steer by.',
  'It counts teams where at least three people edit a board in a week.',
  'We picked it because single users churn and teams renew.',
  'If it rises while support tickets per team climb, I would stop and look at onboarding first.',
  'My guardrail is refund requests, and I want them under two percent.',
  'Then every quarter we check the number against renewals with finance.',
];

describe('the boundary model', () => {
  it('knows a word by name only from its closed list: any other word is known by its class and last letters', () => {
    const text = 'the quarterly bookings grew while onboarding stalled so we reworked invoicing';
    const tokens = tokenize(text);
    for (let k = 1; k < tokens.length; k++) {
      for (const f of gapFeatures(text, tokens, k, k)) {
        const named = f.split(/[=|]/u).slice(1);
        for (const w of named) expect(BOUNDARY_WORDS.has(w) || w.length <= 2 || /^[\^#FLW]$|^\d+$|^dash$|^open$/u.test(w)).toBe(true);
      }
    }
  });

  it('cuts an answer transcribed without marks into pieces no shorter than it allows', () => {
    const spoken = withoutMarks(SPOKEN.join(' '));
    const tokens = tokenize(spoken);
    expect(isUnmarked(spoken, tokens)).toBe(true);
    const pieces = segment(spoken, 0, tokens);
    expect(pieces.length).toBeGreaterThan(1);
    for (const p of pieces) expect(p.words).toBeGreaterThanOrEqual(BOUNDARY_MODEL.minWords);
  });

  it('leaves punctuated text to its marks', () => {
    const punctuated = SPOKEN.join(' ');
    expect(isUnmarked(punctuated, tokenize(punctuated))).toBe(false);
    expect(segment(punctuated, 0)).toHaveLength(SPOKEN.length);
  });
});
