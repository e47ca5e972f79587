// The scorer grades reasoning, not phrasing: each failure class of a phrase-matching scorer, with answers
// written for these tests (none from the labelled development set).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decide } from '../../src/interview/policy.js';
import { loadLibrary, loadScenario } from '../../src/scenario/load.js';
import { resolveRubric } from '../../src/scenario/rubric.js';
import { score, trace } from '../../src/scoring/score.js';
import { ROOT, rubricOf } from '../helpers.js';

const kpi = rubricOf('fintech', 'north-star');
const incentives = rubricOf('fintech', 'incentives');
const level = (s: ReturnType<typeof score>, id: string) => s.criteria.find((c) => c.id === id)!.level;

describe('generic template answers do not score high', () => {
  // Scaffolding and rubric words ("because", "drives revenue", "user value"), six metric names, no choice.
  const template =
    'Firstly, it is important to track DAU and MAU, because they reflect user engagement and engagement drives revenue. ' +
    'Secondly, retention is a key metric for long-term growth and it is essential to monitor it closely. ' +
    'Thirdly, ARR and LTV matter as they measure the business outcome, while CAC ensures we acquire customers efficiently. ' +
    'Additionally, NPS captures customer satisfaction and user value. ' +
    'By reviewing these KPIs weekly on a dashboard, the team can ensure alignment with strategic business goals and deliver value to users.';
  const chosen =
    "I'd pick successful payments per active merchant per week. A merchant who takes thirty payments a week through us has moved their counter to our QR, and that is what our soundbox rental and loan revenue follow. " +
    'Installs or sign-ups would look better on a slide, but a merchant who signed up and never took a payment is a cost. If it slips for a city, we check settlement delays there first, because that is when merchants drift back to cash.';

  it('a list of metric names with "it is important to track" and "firstly… secondly…" is weak at most', () => {
    const s = score(kpi, template);
    expect(['insufficient', 'weak']).toContain(s.band);
  });

  it('scores at least 20 points below one chosen, reasoned metric', () => {
    expect(score(kpi, chosen).total - score(kpi, template).total).toBeGreaterThanOrEqual(20);
  });
});

describe('sound reasoning in other words is recognised', () => {
  it('a metric defined by its formula and its stakes, never announced as "my KPI", is at least adequate', () => {
    const s = score(
      kpi,
      'Payment success rate: of all the UPI payments customers start at our merchants, the share that go through on the first try. ' +
        "Each point we gain is thousands of sales a day that don't fall back to cash, and a merchant who sees two failures at the counter in a week takes the QR down.",
    );
    expect(['adequate', 'strong']).toContain(s.band);
    expect(level(s, 'definition')).toBeGreaterThanOrEqual(1);
  });

  it('a process answer that works back from the outcome is graded as an attempt, not as nothing', () => {
    const s = score(
      kpi,
      'I begin with the result that would prove merchants are better off with us, then trace it back to something we can move every week. ' +
        'For a merchant that result is money arriving without fuss, so I would look at how many of their daily sales come through us, and check that against what they tell us in visits.',
    );
    expect(s.total).toBeGreaterThanOrEqual(25);
  });
});

describe('metrics outside the word lists are metrics', () => {
  const per = (who: string) =>
    `My north star is completed visits per ${who} each month, because a visit that happens is the care we sell and the thing clinics pay us for.`;

  it('"per patient" scores like "per customer"', () => {
    expect(Math.abs(score(kpi, per('patient')).total - score(kpi, per('customer')).total)).toBeLessThanOrEqual(5);
    expect(level(score(kpi, per('patient')), 'choice')).toBeGreaterThanOrEqual(2);
  });

  it('"no-show rate" is a metric, not a negation', () => {
    const s = score(
      kpi,
      'The number I would own is the no-show rate for booked appointments, because every missed slot is a doctor paid to wait.',
    );
    expect(level(s, 'choice')).toBeGreaterThanOrEqual(2);
  });
});

