// Metamorphic relations: the same answer changed in a way an interviewer's grade would ignore, or
// graded under a question it does not answer. Every answer here is written for these tests.
import { describe, expect, it } from 'vitest';
import { score, trace } from '../../src/scoring/score.js';
import { explain, renderExplanation } from '../../src/report/explain.js';
import { answerView, quoted, remarks } from '../../src/report/view.js';
import { lemmaOf } from '../../src/scoring/rubric/relevance.js';
import { findScenario } from '../../src/scenario/catalog.js';
import { POLICY } from '../../src/policy/policy.js';
import { ANSWERS, CONCISE, GENERIC, type Family } from '../support/answers.js';
import { adviceForm, asBullets, pad, PADDING, unpunctuated } from '../support/metamorphic.js';

const loaded = findScenario('fintech');
const QUESTION: Record<Family, string> = {
  kpi: 'north-star',
  metrics: 'guardrails',
  incentives: 'incentives',
  shortfall: 'kpi-miss',
  risks: 'gaming',
};

/** An answer graded as the interview grades it: under the question's rubric, with the question asked. */
export const grade = (family: Family, text: string) => {
  const q = loaded.scenario.questions.find((x) => x.id === QUESTION[family])!;
  return score(loaded.rubrics[q.id]!, text, { question: q.prompt });
};

describe('appending sentences about something else earns nothing', () => {
  const cases = ANSWERS.flatMap((a, i) => PADDING.map((_, k) => ({ i, k, family: a.family, text: a.text })));
  const rises = cases.map(({ family, text, k }) => grade(family, pad(text, k)).total - grade(family, text).total);

  it('no answer rises by more than 3', () => {
    expect(Math.max(...rises)).toBeLessThanOrEqual(3);
  });

  it('a sentence that shares only the start of a word with the answer ("commute", "communication") is not read', () => {
    const text = `${ANSWERS[2]!.text} We communicate the shared target to both teams every week.`;
    const padded = `${text} I commute by train, which takes 45 minutes each way.`;
    const s = grade('incentives', padded);
    for (const c of s.criteria) for (const e of c.evidence) expect(e.start).toBeLessThan(text.length);
    expect(s.total).toBeLessThanOrEqual(grade('incentives', text).total + 3);
  });

  // Speech transcribed without a mark: the appended sentences run on from the answer's last words, and only
  // the words either side of each gap tell where they start.
  const spokenRises = (joiner: string) =>
    cases.map(
      ({ family, text, k }) =>
        grade(family, unpunctuated(`${text} ${joiner}${PADDING[k]!}`)).total - grade(family, unpunctuated(text)).total,
    );

  it('appended to an answer transcribed without punctuation, they raise no answer by more than 3', () => {
    expect(Math.max(...spokenRises(''))).toBeLessThanOrEqual(3);
  });

  // Joined on with "and", "so" or "also", as speech joins them, the target (none above 3) is not reached: where
  // the boundary model finds no start at the join, the story's first words are read with the answer's last.
  // A unit opening "so …" with no mark before it is carried on by the one before only when it is not about
  // something else, so the story after "so" is not read as part of the answer.
  it.each(['and ', 'so ', 'also '])(
    'appended after "%s" to it, at most two of eighteen rise by more than 3, none by more than 15',
    (joiner) => {
      const rises = spokenRises(joiner);
      expect(rises.filter((r) => r > 3).length).toBeLessThanOrEqual(2);
      expect(Math.max(...rises)).toBeLessThanOrEqual(15);
    },
  );

  it('the sentences appended are not read: no evidence quotes them', () => {
    const text = pad(ANSWERS[0]!.text, 0);
    const s = grade('kpi', text);
    const padStart = text.length - PADDING[0]!.length;
    for (const c of s.criteria) for (const e of c.evidence) expect(e.start).toBeLessThan(padStart);
  });
});

