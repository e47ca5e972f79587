// `validate` on a scenario of hundreds of questions completes: questions that share a rubric share its
// compiled matchers, rather than each building (and keeping) its own. Time and memory on 1,000
// questions are in the bench (`npm run bench`).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateFile } from '../../src/commands/validate.js';
import { loadScenario } from '../../src/scenario/load.js';
import { writeLargeScenario } from '../support/large-scenario.js';

const QUESTIONS = 200;

describe(`validate on a ${QUESTIONS}-question scenario`, () => {
  const file = writeLargeScenario(mkdtempSync(join(tmpdir(), 'rehearse-large-')), QUESTIONS);

  it('questions on the same rubric share one resolved rubric', () => {
    const loaded = loadScenario(file);
    const rubrics = new Set(Object.values(loaded.rubrics));
    expect(Object.keys(loaded.rubrics)).toHaveLength(QUESTIONS);
    expect(rubrics.size).toBe(new Set(loaded.scenario.questions.map((q) => q.rubric)).size);
  });

  it('checks every question and its calibration, and finds nothing wrong', () => {
    expect(validateFile(file).errors).toEqual([]);
  }, 60_000);
});