describe('what a criterion asks for, said in the words people use', () => {
  const miss = rubricOf('fintech', 'kpi-miss');
  const metrics = rubricOf('fintech', 'guardrails');
  // Written for these tests: each says the thing itself, without the rubric's own wording.
  it.each([
    "I'd check the tracking is right before anything else, then split the miss by city and by signup cohort.",
    'First verify the numbers with the data team, then cut the drop by signup cohort and by city.',
  ])('checking the measurement, beside a cut by segment, is a diagnosis in two ways: %j', (text) => {
    expect(level(score(miss, text), 'diagnose')).toBeGreaterThanOrEqual(2);
  });

  it.each([
    'I check the dashboard every morning and then split the miss by city.',
    'If the numbers are right, we are simply behind. Split the miss by city.',
  ])('reading the numbers, or taking them as right, is no check of them: %j', (text) => {
    expect(trace(miss, text, { explain: true }).signals.get('data_check')!.present).toBe(false);
  });

  it.each([
    'I would tell leadership on Friday with the numbers and the recovery plan.',
    'I would tell my VP and the sales lead the same week, with a plan to recover the merchants we lost.',
  ])('telling them soon and with the plan is the top level of communicating: %j', (text) => {
    const s = score(miss, `Merchants fell 20% short of target in two cities. ${text}`);
    expect(level(s, 'communicate')).toBe(2);
  });

  it.each(['5%', '15%', '99%', '0.5%', '1,000 a day'])('a guardrail held to a line of any number ("%s") has its threshold', (line) => {
    const s = score(metrics, `Payment success rate is the guardrail: if it falls under ${line} we stop the growth push.`);
    expect(level(s, 'guardrails')).toBe(3);
  });

  it.each(['₹5', '₹500', '$1,200', '€12.50'])('an amount of money of any length (%s) is a figure', (amount) => {
    const risks = rubricOf('fintech', 'gaming');
    const t = trace(risks, `Fraud is the risk: a shop that fakes ${amount} of payments a day to earn the cashback.`, { explain: true });
    expect(t.signals.get('quantified')!.present).toBe(true);
  });

  it('"tells us early" and "only after the fact" name a leading and a lagging indicator', () => {
    const s = score(
      metrics,
      'Weekly activations of new merchants tell us early whether a push is working; merchant retention at 90 days only shows it after the fact.',
    );
    expect(level(s, 'balance')).toBeGreaterThanOrEqual(1);
  });

  it('"it\'s what pays back the ad spend" is a reason tied to the business', () => {
    const s = score(kpi, "My north star is merchants taking ten QR payments a week. It's what pays back what we spend to sign them up.");
    expect(level(s, 'justification')).toBeGreaterThanOrEqual(2);
  });

  // Written for these tests: each phrase after an opening on the question, found where it does the thing
  // and not where the same words do not.
  const deal = 'Sales and product share one target, merchants still taking payments at day ninety.';
  const fell = 'Merchants fell 20% short of target in two cities.';
  const split = `${fell.slice(0, -1)}, so I would split the miss by city and signup cohort.`;
  const found = (rubric: typeof incentives, text: string, signal: string) =>
    trace(rubric, text, { explain: true }).signals.get(signal)!.present;

  it.each([
    ['governance', `${deal} Sales and product review the pipeline together every two weeks.`, true],
    ['governance', `${deal} Feature requests go to a weekly deal desk.`, true],
    ['governance', `${deal} We hold a monthly pricing review with both teams.`, true],
    ['governance', `${deal} We review the numbers every week.`, false],
    ['governance', `${deal} Most buyers pay on delivery in these cities.`, false],
    ['decision_rights', `${deal} Product and sales each bring their list, and the two heads decide.`, true],
    ['decision_rights', `${deal} Most shop owners decide in a week.`, false],
    ['incentive', `${deal} Pay sales on shops still active after sixty days.`, true],
    ['incentive', `${deal} A slice of sales pay depends on whether the deals renew.`, true],
    ['incentive', `${deal} Most buyers pay on delivery in these cities.`, false],
    ['incentive', `${deal} We review the numbers every week.`, false],
    ['incentive', `${deal} Merchants get paid the next morning.`, false],
    ['incentive', `${deal.slice(0, -1)}, because card sales pay a small fee.`, false],
    ['risk', `${deal} Risk: reps chase easy renewals and neglect new customers.`, true],
  ] as const)('incentives: %s in "%s" is %s', (signal, text, present) => {
    expect(found(incentives, text, signal)).toBe(present);
  });

  it.each([
    ['diagnose', `${fell} I'd look into which merchants stopped paying and why, and call a few of them.`, true],
    ['diagnose', `${fell} First I would find out which shops dropped off.`, true],
    ['diagnose', `${fell} I'd look into it.`, false],
    ['diagnose', 'Transacting merchants, which fell 20% below target, are the number I own.', false],
    ['tells_stakeholders', `${fell} Then I would report back to the execs with a plan.`, true],
    ['tells_stakeholders', `${fell} I would brief my manager on the two cities by Friday.`, true],
    ['tells_stakeholders', `${fell.slice(0, -1)} after a brief dip in the team.`, false],
    ['learning', `${split} From now on, every launch in a new city ships with a holdout group.`, true],
    ['learning', `${split} Next time we test the onboarding change on one city first.`, true],
    ['learning', `${fell} Next time a merchant misses a payment we send a tip.`, false],
    ['adjust_target', `${split} Next year we set the target from cohort data, not last year plus a bit.`, true],
  ] as const)('shortfall: %s in "%s" is %s', (signal, text, present) => {
    expect(found(miss, text, signal)).toBe(present);
  });

  it('"I\'d take ownership" is a platitude, not a mechanism; an owner named for a thing is one', () => {
    const platitude = "Merchants fell 20% short of target in two cities. I'd take ownership of the miss in those cities.";
    const named = 'Merchants fell 20% short of target in two cities. The growth lead is the owner of the miss in those cities.';
    expect(trace(miss, platitude).features.mechanism).toBe(0);
    expect(trace(miss, named).features.mechanism).toBeGreaterThan(0);
  });

  it.each(['the COO breaks the tie', 'the CEO breaks a tie between them'])('"%s" says who decides a disagreement', (who) => {
    const t = trace(incentives, `When sales and product want different things, ${who} at the monthly review.`, { explain: true });
    expect(t.signals.get('decision_rights')!.present).toBe(true);
  });
});

