// `score --explain`: the rendering of an explanation, and that an explanation agrees with its score.
import { describe, expect, it } from 'vitest';
import { explain, renderExplanation, type Explanation } from '../../src/report/explain.js';
import { loadScenario } from '../../src/scenario/load.js';
import { BANDS, trace } from '../../src/scoring/score.js';
import { fixture } from '../helpers.js';

const total: Explanation['total'] = {
  intercept: 12,
  terms: [
    { feature: 'rubric', label: 'rubric levels', value: 0.5, weight: 40, points: 20 },
    { feature: 'antiPatterns', label: 'rubric anti-patterns', value: 1, weight: -5, points: -5 },
  ],
  sum: 27,
  total: 31,
  band: 'weak',
  cuts: { weak: 10, adequate: 30, strong: 60 },
  scale: { weak: 20, adequate: 45, strong: 70 },
  modelVersion: 'm-test',
};

const explanation: Explanation = {
  sentences: [
    {
      turn: 0,
      start: 0,
      end: 40,
      text: 'My north star is monthly active borrowers.',
      prose: true,
      signals: ['committed_metric'],
      serves: { committed_metric: ['Chooses one precise KPI'] },
      rejected: [
        { signal: 'vanity_affirmed', phrase: 'installs', why: 'negated' },
        { signal: 'vanity_lead', phrase: 'installs', why: 'negated' },
      ],
      features: [{ feature: 'causal', words: 'because' }],
    },
    { turn: 1, start: 0, end: 9, text: 'installs,\n downloads', prose: false, signals: [], serves: {}, rejected: [], features: [] },
  ],
  criteria: [
    {
      id: 'choice',
      title: 'Chooses one precise KPI',
      level: 2,
      maxLevel: 3,
      condition: 'any of committed_metric',
      held: ['committed_metric'],
    },
    { id: 'context', title: 'Fits', level: 0, maxLevel: 2, condition: 'level 0: no condition', held: [], cappedBy: 'vanity_kpi' },
  ],
  antiPatterns: [
    { id: 'vanity_kpi', condition: 'any of vanity_lead', penalty: 15, cap: 'choice at most level 1', ceiling: 'at most weak' },
  ],
  total,
};

describe('renderExplanation', () => {
  it('every step from the sentences to the total', () => {
    expect(renderExplanation(explanation)).toBe(
      [
        'Sentences',
        '  [1] “My north star is monthly active borrowers.”',
        '      counted: committed_metric (Chooses one precise KPI)',
        '      not counted: “installs” (negated or criticised) for vanity_affirmed, vanity_lead',
        '      reasoning: causal “because”',
        '  [2] (answer 2) (fragment) “installs, downloads”',
        '',
        'Criteria',
        '  Chooses one precise KPI: level 2/3',
        '      earned by any of committed_metric; present: committed_metric',
        '  Fits: level 0/2 (held down by vanity_kpi)',
        '      level 0: no condition',
        '',
        'Anti-patterns',
        '  vanity_kpi: when any of vanity_lead; penalty 15 (in the "rubric anti-patterns" term below); choice at most level 1; at most weak',
        '',
        'Total (model m-test)',
        `  ${"start (the model's intercept)".padEnd(58)}   12.0`,
        `  ${'feature'.padEnd(40)} value   weight   points`,
        `  ${'rubric levels'.padEnd(40)}  0.50 ×   40.0 =  +20.0`,
        `  ${'rubric anti-patterns'.padEnd(40)}  1.00 ×   -5.0 =   −5.0`,
        `  ${'sum'.padEnd(58)}   27.0`,
        "  on the 0–100 scale: the sum's band cut points 10 / 30 / 60 become 20 / 45 / 70",
        '  total 31: weak (weak from 20, adequate from 45, strong from 70)',
      ].join('\n'),
    );
  });

  it.each<[string, Partial<Explanation['total']>, string]>([
    ['a non-answer stops at the intercept', { nonAnswer: 'empty' }, '  not an answer (empty): the total is 0 whatever the sum'],
    ['a limit on the total is named', { limitedBy: 'list-only' }, '  limited by list-only'],
  ])('%s', (_, over, line) => {
    const text = renderExplanation({ ...explanation, antiPatterns: [], total: { ...total, ...over } });
    expect(text.split('\n')).toContain(line);
    expect(text).toContain('Anti-patterns\n  none');
  });
});

describe('explain', () => {
  const loaded = loadScenario(fixture('scenarios/good/interview.yaml'));
  const rubric = loaded.rubrics.kpi!;

  it.each([
    ['a strong answer', loaded.scenario.questions[0]!.example],
    ['a weak answer and a follow-up', ['Engagement matters most.', 'I would count app installs, because they show growth.']],
    ['a non-answer', 'dont know'],
  ])('agrees with the score it explains: %s', (_, answer) => {
    const t = trace(rubric, answer, { explain: true });
    const e = explain(rubric, t);
    const turns = typeof answer === 'string' ? [answer] : answer;
    for (const s of e.sentences) expect(turns[s.turn]!.slice(s.start, s.end)).toBe(s.text);
    expect(e.criteria.map((c) => [c.id, c.level, c.maxLevel])).toEqual(t.score.criteria.map((c) => [c.id, c.level, c.maxLevel]));
    expect(e.antiPatterns.map((a) => a.id)).toEqual(t.score.antiPatterns.map((a) => a.id));
    expect(e.total).toMatchObject({ total: t.score.total, band: t.score.band, scale: BANDS, cuts: rubric.model.bands });
    // What a sentence counted is a signal the score found; a criterion holds only what it names.
    for (const s of e.sentences) for (const id of s.signals) expect(t.signals.get(id)?.present).toBe(true);
    for (const c of e.criteria) for (const id of c.held) expect(c.condition).toContain(id);
    const text = renderExplanation(e);
    if (t.score.flags.nonAnswer) {
      expect(e.total).toMatchObject({ total: 0, nonAnswer: t.score.flags.nonAnswer });
      expect(text).toContain(`not an answer (${t.score.flags.nonAnswer})`);
    } else {
      // The terms add up to the sum, give or take their rounding to a tenth.
      const added = e.total.intercept + e.total.terms.reduce((n, x) => n + x.points, 0);
      expect(Math.abs(added - e.total.sum)).toBeLessThanOrEqual(0.05 * e.total.terms.length + 1e-9);
      expect(text).toContain(`total ${t.score.total}: ${t.score.band} (`);
    }
  });

  it('lists every sentence, and says why the ones not read were set aside', () => {
    const q = loaded.scenario.questions[0]!;
    const answer = `${q.example} Guardrails are important too. Last summer I spent 12 days hiking in the hills with my cousins.`;
    const t = trace(rubric, answer, { explain: true, asked: { question: q.prompt } });
    const e = explain(rubric, t);
    expect(e.sentences.map((s) => s.text)).toEqual(t.whole.sentences.map((s) => answer.slice(s.start, s.end)));
    const last = e.sentences.at(-1)!;
    expect(last).toMatchObject({
      text: 'Last summer I spent 12 days hiking in the hills with my cousins.',
      setAside: 'off-topic',
      signals: [],
      features: [],
    });
    expect(e.sentences.at(-2)).toMatchObject({ text: 'Guardrails are important too.', setAside: 'unfilled' });
    // What was read matches what the score read: the sentences not set aside, in order.
    expect(e.sentences.filter((s) => !s.setAside).length).toBe(t.analysis.sentences.length);
    expect(renderExplanation(e)).toContain('set aside: not about the question asked; it earns nothing');
  });
});