describe('an answer to another question keeps little of its score', () => {
  const unrelated: Record<string, Family[]> = {
    kpi: ['incentives', 'shortfall'],
    incentives: ['kpi', 'shortfall', 'risks'],
    shortfall: ['incentives', 'kpi'],
    risks: ['incentives'],
  };
  const cases = ANSWERS.flatMap((a, i) => (unrelated[a.family] ?? []).map((other) => ({ i, family: a.family, other, text: a.text })));
  const graded = cases.map(({ family, other, text }) => ({ own: grade(family, text), under: grade(other, text) }));

  it('every answer is on topic under its own question and scores less under every other', () => {
    for (const { own, under } of graded) {
      expect(own.flags.offTopic).toBeUndefined();
      expect(under.total, JSON.stringify([own.total, under.total, under.rubricId, own.rubricId, under.flags])).toBeLessThan(own.total);
    }
  });

  // The target is 90%; today 10 of these 13 pairs hold (see the note in docs/scoring.md and `npm run validity`).
  it('at least three in four keep at most 40% of their own score, are said to be off topic and land weak or below', () => {
    const held = graded.filter(
      ({ own, under }) =>
        under.total <= 0.4 * own.total && under.flags.offTopic === true && (under.band === 'weak' || under.band === 'insufficient'),
    );
    expect(held.length / graded.length).toBeGreaterThanOrEqual(0.75);
  });
});