describe('the word for a thing is not the thing', () => {
  const risks = rubricOf('fintech', 'gaming');
  // Written for these tests.
  it.each([
    'The risk is short-term thinking, so I would split the budget into small city pilots.',
    'Cashback is a risk if merchants pay their own suppliers through it.',
    'We went back and forth on the cashback budget, and the risk is overspending.',
  ])('a safeguard or a budget is no way of gaming the number: "%s"', (text) => {
    expect(level(score(risks, text), 'identify')).toBeLessThanOrEqual(1);
  });

  it('naming the campaign asked about ("cashback") and "risks" names a risk in general terms only', () => {
    const s = score(risks, 'Cashback campaigns have pros and cons. They can lift the numbers but also carry risks.');
    expect(level(s, 'identify')).toBeLessThanOrEqual(1);
  });

  it.each([
    'Cashback invites people to pay themselves from a second phone.',
    'Cashback invites shops to split one sale into many tiny payments.',
    'With cashback, friends will send money back and forth to farm the reward.',
  ])('how it would be gamed, in plain words, names the risk concretely: "%s"', (text) => {
    expect(level(score(risks, text), 'identify')).toBe(2);
  });

  it('a bonus tied to "that number", the shared one named just before, is a joint incentive', () => {
    const s = score(
      incentives,
      "Sales and product share one number: merchants still taking payments at day ninety. Half of each team's bonus is tied to that number.",
    );
    expect(level(s, 'incentive_design')).toBe(2);
  });

  it('"a RACI and OKRs" after "aligned on the big picture" is neither decision rights nor a joint incentive', () => {
    const s = score(incentives, "I'd get both teams in a room so we're aligned on the big picture. Using a RACI and OKRs helps.");
    expect(level(s, 'governance')).toBeLessThanOrEqual(1);
    expect(level(s, 'incentive_design')).toBeLessThanOrEqual(1);
  });
});

