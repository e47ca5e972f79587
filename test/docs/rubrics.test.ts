// docs/rubrics.md, checked: its worked example loads, calibrates and behaves as the page says, and it names every schema field.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { validateFile } from '../../src/commands/validate.js';
import { formatIssues } from '../../src/errors.js';
import { explain, renderExplanation } from '../../src/report/explain.js';
import { loadLibrary, loadScenario } from '../../src/scenario/load.js';
import { AntiPattern, Condition, Criterion, Exemplar, Level, Rubric, RubricLibrary, Signal } from '../../src/scenario/schema.js';
import { calibrate } from '../../src/calibration/exemplars.js';
import { score, trace } from '../../src/scoring/score.js';
import { IntentReader } from '../../src/transcripts/intent.js';
import { ROOT } from '../helpers.js';

const DOC = readFileSync(join(ROOT, 'docs', 'rubrics.md'), 'utf8');

/**
 * A fenced block the page marks for this test, by the comment above it:
 * `<!-- file: NAME, step N -->` a file as it stands at step N; `, finished` for the finished file;
 * `<!-- output, step N -->` what the last `rehearse` command above it prints at that step (an excerpt for `score`);
 * `<!-- excerpt: NAME, finished -->` lines that appear as they are in a finished file.
 */
interface Marked {
  kind: 'file' | 'output' | 'excerpt';
  name: string;
  step?: number;
  finished: boolean;
  text: string;
  /** Where the block starts in the page, to find the command an output belongs to. */
  at: number;
}

const MARKER = /<!-- (file|output|excerpt)(?:: ([\w.-]+))?((?:, [\w ]+)*) -->\n```\w*\n([\s\S]*?)```/g;

const marked: Marked[] = [...DOC.matchAll(MARKER)].map((m) => {
  const tags = m[3]!.split(', ').filter(Boolean);
  const step = tags.find((t) => t.startsWith('step '));
  return {
    kind: m[1] as Marked['kind'],
    name: m[2] ?? '',
    ...(step ? { step: Number(step.slice('step '.length)) } : {}),
    finished: tags.includes('finished'),
    text: m[4]!,
    at: m.index,
  };
});

const files = marked.filter((b) => b.kind === 'file');
const steps = [...new Set(files.flatMap((b) => (b.step === undefined ? [] : [b.step])))].sort((a, b) => a - b);

/** The files as they stand at a step (each name's latest version up to it), or the finished ones, in a new folder. */
function folder(stage: number | 'finished'): string {
  const dir = mkdtempSync(join(tmpdir(), `rehearse-docs-${stage}-`));
  const chosen = new Map<string, Marked>();
  for (const b of files) {
    if (stage === 'finished' ? b.finished : b.step !== undefined && b.step <= stage) chosen.set(b.name, b);
  }
  for (const [name, b] of chosen) writeFileSync(join(dir, name), b.text);
  return dir;
}

const finishedText = (name: string) => files.find((b) => b.finished && b.name === name)?.text;

/** The last `rehearse` command in the nearest shell block above a point of the page. */
function commandBefore(at: number): string {
  const blocks = [...DOC.slice(0, at).matchAll(/```sh\n([\s\S]*?)```/g)];
  const lines =
    blocks
      .at(-1)?.[1]!
      .split('\n')
      .filter((l) => l.startsWith('rehearse ')) ?? [];
  const command = lines.at(-1);
  if (!command) throw new Error(`no rehearse command above the output at ${at}`);
  return command;
}

/** What a command prints, run in-process on a folder: `validate` in full, `score --explain` its explanation. */
function run(command: string, dir: string): string[] {
  const args = command.split(/\s+/).slice(1);
  if (args[0] === 'validate') {
    return args.slice(1).flatMap((file) => {
      const issues = validateFile(join(dir, file)).errors;
      return issues.length
        ? formatIssues(issues)
            .split(dir + sep)
            .join('')
            .split('\n')
        : [`ok  ${file}`];
    });
  }
  const flag = (name: string) => args[args.indexOf(name) + 1]!;
  if (args[0] === 'score' && args.includes('--explain')) {
    const loaded = loadScenario(join(dir, flag('--scenario')));
    const rubric = loaded.rubrics[flag('--question')]!;
    const t = trace(rubric, readFileSync(join(dir, flag('<')), 'utf8'), { explain: true });
    return renderExplanation(explain(rubric, t)).split('\n');
  }
  throw new Error(`the test cannot run "${command}"`);
}