describe('one sentence on another question’s ground is not an answer to that question', () => {
  it('a strong KPI answer with a sentence on what to do if the number slips keeps its grade', () => {
    const text = `${ANSWERS[0]!.text} Should it slip below plan halfway through a quarter, I'd cut the miss by region and signup cohort and brief leadership the same week.`;
    const s = grade('kpi', text);
    expect(s.flags.offTopic).toBeUndefined();
    expect(s.total).toBeGreaterThanOrEqual(grade('kpi', ANSWERS[0]!.text).total - 5);
  });

  it('an incentives answer under the KPI question is off topic, and the card names the question it answers', () => {
    const s = grade('kpi', ANSWERS[2]!.text);
    expect(s.flags.offTopic).toBe(true);
    expect(s.total).toBeLessThanOrEqual(10);
    expect(s.feedback.summary).toMatch(/^Off topic: .*another question \(aligning incentives/);
  });

  it.each(['kpi', 'incentives', 'shortfall', 'risks'] as const)(
    'an answer about nothing the interview asks (a weekend, with its numbers) is off topic under %s, and the card names no other question',
    (family) => {
      const s = grade(
        family,
        'Last weekend I baked sourdough with my sister and we watched the cricket final. The starter needed feeding twice because the kitchen was cold, and the loaf came out dense. Our team lost by four runs in the last over.',
      );
      expect(s.flags.offTopic).toBe(true);
      expect(s.total).toBeLessThanOrEqual(10);
      expect(s.feedback.summary).toMatch(/^Off topic: none of this answer bears on the question asked/);
      expect(s.feedback.summary).not.toMatch(/another question/);
    },
  );
});

describe('the same content in another form keeps its grade', () => {
  it.each(ANSWERS.map((a, i) => ({ i, ...a })))('answer $i ($family) as bullets moves by at most 5', ({ family, text }) => {
    expect(Math.abs(grade(family, asBullets(text)).total - grade(family, text).total)).toBeLessThanOrEqual(5);
  });

  const advisable = [...ANSWERS, ...CONCISE].filter((a) => adviceForm(a.text) !== a.text);
  it('most answers have sentences to put in advice form', () => expect(advisable.length).toBeGreaterThanOrEqual(6));
  it.each(advisable.map((a, i) => ({ i, ...a })))('answer $i ($family) in advice form moves by at most 5', ({ family, text }) => {
    expect(Math.abs(grade(family, adviceForm(text)).total - grade(family, text).total)).toBeLessThanOrEqual(5);
  });

  // Unpunctuated speech: the target is none above 5, not reached. Two answers of six still move by more (one
  // loses the reason and the situation its commas carried), none by more than 12; `npm run validity` gives
  // the rate on real answers.
  it('unpunctuated lower-case copies move by at most 5, four of six, and none by more than 12', () => {
    const moves = ANSWERS.map(({ family, text }) => Math.abs(grade(family, unpunctuated(text)).total - grade(family, text).total));
    expect(moves.filter((m) => m > 5).length).toBeLessThanOrEqual(2);
    expect(Math.max(...moves)).toBeLessThanOrEqual(12);
  });

  // Text typed with an East Asian keyboard, or pasted from one, ends its sentences with full-width marks.
  it.each(ANSWERS.map((a, i) => ({ i, ...a })))('answer $i ($family) with full-width ？！。 keeps its grade', ({ family, text }) => {
    const fullWidth = text
      .replace(/\.(?=\s|$)/gu, '。')
      .replace(/\?(?=\s|$)/gu, '？')
      .replace(/!(?=\s|$)/gu, '！');
    expect(fullWidth).not.toBe(text);
    expect(grade(family, fullWidth).total).toBe(grade(family, text).total);
  });

  it('a non-breaking hyphen or a curly apostrophe reads as the plain one', () => {
    const plain = ANSWERS[5]!.text.replace('’', "'");
    const typeset = ANSWERS[5]!.text.replace('back and forth', 'back‑and‑forth');
    expect(grade('risks', typeset).total).toBe(grade('risks', plain.replace('back and forth', 'back-and-forth')).total);
  });
});

describe('non-answers, hedges and restatements earn nothing', () => {
  it.each([
    "Honestly, I don't know.",
    'I am not sure, it really depends on a lot of things and every company is different.',
    'The most important KPI for our product is a very important question, and the KPI matters a lot for the product.',
    'Guardrails are important too. Governance is key. We need a dashboard.',
  ])('%s', (text) => {
    const s = grade('kpi', text);
    expect(s.total).toBeLessThanOrEqual(10);
    expect(s.criteria.every((c) => c.level === 0)).toBe(true);
  });

  // Written for this test: the question said back in other words, one per question of the scenario.
  it.each<[Family, string]>([
    [
      'kpi',
      'You are asking which KPI matters most for the product and why. That is a big question. The KPI that matters most is the one that tells us the product is doing well, and that is why it matters so much.',
    ],
    [
      'incentives',
      'So, how to align incentives between product and the commercial team. Product and the commercial team need aligned incentives, and aligning the incentives of both teams is what makes them work together.',
    ],
    [
      'shortfall',
      'If the number is below target halfway through the quarter, I would want to know why it is below target and then act on it, so that we get back to the target by the end of the quarter.',
    ],
    [
      'risks',
      'Any KPI can be gamed, and short-term thinking is a real risk with targets. I would make sure the KPI is not gamed and that we think long term rather than short term.',
    ],
  ])('the %s question said back earns nothing: "%s"', (family, text) => {
    const s = grade(family, text);
    expect(s.total).toBeLessThanOrEqual(10);
    expect(s.criteria.every((c) => c.level === 0)).toBe(true);
    expect(s.flags.nonAnswer).toBe('restatement');
  });

  // Words any answer could use ("its own job", "what counts") still read as the answer's own, so this is
  // no restatement; but it meets no level, names none of the rubric's signals and shows no reasoning.
  const SAID_BACK =
    'Around the north star I would have secondary metrics, input metrics and guardrail metrics, and I would use all of them. Each kind has its own job, and using them well is what counts.';

  it('the metrics question said back with a few common words earns nothing', () => {
    const s = grade('metrics', SAID_BACK);
    expect(s.total).toBeLessThanOrEqual(POLICY.nonAnswer.nothingEarnedCap);
    expect(s.criteria.every((c) => c.level === 0)).toBe(true);
    expect(s.model?.limitedBy).toBe('nothing earned');
    // Reaching a level would earn something, so the card still says what would raise the score, by how much.
    expect(s.feedback.improvements.length).toBeGreaterThan(0);
    for (const i of s.feedback.improvements) expect(i.gain).toBeGreaterThan(0);
  });

  it('padded with sentences about something else, it still earns nothing', () => {
    for (let k = 0; k < PADDING.length; k++)
      expect(grade('metrics', pad(SAID_BACK, k)).total).toBeLessThanOrEqual(POLICY.nonAnswer.nothingEarnedCap);
  });

  it('with one thing filled in (a guardrail and its line), it is graded on that, above what nothing earns', () => {
    const s = grade('metrics', `${SAID_BACK} The guardrail is refund disputes, which must stay under 0.5% of payments each week.`);
    expect(s.model?.limitedBy).toBeUndefined();
    expect(s.total).toBeGreaterThan(POLICY.nonAnswer.nothingEarnedCap);
  });

  it('a follow-up asked after the last answer changes nothing of how the answers are graded', () => {
    const q = loaded.scenario.questions.find((x) => x.id === QUESTION.kpi)!;
    const rubric = loaded.rubrics[q.id]!;
    // The second answer's words are the next follow-up's, not yet asked when it was given.
    const turns = [
      'You are asking which KPI matters most for the product and why. The KPI that matters most is the one that tells us the product is doing well.',
      'For UPI merchants in India in particular.',
    ];
    const asked = ['how-arrived', 'why-here']
      .map((id) => q.followUps.find((f) => f.id === id)!)
      .map((f) => ({ prompt: f.prompt, targets: f.targets }));
    const answered = score(rubric, turns, { question: q.prompt, followUps: asked.slice(0, 1) });
    expect(score(rubric, turns, { question: q.prompt, followUps: asked })).toEqual(answered);
  });

  it('a restatement padded with sentences about something else is still a restatement', () => {
    const restated =
      'You are asking which KPI matters most for the product and why. The KPI that matters most is the one that tells us the product is doing well.';
    for (let k = 0; k < PADDING.length; k++) {
      const s = grade('kpi', pad(restated, k));
      expect(s.flags.nonAnswer).toBe('restatement');
      expect(s.total).toBe(0);
    }
  });

  it("the question's own figures are not the answer's own", () => {
    const saas = findScenario('saas');
    const q = saas.scenario.questions.find((x) => x.id === 'nrr-miss')!;
    const figures = score(
      saas.rubrics[q.id]!,
      'Net revenue retention came in at 96% against a 105% target, so what happens next is what happens after a miss like that.',
      {
        question: q.prompt,
      },
    );
    expect(figures.flags.nonAnswer).toBe('restatement');
  });

  // The question's headings said back in two sentences, as prose and as a numbered list: no number that numbers a list is the answer's own.
  const headingsOnly = [
    'The most important KPI for the product is the KPI that matters most.',
    'The reason it matters is that it tells us whether the product is doing well.',
  ] as const;
  it.each([
    ['as prose', (a: string, b: string) => `${a} ${b}`],
    ['numbered "1)"', (a: string, b: string) => `1) ${a} 2) ${b}`],
    ['numbered "1-"', (a: string, b: string) => `1- ${a} 2- ${b}`],
  ])('a restatement made only of the headings, %s, is a restatement, not off topic', (_, join) => {
    expect(grade('kpi', join(...headingsOnly)).flags.nonAnswer).toBe('restatement');
  });

  it("padding that repeats a restatement's one word of its own does not make it an answer", () => {
    const restated = 'The KPI that matters most is footfall. It is the KPI that matters most.';
    const padded = `${restated} I play cricket with my friends on Sundays. Footfall at my cousin's bakery doubled after the festival.`;
    expect(grade('kpi', restated).flags.nonAnswer).toBe('restatement');
    expect(grade('kpi', padded).total).toBeLessThanOrEqual(grade('kpi', restated).total + 3);
  });

  it('the same restatement with the thing itself added is graded, and higher', () => {
    const restated =
      'You are asking which KPI matters most for the product and why. The KPI that matters most is the one that tells us the product is doing well.';
    const answered = `${restated} For us that is merchants who took at least one successful payment in the last seven days, because fee revenue follows them.`;
    const s = grade('kpi', answered);
    expect(s.flags.nonAnswer).toBeUndefined();
    expect(s.total).toBeGreaterThan(grade('kpi', restated).total + 20);
  });

  it("naming the rubric's headings without a choice meets no criterion", () => {
    const template =
      'The single most important metric should be defined clearly. I would look at the drivers, the leading indicators and the guardrails, and put them all on a dashboard that the teams review.';
    const s = grade('kpi', template);
    expect(s.criteria.find((c) => c.id === 'choice')!.level).toBe(0);
    expect(s.band === 'weak' || s.band === 'insufficient').toBe(true);
  });
});

describe('a denial counts wherever it is said', () => {
  const risks = ANSWERS.filter((a) => a.family === 'risks');

  it.each(["I don't see real risks here.", "Honestly, I can't see any risk with it.", "There aren't any real risks with it."])(
    '"%s" before a risk answer lowers it, and the card names the dismissal',
    (denial) => {
      expect(risks.length).toBeGreaterThan(0);
      for (const a of risks) {
        const s = grade('risks', `${denial} ${a.text}`);
        expect(s.antiPatterns.map((x) => x.id)).toContain('dismisses_risk');
        expect(s.total).toBeLessThan(grade('risks', a.text).total);
      }
    },
  );

  it("someone else's view, disputed, is no dismissal; the speaker's own is", () => {
    const rebutted = grade(
      'risks',
      "The growth team will say there aren't any risks, but cashback invites merchants to pay themselves in loops, so I would track repeat payer and merchant pairs.",
    );
    expect(rebutted.antiPatterns.map((x) => x.id)).not.toContain('dismisses_risk');
    const own = grade(
      'risks',
      "I'd say there aren't any real risks with cashback, but I would cap rewards per sender and receiver pair and audit the top accounts weekly.",
    );
    expect(own.antiPatterns.map((x) => x.id)).toContain('dismisses_risk');
  });

  it('a dismissal said without punctuation is read as the punctuated one is', () => {
    for (const a of risks) {
      const spoken = grade('risks', unpunctuated(`${a.text} I don't see real risks here.`));
      expect(spoken.antiPatterns.map((x) => x.id)).toContain('dismisses_risk');
    }
  });

  it("a mentor's saying before the candidate's own pick leaves the pick the candidate's", () => {
    const s = grade(
      'kpi',
      'As my mentor always says, I would pick weekly paying merchants as our north star, because they are the ones who pay us fees, but I would watch refunds too.',
    );
    const choice = s.criteria.find((c) => c.id === 'choice')!;
    expect(choice.level).toBeGreaterThanOrEqual(choice.bar);
  });

  it('a sentence about something else that happens to name a risk or screen time holds nothing down', () => {
    for (const a of risks) {
      const padded = grade('risks', `${a.text} The forecast said there is no risk of rain on Saturday, so we booked the boat.`);
      const plain = grade('risks', a.text);
      expect(padded.criteria.map((c) => c.level)).toEqual(plain.criteria.map((c) => c.level));
      expect(padded.total).toBeGreaterThanOrEqual(plain.total - 3);
    }
    for (const a of ANSWERS.filter((x) => x.family === 'kpi')) {
      const padded = grade('kpi', `Screen time at home is a daily fight with my kids, honestly. ${a.text}`);
      expect(padded.antiPatterns.map((x) => x.id)).not.toContain('attention_kpi');
      expect(padded.total).toBeGreaterThanOrEqual(grade('kpi', a.text).total - 3);
    }
  });

  it('the explanation names what a sentence set aside still holds down', () => {
    const q = loaded.scenario.questions.find((x) => x.id === QUESTION.risks)!;
    const rubric = loaded.rubrics[q.id]!;
    const text = `I don't see real risks here. ${risks[0]!.text}`;
    const t = trace(rubric, text, { explain: true, asked: { question: q.prompt } });
    const rendered = renderExplanation(explain(rubric, t));
    expect(rendered).toMatch(/set aside: [^\n]*\n\s+holds the answer down all the same: risk_denied/u);
  });

  it('a sentence set aside as naming only headings still holds down the level it denies', () => {
    const text =
      "I don't see real risks in the metric. Cashback brings merchants in and the transaction count goes up, so I would run the campaign.";
    const s = grade('risks', text);
    expect(s.criteria.find((c) => c.id === 'identify')!.level).toBe(0);
  });
});

describe('a horizon named in plain words', () => {
  // Written for this test: the quarter weighed against what lasts, without "short-term" or "long-term".
  it.each([
    "I'd rather miss this quarter's number than teach merchants to pay with us only while there is cashback.",
    'Cashback buys transactions now, but the merchants it brings leave when it stops, and that hurts us in the long run.',
    'Hitting the target with subsidies looks fine today and costs us down the line, when the subsidy ends and the volume goes with it.',
    'Judge the cashback push on shops still taking payments six months later, not on the volume it buys this quarter.',
  ])('"%s" meets the short and long term bar', (text) => {
    const s = grade('risks', text);
    const c = s.criteria.find((x) => x.id === 'balance')!;
    expect(c.level).toBeGreaterThanOrEqual(c.bar);
  });
});

describe('a later date is a horizon only with its distance', () => {
  it('"six months later" meets the bar; "later" alone does not', () => {
    const balance = (text: string) => grade('risks', text).criteria.find((x) => x.id === 'balance')!.level;
    expect(balance('Judge the cashback push on shops still taking payments six months later.')).toBeGreaterThanOrEqual(1);
    expect(balance('Judge the cashback push on shops still taking payments later.')).toBe(0);
  });

  it.each([
    'We spent four months on it before launch.',
    'She took six months out to build the cashback flow.',
    'We spent a year on the returns process.',
  ])('"%s" is time spent, not a horizon', (text) => {
    expect(grade('risks', text).criteria.find((x) => x.id === 'balance')!.level).toBe(0);
  });
  it('(the bar) "a year from now" is a horizon', () => {
    expect(
      grade('risks', 'Judge the cashback push on shops still taking payments a year from now.').criteria.find((x) => x.id === 'balance')!
        .level,
    ).toBeGreaterThanOrEqual(1);
  });
});

describe('a horizon in plain words is for the risks rubric alone', () => {
  it('under the metrics question, "in the long run" is no leading or lagging indicator', () => {
    const s = grade(
      'metrics',
      'Payment success rate matters in the long run, because merchants whose payments fail leave us. I would watch refunds per thousand payments too.',
    );
    expect(s.criteria.find((c) => c.id === 'balance')!.level).toBe(0);
  });
});

describe('the card quotes each part of an answer once', () => {
  it('no two quotes of a criterion or an anti-pattern overlap', () => {
    const shapes = [(t: string) => t, asBullets, unpunctuated];
    for (const a of [...ANSWERS, ...CONCISE, ...GENERIC])
      for (const shape of shapes) {
        const s = grade(a.family, shape(a.text));
        for (const quotes of [...s.criteria, ...s.antiPatterns].map((c) => c.evidence))
          quotes.forEach((e, i) =>
            quotes.slice(i + 1).forEach((f) => expect(e.turn === f.turn && e.start < f.end && f.start < e.end).toBe(false)),
          );
      }
  });
});

describe('relevance is shown', () => {
  it('an answer about the question is not flagged and reports its share on the question', () => {
    const s = grade('kpi', ANSWERS[0]!.text);
    expect(s.flags.offTopic).toBeUndefined();
    expect(s.flags.relevance).toBeGreaterThan(0.9);
  });

  it('unpunctuated speech is split into sentences, so the answer is not read as one run-on line', () => {
    const s = grade('kpi', unpunctuated(ANSWERS[0]!.text));
    expect(s.flags.listOnly).toBe(false);
    expect(s.total).toBeGreaterThan(grade('kpi', ANSWERS[0]!.text).total - 20);
  });
});

describe('a sentence that opens by pointing back is read with the one before it', () => {
  // Written for this test: the second sentence names nothing of the question; its opening word points back.
  it.each(["It's", "That's"])('"%s…" after the choice', (opening) => {
    const t = trace(
      loaded.rubrics[QUESTION.kpi]!,
      `My north star is merchants who take ten QR payments a week. ${opening} where lending and soundbox rentals begin.`,
    );
    expect([...t.relevance.relevant]).toEqual([1, 1]);
  });
});

describe("a short answer whose second sentence names another question's words but answers this one", () => {
  // Written for this test: the guard against the risk is said in metrics' and the KPI's words.
  const answer =
    "Cashback invites fake volume. I'd cap rewards per pair of accounts and judge the campaign on merchants active three months later.";

  it('is on the question, both sentences read, and at least adequate', () => {
    const t = trace(loaded.rubrics[QUESTION.risks]!, answer, {
      asked: { question: loaded.scenario.questions.find((q) => q.id === QUESTION.risks)!.prompt },
    });
    expect(t.score.flags.offTopic).toBeUndefined();
    expect([...t.relevance.relevant]).toEqual([1, 1]);
    expect(['adequate', 'strong']).toContain(t.score.band);
  });

  it('padded with unrelated sentences, it earns no more', () => {
    for (let k = 0; k < PADDING.length; k++)
      expect(grade('risks', pad(answer, k)).total).toBeLessThanOrEqual(grade('risks', answer).total + 3);
  });

  it('under the incentives question, it keeps at most 40% of its score', () => {
    expect(grade('incentives', answer).total).toBeLessThanOrEqual(0.4 * grade('risks', answer).total);
  });

  // Not yet: under the shortfall question it meets no criterion, yet its figures and its shape keep it
  // adequate. Capping answers that meet no criterion lowered agreement with the raters (0.76 to 0.72).
  it.fails('under the shortfall question, it keeps at most 40% of its score (not yet)', () => {
    expect(grade('shortfall', answer).total).toBeLessThanOrEqual(0.4 * grade('risks', answer).total);
  });
});

describe('length is not quality', () => {
  it.each(CONCISE.map((a, i) => ({ i, ...a })))(
    'concise answer $i ($family, at most 50 words) is at least adequate',
    ({ family, text }) => {
      expect(text.split(/\s+/u).length).toBeLessThanOrEqual(50);
      expect(['adequate', 'strong']).toContain(grade(family, text).band);
    },
  );

  it('each concise answer scores above every long generic answer to the same question', () => {
    for (const c of CONCISE)
      for (const g of GENERIC.filter((x) => x.family === c.family))
        expect(grade(c.family, c.text).total).toBeGreaterThan(grade(g.family, g.text).total);
  });

  it.each(GENERIC.filter((a) => a.family !== 'shortfall').map((a, i) => ({ i, ...a })))(
    'long generic answer $i ($family) is weak or below',
    ({ family, text }) => {
      expect(text.split(/\s+/u).length).toBeGreaterThan(75);
      expect(['weak', 'insufficient']).toContain(grade(family, text).band);
    },
  );

  // A concise answer that commits, defines and guards is strong. The KPI and metrics answers are (a
  // threshold defines, another metric is called the vanity version, a guardrail has its line, a condition
  // on it decides); the others are the target not reached yet, kept so the day each holds is noticed.
  const concise = CONCISE.map((a, i) => ({ i, ...a }));
  const strongNow = (a: { family: Family }) => a.family === 'kpi' || a.family === 'metrics';
  it.each(concise.filter(strongNow))('concise answer $i ($family) is strong', ({ family, text }) => {
    expect(grade(family, text).band).toBe('strong');
  });
  it.fails.each(concise.filter((a) => !strongNow(a)))('concise answer $i ($family) is strong (not yet)', ({ family, text }) => {
    expect(grade(family, text).band).toBe('strong');
  });
});

describe('the same word, inflected or not, and words that only start alike', () => {
  it.each([
    ['churning', 'churn', true],
    ['priced', 'pricing', true],
    ['running', 'runs', true],
    ['cohorts', 'cohort', true],
    ['commute', 'communication', false],
    ['starter', 'start', false],
    ['checking', 'cheque', false],
    ['bookings', 'booking', true],
  ])('%s and %s: %s', (a, b, same) => {
    expect(lemmaOf(a) === lemmaOf(b)).toBe(same);
  });
});

describe('an answer that keeps coming back to what the question asks about is on it', () => {
  const rubric = loaded.rubrics['kpi-miss']!;
  const question = 'Bookings fell to zero overnight while every health check stayed green. What happened, and what do you change?';
  const story =
    'It was a Monday morning. I opened the admin page and saw no bookings since midnight, not one in seven hours. ' +
    'Guests saw a spinner and left without a booking. The bookings came back after we rolled the release back.';

  it('a story told around the question’s own noun is graded, not set aside as off topic', () => {
    const s = score(rubric, story, { question });
    expect(s.flags.offTopic).toBeUndefined();
    expect(s.flags.relevance).toBeGreaterThan(0.5);
  });

  it('the same story under a question that never names that noun is off topic', () => {
    const other = 'Halfway through the quarter, monthly transacting merchants are 20% below target. What do you do?';
    expect(score(rubric, story, { question: other }).flags.offTopic).toBe(true);
  });
});

describe('saying one does not know, at any length, earns nothing', () => {
  // Written for this test: admissions wrapped in a reason or a promise, and one that goes on to answer.
  it.each([
    "I don't know, honestly. I've never worked on subscriptions, so I'm not sure what I would pick here.",
    "Not sure what the right number is for this, I'd have to think about it more and ask the team before I said anything.",
    'honestly i dont know i have not done this kind of product before so i would need to look into it first',
  ])('"%s" is a non-answer', (text) => {
    const s = grade('kpi', text);
    expect(s.total).toBe(0);
    expect(s.flags.nonAnswer).toBe('non-answer');
  });

  it('is said to be no attempt, and not also off the question: one reason', () => {
    const s = grade('shortfall', "Honestly I have no idea, I'd panic. Perhaps a sale?");
    expect(s.flags.nonAnswer).toBe('non-answer');
    expect(remarks(answerView(s, quoted))).toEqual(['not graded as an attempt: it says there is no answer yet']);
  });

  it('"I\'m not sure" before a choice with its reason is an answer', () => {
    const s = grade(
      'kpi',
      "I'm not sure payment volume is right, since one big shop can carry it. I'd pick merchants taking at least 20 payments a week, because regular use is what loans and rentals follow.",
    );
    expect(s.flags.nonAnswer).toBeUndefined();
    expect(s.total).toBeGreaterThan(20);
  });
});