describe('a typographic hyphen is a hyphen', () => {
  it.each(['-', '\u2010', '\u2011'])('"no%sfee" is part of a word, not a negation of the metric after it', (hyphen) => {
    const s = score(kpi, `My north star is no${hyphen}fee merchants who take ten QR payments a week.`);
    expect(level(s, 'choice')).toBeGreaterThanOrEqual(2);
  });
});

describe('a negator reaches the words it governs, not the next clause', () => {
  const risks = rubricOf('fintech', 'gaming');
  const metricFound = (text: string) => trace(risks, text, { explain: true }).signals.get('metric_any')!.present;

  it.each([
    "Fraud is the risk. To guard against it I'd watch merchant retention after the campaign.",
    "Fraud inflates the volume. No I'd watch merchant retention after the cashback campaign.",
    'Fraud inflates the volume. We guard against this by watching merchant retention after the campaign.',
    'Guard against fraud by watching merchant retention after the cashback campaign.',
  ])('a new clause with its own subject is not negated: %j', (text) => {
    expect(metricFound(text)).toBe(true);
  });

  it.each([
    'Fraud is the risk, and I would not watch merchant retention for it.',
    'Fraud is the risk; ignore merchant retention, it only follows the cashback.',
    "Fraud is the risk, and I don't think we should watch merchant retention for it.",
    "Fraud is the risk, and I wouldn't ask you to watch merchant retention for it.",
    "Fraud is the risk, and we don't judge the campaign by merchant retention.",
  ])('the words it governs still are: %j', (text) => {
    expect(metricFound(text)).toBe(false);
  });
});

describe('a metric held to a line, a definition by its threshold, another metric called vanity', () => {
  const chosen =
    'I would steer by merchants who take at least forty QR payments a week, because a shop that busy has moved its till to us and keeps renting the soundbox.';

  it('a guardrail named with its line is a second metric; the word "guardrails" alone is not', () => {
    const lined = score(kpi, `${chosen} Guardrail: failed payments below 2%.`);
    const worded = score(kpi, `${chosen} Guardrails are important too.`);
    expect(level(lined, 'supporting')).toBeGreaterThanOrEqual(1);
    expect(level(worded, 'supporting')).toBe(0);
    expect(lined.total).toBeGreaterThan(worded.total);
  });

  it('"guard it with" names a guardrail, as "guardrail:" does; a guard at the door does not', () => {
    const guarded = score(kpi, `${chosen} I would guard it with failed payments per shop staying under 2%.`);
    const watched = score(kpi, `${chosen} I would track failed payments per shop staying under 2%.`);
    expect(level(guarded, 'supporting')).toBe(2);
    expect(level(guarded, 'supporting')).toBeGreaterThan(level(watched, 'supporting'));
    for (const aside of [
      'A security guard by the door counts the visitors.',
      'Card data is guarded by encryption.',
      'We guard them by the door.',
    ])
      expect(level(score(kpi, `${chosen} ${aside}`), 'supporting')).toBe(0);
  });

  it('a count under a figure is no guardrail: the line is a share', () => {
    expect(level(score(kpi, `${chosen} We signed under 300 merchants last month.`), 'supporting')).toBe(0);
    expect(level(score(kpi, `${chosen} Guardrail: failed payments under 2%.`), 'supporting')).toBeGreaterThanOrEqual(1);
  });

  it('"N or more" defines what counts, as "at least N" does', () => {
    const definition = (how: string) =>
      level(
        score(kpi, `My north star is weekly paying merchants: shops taking ${how} QR payments in a week, because busy shops renew.`),
        'definition',
      );
    expect(definition('forty or more')).toBe(definition('at least forty'));
    expect(definition('forty or more')).toBe(2);
  });

  it('calling the obvious alternative the vanity version says why the choice beats it', () => {
    const called = score(kpi, `${chosen} Soundboxes shipped is the vanity version.`);
    const plain = score(kpi, `${chosen} Soundboxes shipped is another number.`);
    expect(level(called, 'choice')).toBe(3);
    expect(level(plain, 'choice')).toBeLessThan(3);
  });

  it.each(['It is not a vanity metric.', 'Do not chase a vanity metric.', 'One risk is vanity metrics.'])(
    '"%s" names no alternative: the choice gains nothing',
    (said) => {
      expect(level(score(kpi, `${chosen} ${said}`), 'choice')).toBe(level(score(kpi, chosen), 'choice'));
      expect(trace(kpi, `${chosen} ${said}`).features.contrast).toBe(trace(kpi, chosen).features.contrast);
    },
  );
});