/** Totals depend on the fitted model, so the page's figures in messages are not compared. */
const figuresOut = (line: string) => line.trim().replace(/scores \d+/g, 'scores N');

/** The first expected line not found in the actual output, in order; undefined when all are. */
function firstMissing(expected: readonly string[], actual: readonly string[]): string | undefined {
  let from = 0;
  for (const line of expected) {
    const found = actual.findIndex((a, i) => i >= from && figuresOut(a) === figuresOut(line));
    if (found < 0) return line;
    from = found + 1;
  }
  return undefined;
}

const answerOf = (dir: string, name: string) => readFileSync(join(dir, name), 'utf8');

describe('docs/rubrics.md: the worked example', () => {
  it('marks a file for each step and the finished library and scenario', () => {
    expect(steps).toEqual([1, 2, 3, 4]);
    expect(finishedText('stakeholders.yaml')).toBeDefined();
    expect(finishedText('tillpoint.yaml')).toBeDefined();
  });

  const outputs = marked
    .filter((b) => b.kind === 'output')
    .map((b) => ({ ...b, stage: b.finished ? ('finished' as const) : b.step!, command: commandBefore(b.at) }));

  it.each(outputs)('$stage: `$command` prints what the page shows', ({ stage, text, command }) => {
    const actual = run(command, folder(stage));
    const expected = text.split('\n').filter((l) => l.trim());
    if (command.startsWith('rehearse validate')) expect(actual.map(figuresOut)).toEqual(expected.map(figuresOut));
    else expect(firstMissing(expected, actual), actual.join('\n')).toBeUndefined();
  });

  it.each(marked.filter((b) => b.kind === 'excerpt'))('the excerpt of $name appears in the finished file', ({ name, text }) => {
    expect(finishedText(name)).toContain(text);
  });

  it('step 1: the smallest library validates', () => {
    const library = loadLibrary(join(folder(1), 'stakeholders.yaml'));
    expect(library.rubrics.map((r) => r.id)).toEqual(['disagreement']);
  });

  it('step 2: the scenario validates, and a negated mention of her reasons does not count under the default polarity', () => {
    const dir = folder(2);
    const loaded = loadScenario(join(dir, 'tillpoint.yaml'));
    expect(calibrate(loaded)).toEqual([]);
    const t = trace(loaded.rubrics.pushback!, answerOf(dir, 'answer.txt'), { explain: true });
    expect(t.signals.get('hears_them')!.present).toBe(false);
    expect(t.rejected).toContainEqual(expect.objectContaining({ signal: 'hears_them', why: 'negated' }));
    expect(t.score.criteria.map((c) => [c.id, c.level])).toEqual([['understanding', 0]]);
  });

  describe('step 3', () => {
    const dir = folder(3);
    const rubric = loadScenario(join(dir, 'tillpoint.yaml')).rubrics.pushback!;

    it('with polarity any, the same answer reaches level 1', () => {
      const s = score(rubric, answerOf(dir, 'answer.txt'));
      expect(s.criteria.map((c) => [c.id, c.level])).toEqual([
        ['understanding', 1],
        ['resolution', 0],
      ]);
    });

    it('caving holds resolution at level 1 although both of its signals are present', () => {
      const t = trace(rubric, answerOf(dir, 'caving.txt'));
      expect(['names_tradeoff', 'decides', 'caves'].map((id) => t.signals.get(id)!.present)).toEqual([true, true, true]);
      expect(t.score.antiPatterns.map((a) => a.id)).toEqual(['caves_in']);
      expect(t.score.criteria.find((c) => c.id === 'resolution')).toMatchObject({ level: 1, cappedBy: 'caves_in' });
    });

    it.each([
      { answer: "I wouldn't give her what she asked for; we'd decide it together at planning.", signal: 'caves', present: false },
      { answer: "If we couldn't decide, the plan would stay as it is for the quarter.", signal: 'decides', present: false },
      { answer: 'The CEO makes the call at the monthly planning meeting, and we commit to it.', signal: 'decides', present: true },
    ])('the default polarity: "$answer" → $signal present: $present', ({ answer, signal, present }) => {
      expect(trace(rubric, answer).signals.get(signal)!.present).toBe(present);
    });
  });

  it('step 4: without a ceiling, validate reports the well-argued caving answer above the adequate one', () => {
    const loaded = loadScenario(join(folder(4), 'tillpoint.yaml'));
    const issues = calibrate(loaded);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.path).toEqual(['questions', 0, 'exemplars', 0]);
    expect(issues[0]!.message).toMatch(
      /^an adequate answer scores \d+, not above the weak answer that scores \d+; the rubric "disagreement"/,
    );
  });

  describe('the finished files', () => {
    const dir = folder('finished');
    const loaded = loadScenario(join(dir, 'tillpoint.yaml'));
    const question = loaded.scenario.questions[0]!;
    const rubric = loaded.rubrics.pushback!;

    it('validate: the library loads, and calibration reports nothing', () => {
      expect(loadLibrary(join(dir, 'stakeholders.yaml')).rubrics).toHaveLength(1);
      expect(calibrate(loaded)).toEqual([]);
    });

    it('ranks its exemplars: weak < adequate < strong, the caving one held at the top of weak by its ceiling', () => {
      const totals = (level: string) => question.exemplars.filter((e) => e.level === level).map((e) => score(rubric, e.text).total);
      const strong = score(rubric, question.example);
      const [adequate] = totals('adequate');
      expect(Math.max(...totals('weak'))).toBeLessThan(adequate!);
      expect(adequate!).toBeLessThan(strong.total);

      const caving = score(rubric, question.exemplars[2]!.text);
      expect(caving.antiPatterns.map((a) => a.id)).toEqual(['caves_in']);
      expect(caving.total).toBeLessThanOrEqual(44);
      expect(caving.model!.limitedBy).toBe('caves_in');
    });

    it('the strong example reaches the top level of every criterion and shows no anti-pattern', () => {
      const s = score(rubric, question.example);
      expect(s.criteria.map((c) => c.level === c.maxLevel)).toEqual([true, true]);
      expect(s.antiPatterns).toEqual([]);
      expect(s.band).toBe('strong');
    });

    it("detect recognises the scenario's question, and not a KPI question", () => {
      const library = loadLibrary(join(dir, 'stakeholders.yaml'));
      const reader = new IntentReader(library.rubrics.map((r) => ({ family: r.family, detect: r.detect, value: r.id })));
      expect(reader.read(question.prompt)?.family).toBe('stakeholders');
      expect(reader.read('What is the most important KPI for our app, and why?')).toBeUndefined();
    });
  });
});

/** Every field name in a schema, through optional, default, array and record wrappers into nested objects. */
function fieldsOf(schema: z.ZodType): string[] {
  if (schema instanceof z.ZodObject) {
    return Object.entries(schema.shape as Record<string, z.ZodType>).flatMap(([key, inner]) => [key, ...fieldsOf(inner)]);
  }
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodDefault) return fieldsOf(schema.unwrap() as z.ZodType);
  if (schema instanceof z.ZodArray) return fieldsOf(schema.element as z.ZodType);
  if (schema instanceof z.ZodRecord) return fieldsOf(schema.valueType as z.ZodType);
  return [];
}

describe('docs/rubrics.md keeps up with the schema', () => {
  const schemas = { Signal, Condition, Level, Criterion, AntiPattern, Rubric, RubricLibrary, Exemplar };

  it.each(Object.entries(schemas))('names every field of %s as `code`', (_, schema) => {
    const fields = [...new Set(fieldsOf(schema))];
    expect(fields.length).toBeGreaterThan(1);
    expect(fields.filter((f) => !DOC.includes(`\`${f}\``))).toEqual([]);
  });
});
