// The fitted model is data: it travels with the rubric library, changes the hash, and is checked on load.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { loadLibrary } from '../../src/scenario/load.js';
import { resolveRubric } from '../../src/scenario/rubric.js';
import { DEFAULT_MODEL } from '../../src/scenario/model.js';
import { score } from '../../src/scoring/score.js';
import { SCORER_VERSION } from '../../src/scoring/types.js';
import { ROOT, rehearseHere } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'rehearse-model-'));
const shipped = parse(readFileSync(join(ROOT, 'scenarios', 'rubrics', 'pm.yaml'), 'utf8')) as Record<string, unknown>;
const withModel = (model: unknown, name: string) => {
  const file = join(dir, name);
  writeFileSync(file, stringify({ ...shipped, model }));
  return file;
};
const answer =
  "My north star is completed visits per active patient per month, because a visit that happens is the care people come for and what clinics pay us for. I'd watch the no-show rate beside it.";

describe('the scoring model', () => {
  it('a library with its own model scores by it, and its rubrics hash differently', () => {
    const own = { ...DEFAULT_MODEL, version: 'test-1', intercept: DEFAULT_MODEL.intercept + 10 };
    const a = resolveRubric(loadLibrary(join(ROOT, 'scenarios', 'rubrics', 'pm.yaml')), 'kpi', [])!;
    const b = resolveRubric(loadLibrary(withModel(own, 'own.yaml')), 'kpi', [])!;
    expect(b.hash).not.toBe(a.hash);
    const sa = score(a, answer);
    const sb = score(b, answer);
    expect(sb.model!.version).toBe('test-1');
    expect(sb.model!.raw).toBeCloseTo(sa.model!.raw + 10, 5);
    expect(sb.total).toBeGreaterThan(sa.total);
    expect(sb.rubricHash).toBe(b.hash);
  });

  it('every score carries the scorer version and the model version', () => {
    const s = score(resolveRubric(loadLibrary(join(ROOT, 'scenarios', 'rubrics', 'pm.yaml')), 'kpi', [])!, answer);
    expect(s.scorerVersion).toBe(SCORER_VERSION);
    expect(s.model!.version).toBe(DEFAULT_MODEL.version);
  });

  it('a model whose bands do not rise, or that names an unknown feature, fails validate with file, line and field', async () => {
    const badBands = withModel({ ...DEFAULT_MODEL, bands: { weak: 50, adequate: 40, strong: 60 } }, 'bands.yaml');
    const run = await rehearseHere(['validate', badBands]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/bands\.yaml:\d+: model\.bands: bands must rise/);
    const badFeature = withModel({ ...DEFAULT_MODEL, weights: { ...DEFAULT_MODEL.weights, charisma: 5 } }, 'feature.yaml');
    const run2 = await rehearseHere(['validate', badFeature]);
    expect(run2.code).toBe(2);
    expect(run2.stderr).toMatch(/feature\.yaml:\d+: model\.weights/);
    expect(run2.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('built-in reasoning lexicons', () => {
  const lib = (lexicon: string) => {
    const file = join(dir, `${lexicon}.yaml`);
    writeFileSync(
      file,
      stringify({
        lexicons: { outcome: ['renewal*', 'retention'] },
        signals: { choice: { lexicon: 'outcome', near: { lexicon }, hint: 'say which outcome you would run on' } },
        rubrics: [
          {
            id: 'pick',
            title: 'Picks an outcome',
            family: 'kpi',
            criteria: [
              {
                id: 'choice',
                title: 'Chooses',
                weight: 1,
                bar: 1,
                levels: [{ anchor: 'No choice' }, { anchor: 'A choice', when: { all: ['choice'] } }],
              },
            ],
          },
        ],
      }),
    );
    return file;
  };

  it('a user library can name reasoning_commitment without defining it, and it recognises a choice in other words', () => {
    const rubric = resolveRubric(loadLibrary(lib('reasoning_commitment')), 'pick', [])!;
    const s = score(rubric, "The number I'd run this on is renewal rate, because renewals are what keep the lights on.");
    expect(s.criteria[0]!.level).toBe(1);
  });

  it('a misspelt one is an unknown lexicon, named with file, line and field', async () => {
    const run = await rehearseHere(['validate', lib('reasoning_comitment')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/reasoning_comitment\.yaml:\d+: signals\.choice\.near\.lexicon: unknown lexicon "reasoning_comitment"/);
  });
});