describe('a condition on a line is reasoning, whatever its verb', () => {
  const metrics = rubricOf('fintech', 'guardrails');
  const guarded = 'Guardrails: refund disputes under 0.5% and payment success above 99%, reviewed every Monday.';
  it.each(['cross', 'hit', 'exceed', 'breach', 'go above'])('"if disputes %s the line, we pause" reasons as "rise above" does', (verb) => {
    const said = (v: string) => trace(metrics, `${guarded} If disputes ${v} the line, we pause the growth push.`).features.situated;
    expect(said(verb)).toBeGreaterThan(0);
    expect(said(verb)).toBe(said('rise above'));
  });
});

describe('a vanity proxy chosen with confidence is weak', () => {
  const proxy =
    'The most important KPI is average time spent in the app per day. Our value is engagement, and people who spend more time in the app are more engaged, which drives revenue and retention.';
  const outcome =
    'The most important KPI is the share of payments that succeed on the first attempt, because a failed payment at the counter is the moment a merchant loses a sale and starts doubting us.';

  it('time in a payments app as the KPI is at most weak, with the reason shown', () => {
    const s = score(kpi, proxy);
    expect(['insufficient', 'weak']).toContain(s.band);
    expect(s.antiPatterns.map((a) => a.id)).toContain('attention_kpi');
  });

  it('ranks below an outcome metric said with the same confidence', () => {
    expect(score(kpi, outcome).total).toBeGreaterThan(score(kpi, proxy).total);
  });
});

describe('follow-ups do not re-ask what was said', () => {
  const fintech = loadScenario(join(ROOT, 'scenarios', 'fintech.yaml'));
  const question = fintech.scenario.questions.find((q) => q.id === 'incentives')!;
  const session = { maxProbes: 3, timeUp: [], turns: [] } as unknown as Parameters<typeof decide>[0];

  it('an answer that names the incentive risk earns Risks and is not asked how the incentive could backfire', () => {
    const s = score(
      incentives,
      'I would pay the sales team half at signup and half once a merchant has taken payments for two months, and give product the same target. ' +
        'The risk is that reps steer clear of small shops in side streets because they take longer to activate; I would keep an eye on the mix of new merchants by size every month.',
    );
    expect(level(s, 'risk')).toBeGreaterThanOrEqual(1);
    // Either no probe, or one about something the answer did not cover.
    const d = decide(session, question, s);
    expect(d.kind === 'probe' ? d.followUp.id : 'none').not.toBe('risk');
  });

  it('a threshold and a window is a definition: the interviewer does not ask to define the metric', () => {
    const s = score(
      kpi,
      'I would choose active merchants: merchants who receive at least 15 UPI payments in a 28-day window. It counts shops that really use us, because a merchant who stops at three payments has gone back to cash.',
    );
    expect(level(s, 'definition')).toBe(2);
    const q = fintech.scenario.questions.find((x) => x.id === 'north-star')!;
    const d = decide(session, q, s);
    expect(d.kind === 'probe' ? d.followUp.id : 'none').not.toBe('define');
  });
});

