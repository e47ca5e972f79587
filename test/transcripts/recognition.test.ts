// Reworded questions are recognised by their family, and a question nobody recognises keeps its
// answers to itself.
import { describe, expect, it } from 'vitest';
import { PARAPHRASES, recognition } from '../../bench/recognition.js';
import { loadLibrary } from '../../src/scenario/load.js';
import { align, detectFamily, familiesOf } from '../../src/transcripts/align.js';
import { loadCatalog } from '../../src/scenario/catalog.js';
import { parseTranscripts } from '../../src/transcripts/detect.js';
import { cast } from '../../src/transcripts/speakers.js';

describe('recognising reworded questions', () => {
  const sets = recognition(PARAPHRASES);

  it('has at least 30 questions, five or more per family, in each of its sets together', () => {
    const total = sets.reduce((n, s) => n + s.total, 0);
    expect(total).toBeGreaterThanOrEqual(30);
  });

  // A question is graded only when it is read with confidence, so a few rewordings that show one
  // weak cue and nothing else are listed as not graded rather than guessed: 90% over all the sets,
  // and no set below 85%.
  it('recognises 90% or more of all the sets together', () => {
    const recognised = sets.reduce((n, s) => n + s.recognised, 0);
    const total = sets.reduce((n, s) => n + s.total, 0);
    expect({ rate: recognised / total >= 0.9, misses: sets.flatMap((s) => s.misses) }).toMatchObject({ rate: true });
  });

  it.each(sets)('recognises 85% or more of the $set set', (s) => {
    // The misses, named, so a drop says which questions it lost.
    expect({ rate: s.recognised / s.total >= 0.85, misses: s.misses }).toMatchObject({ rate: true });
  });
});

describe('a question nobody recognises', () => {
  const families = familiesOf([loadLibrary('scenarios/rubrics/pm.yaml')], []);

  it('never lends its answers to the question before it', () => {
    const t = parseTranscripts(
      [
        'Host: Which single number would you run this product by, and why?',
        'Guest: Weekly active teams, because a team that comes back every week has made it part of its work.',
        'Host: Before we go on, a word from our sponsor. Do you like coffee?',
        'Guest: I drink far too much of it, honestly, and the mornings are better for it.',
        'Host: Which city has the best bakeries, in your view?',
        'Guest: Porto, without a doubt, and I have tried most of them.',
      ].join('\n'),
    )[0]!;
    const a = align(cast(t), families);
    expect(a.questions.map((q) => [q.family, q.answers.map((x) => x.line)])).toEqual([['kpi', [2]]]);
    // The sponsor read closes the question; the questions after it are reported with the answer given to them, graded nowhere.
    expect(a.unaligned.map((u) => [u.line, u.kind, u.answers])).toEqual([[5, 'unrecognised', 1]]);
    expect(a.skipped).toBe(1);
  });

  it('is named when it is a kind rehearse knows but has no rubric for', () => {
    const t = parseTranscripts(
      'Interviewer: Tell me about a time you disagreed with your manager.\nCandidate: At my last job we argued about a launch date.\n',
    )[0]!;
    const a = align(cast(t), families);
    expect(a.questions).toEqual([]);
    expect(a.unaligned[0]!.reason).toMatch(/^a behavioural question; rehearse has no rubric for that kind of question$/);
  });

  it('a follow-up about the open question stays with it', () => {
    const t = parseTranscripts(
      [
        'Interviewer: What is the one metric you would pick for this product?',
        'Candidate: Repeat orders per customer in ninety days.',
        'Interviewer: Why ninety days rather than thirty?',
        'Candidate: Most of our customers reorder every six to eight weeks.',
      ].join('\n'),
    )[0]!;
    const a = align(cast(t), families);
    expect(a.questions.map((q) => [q.family, q.followUps, q.answers.length])).toEqual([['kpi', 1, 2]]);
    expect(a.unaligned).toEqual([]);
  });
});

describe("the shipped scenarios' own questions", () => {
  // A transcript of a rehearse interview graded with --scenario auto: every question asked must be
  // read as its rubric's family with confidence, or the batch says it cannot grade the interview.
  const catalog = loadCatalog();
  const families = familiesOf([...new Set(catalog.flatMap((s) => s.libraries))], []);
  const questions = catalog.flatMap((s) =>
    s.scenario.questions.map((q) => ({ where: `${s.scenario.id}/${q.id}`, prompt: q.prompt, family: s.rubrics[q.id]!.family })),
  );
  it.each(questions)('$where is read as $family', ({ prompt, family }) => {
    expect(detectFamily(prompt, families)?.family).toBe(family);
  });
});