describe('a new domain: a telemedicine scenario written by a user', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rehearse-telemed-'));
  const file = join(dir, 'telemed.yaml');
  writeFileSync(
    file,
    [
      'id: telemed',
      'title: Video consultations for family doctors',
      'summary: A telemedicine startup that books and runs video visits.',
      'role: Product Manager',
      'company:',
      '  name: Carebridge',
      '  stage: Seed',
      '  market: Family doctors and their patients',
      '  description: Patients book video visits with their own family doctor; clinics pay a fee per completed visit.',
      'interviewer:',
      '  name: Sam Ortiz',
      '  title: CPO',
      '  style: Calm',
      'context:',
      '  terms: [patient*, clinic*, doctor*, visit*, appointment*]',
      'uses:',
      `  - ${join(ROOT, 'scenarios', 'rubrics', 'pm.yaml')}`,
      'questions:',
      '  - id: kpi',
      '    prompt: What is the one metric you would run this product on?',
      '    rubric: kpi',
      '    example: My north star is completed visits per active patient per month, because a completed visit is the care patients come for and what clinics pay for.',
      '    exemplars:',
      '      - level: adequate',
      '        text: I would track completed visits, because that is what clinics pay for.',
      '      - level: weak',
      '        text: Downloads of the app and sign-ups.',
    ].join('\n'),
  );
  const rubric = loadScenario(file).rubrics.kpi!;

  const plain =
    "My north star is completed visits per active patient per month. A visit that actually happens is the care patients come to us for, and it is what clinics pay us for, so it ties patient value to revenue. I'd check it against the no-show rate so we don't pad the number with bookings nobody attends.";
  const otherWords =
    "The number I would run this on is how many consultations each patient who uses us finishes in a month. A consultation that takes place is the whole point for the patient, and clinics are billed per finished consultation, so one number carries both sides. Next to it I'd watch the share of booked appointments that nobody shows up to, so bookings alone can't make us look good.";

  it('the same reasoning in other words scores within 10 points', () => {
    const a = score(rubric, plain);
    const b = score(rubric, otherWords);
    expect(Math.abs(a.total - b.total)).toBeLessThanOrEqual(10);
    expect(['adequate', 'strong']).toContain(b.band);
  });
});

describe('a rubric written by a user for a behavioural question', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rehearse-behaviour-'));
  const lib = join(dir, 'behaviour.yaml');
  writeFileSync(
    lib,
    [
      'lexicons:',
      '  conflict: [disagree*, conflict*, pushed back, push back, tension]',
      '  action: [i proposed, i suggested, i set up, i met, i asked, i wrote]',
      '  result: [result*, outcome*, in the end, shipped, launched]',
      'signals:',
      '  conflict: { lexicon: conflict, polarity: any, hint: say what the disagreement was }',
      '  action: { lexicon: action, hint: say what you did }',
      '  result: { lexicon: result, polarity: any, hint: say how it ended }',
      'rubrics:',
      '  - id: disagreement',
      '    title: A disagreement with a stakeholder',
      '    family: behavioural',
      '    criteria:',
      '      - id: situation',
      '        title: The situation',
      '        weight: 30',
      '        bar: 1',
      '        levels:',
      '          - anchor: No situation',
      '          - { anchor: A disagreement is named, when: { all: [conflict] } }',
      '      - id: action',
      '        title: What you did',
      '        weight: 40',
      '        bar: 1',
      '        levels:',
      '          - anchor: Nothing you did',
      '          - { anchor: An action of yours, when: { all: [action] } }',
      '      - id: result',
      '        title: The result',
      '        weight: 30',
      '        bar: 1',
      '        levels:',
      '          - anchor: No result',
      '          - { anchor: A result, when: { all: [result] } }',
    ].join('\n'),
  );
  const rubric = resolveRubric(loadLibrary(lib), 'disagreement', [])!;

  const adequate = [
    'I disagree with people sometimes. When there is conflict I suggested we talk about it and find the best outcome for the customer and the business.',
    'There was tension with sales once about priorities. I asked them what they needed and in the end we found a result that worked for everyone.',
  ];
  const strongOtherWords =
    'Last spring our head of sales wanted a custom export for one large account, two weeks before we were due to ship self-serve billing. ' +
    'Building it would have slipped billing by a month, and billing was what 400 smaller customers were waiting on. So we sat down with the numbers: the account was worth about 8% of revenue, the billing backlog about 20%. ' +
    'We agreed to give the account a CSV workaround that week and to build the proper export after billing. Billing went out on the date we had promised, the account renewed, and sales now brings me requests with the deal size attached.';

  it("ranks a strong answer told in other words above adequate ones that use the rubric's words", () => {
    const strong = score(rubric, strongOtherWords).total;
    for (const a of adequate) expect(strong).toBeGreaterThan(score(rubric, a).total);
  });
});

describe('found by trying the scorer as a user', () => {
  it('a metric named first and defined after a colon is a choice, in notes as in speech', () => {
    const notes = 'Active merchants: shops with 10 or more UPI payments in the last 30 days. Installs say nothing about use.';
    const spoken = 'Active merchants, I mean: shops with 10 or more UPI payments in the last 30 days. Installs say nothing about use.';
    expect(level(score(kpi, notes), 'choice')).toBeGreaterThanOrEqual(2);
    expect(level(score(kpi, spoken), 'choice')).toBeGreaterThanOrEqual(2);
    // A colon later in a long opening sentence is not an answer's label.
    const late = 'There are many things one could look at when thinking about a payments product like ours: growth, revenue, usage.';
    expect(level(score(kpi, late), 'choice')).toBeLessThan(2);
  });

  it('one ratio, defined by its formula, chosen without "north star" or "KPI", is not read as a list of metrics', () => {
    const s = score(
      kpi,
      "I'd steer by one ratio: merchants with 10 or more paid UPI transactions in a trailing 30 days, divided by all merchants holding a live QR. Call it the habit rate. " +
        'Installs and sign-ups are cheap to buy with field sales, so they tell us little. A shop crossing ten payments a month has moved its counter to our QR, and those are exactly the shops that keep the soundbox and that we can lend to. ' +
        "If the habit rate rises while settlement complaints rise too, I'd stop and fix settlement before anything else.",
    );
    expect(s.antiPatterns.map((a) => a.id)).not.toContain('laundry_list');
    // "cheap to buy … tell us little" rejects installs and sign-ups; it does not offer them as evidence.
    expect(s.antiPatterns.map((a) => a.id)).not.toContain('vanity_metric');
    expect(level(s, 'choice')).toBeGreaterThanOrEqual(2);
    expect(['adequate', 'strong']).toContain(s.band);
  });

  it('"the key metrics are" and eleven names is not a commitment, and the summary says why the total is low', () => {
    const s = score(
      kpi,
      'As a data-driven PM I believe in a holistic approach. The key metrics are DAU, MAU, GMV, retention, churn, NPS, CAC, LTV, conversion rate, engagement and revenue. ' +
        'We need to leverage all of these KPIs to drive synergy and ensure alignment with the business goals and the north star vision, so that we can move the needle and create value for all stakeholders.',
    );
    expect(level(s, 'choice')).toBeLessThanOrEqual(1);
    expect(level(s, 'definition')).toBe(0);
    expect(['insufficient', 'weak']).toContain(s.band);
    expect(s.feedback.summary).toMatch(/reasoning behind them is thin|list of terms|does not yet answer|weak answer/);
  });

  it('"chose it over X because" is a trade-off: the card does not ask for one', () => {
    const s = score(
      kpi,
      'I would make weekly active merchants the one metric we run the company on: merchants who received at least 10 UPI payments through our QR in the last 7 days. ' +
        'I chose it over total transaction count because a few busy cafés can inflate transactions while most kiranas go dormant.',
    );
    expect(level(s, 'choice')).toBe(3);
  });

  it('coaching never repeats the same advice, and every gain it promises is positive', () => {
    const s = score(
      kpi,
      'The most important KPI is average time spent in the app per merchant per day. If merchants spend more time in our app it means they are engaged and they love the product. More engagement means they will stay with us longer.',
    );
    const advice = s.feedback.improvements.map((i) => i.advice);
    expect(new Set(advice).size).toBe(advice.length);
    for (const i of s.feedback.improvements) expect(i.gain).toBeGreaterThan(0);
  });
});

describe('saying it again is not more reasoning', () => {
  const good =
    "I'd pick successful payments per active merchant per week, because a merchant who takes thirty payments a week through us has moved their counter to our QR. " +
    'Installs would look better on a slide, but a merchant who never took a payment is a cost.';

  it('the same answer pasted into three turns, or forty times over, scores no higher than once', () => {
    const once = score(kpi, good).total;
    expect(score(kpi, [good, good, good]).total).toBeLessThanOrEqual(once);
    expect(score(kpi, Array(40).fill(good).join(' ')).total).toBeLessThanOrEqual(once);
  });
});

describe('cue phrases strung together are not reasoning', () => {
  it('sentences made of "I\'d pick", "the risk is", "rather than" and the like score well below a real answer, and not strong', () => {
    const phrases = [
      "I'd pick",
      'the risk is',
      'rather than',
      'because',
      'for example',
      'every week',
      'the owner',
      'if we',
      'so that',
      'defined as',
      'my north star is',
    ];
    const stuffed = Array.from(
      { length: 10 },
      (_, i) => `${Array.from({ length: 5 }, (__, j) => phrases[(i * 3 + j * 7) % phrases.length]).join(' ')}.`,
    ).join(' ');
    const real =
      "I'd pick successful payments per active merchant per week, because a merchant who takes thirty payments a week through us has moved their counter to our QR. " +
      'Installs would look better on a slide, but a merchant who never took a payment is a cost. If it slips in a city, I would check settlement delays there first.';
    const s = score(kpi, stuffed);
    expect(s.band).not.toBe('strong');
    expect(score(kpi, real).total).toBeGreaterThan(s.total + 10);
  });
});

describe('a figure counts once however it is written', () => {
  const rubric = rubricOf('fintech', 'guardrails');
  const said = (figure: string) => `I'd hold payment success above ${figure} and pause the campaign the day it slips.`;

  it.each([
    ['99.5%', '99%'],
    ['3,000', '3000'],
    ['9:30', '9'],
  ])('"%s" weighs as "%s" does, not as two figures', (separated, plain) => {
    const a = trace(rubric, said(separated));
    const b = trace(rubric, said(plain));
    expect(a.features.numbers).toBeGreaterThan(0);
    expect(a.features.numbers).toBe(b.features.numbers);
  });
});

describe('digits that number the items of a list are no figures, however the list is written', () => {
  const rubric = rubricOf('fintech', 'guardrails');
  const question = rubric.title;
  const figures = (text: string) =>
    trace(rubric, text, { explain: true, asked: { question } }).hits.filter((h) => h.feature === 'numbers').length;
  // Written for this test: three guardrail steps, two of them with a figure.
  const steps = [
    'keep payment success above 98% on every bank',
    'have the payments lead review refunds and failed payments each Monday',
    'alert the payments lead when failed payments pass 40 an hour',
  ];

  it.each([
    ['spoken, without marks or capitals', (mark: (i: number) => string) => `so ${steps.map((s, i) => `${mark(i)}${s}`).join(' ')}`],
    ['numbered with a bracket, on one line', (mark: (i: number) => string) => steps.map((s, i) => `${mark(i)}${s}`).join('; ')],
    ['numbered with a dash, on one line', (mark: (i: number) => string) => steps.map((s, i) => `${mark(i)}${s}`).join('; ')],
  ])('%s: as many figures as the same list without its numbers', (form, written) => {
    const plain = written(() => '');
    const mark = form.startsWith('spoken') ? ' ' : form.includes('bracket') ? ') ' : '- ';
    const numbered = written((i) => `${i + 1}${mark}`);
    expect(figures(plain)).toBeGreaterThan(0);
    expect(figures(numbered)).toBe(figures(plain));
  });

  it('two figures a few words apart are figures, not the start of a list', () => {
    const said = (a: string, b: string) =>
      `Failed payments broke the guardrail on ${a} day in March and on only ${b} days in the whole quarter since.`;
    expect(figures(said('7', '9'))).toBeGreaterThan(0);
    expect(figures(said('1', '2'))).toBe(figures(said('7', '9')));
  });

  it('a figure that closes a bracket is a figure, not a list number', () => {
    const said = (inside: string) => `Failed payments per thousand fell sharply ${inside} once the guardrail alert went in.`;
    expect(figures(said('from 9 to 6'))).toBeGreaterThan(0);
    expect(figures(said('(from 9 to 6)'))).toBe(figures(said('from 9 to 6')));
  });

  it('a figure that runs 1 … 2 with few words between counts as other figures do', () => {
    const said = (a: string, b: string) => `Failed payments per merchant went from ${a} to ${b} a week after the launch.`;
    expect(figures(said('1', '2'))).toBe(figures(said('7', '9')));
  });
});
