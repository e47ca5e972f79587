// The rules that decide what an interviewer's question asks about, each with wordings written for
// this test: a cue that only names what another family's cue says happened to it, setup sentences,
// questions spoken without a question mark, talk around the interview, and joined turns.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_DIR } from '../../src/scenario/catalog.js';
import { loadLibrary } from '../../src/scenario/load.js';
import { align, detectFamily, familiesOf } from '../../src/transcripts/align.js';
import { parseTranscripts } from '../../src/transcripts/detect.js';
import { IntentReader } from '../../src/transcripts/intent.js';
import { cast } from '../../src/transcripts/speakers.js';

describe('a cue that names only the subject of another family’s cue', () => {
  // Families written for the test, so tuning the shipped rubrics cannot change what it shows.
  const reader = new IntentReader([
    { family: 'pick', detect: ['north star', '(key|core) metric'], topic: ['north star', 'metric*'], value: 'pick' },
    { family: 'fall', detect: ['(declin*|miss*) + (metric|north star)', 'against a target'], value: 'fall' },
    { family: 'tree', detect: ['(beneath|under) + (north star)'], value: 'tree' },
    { family: 'harm', detect: ['target + what happens'], value: 'harm' },
  ]);
  const read = (q: string) => Object.fromEntries(reader.scores(q).map((s) => [s.family, s.hits]));

  it.each([
    ['something happened to it', 'How would you respond if our north star metric declined two quarters running?', { fall: 1 }],
    ['its head word is what happened', 'What is your first move when a core metric misses?', { fall: 1 }],
    ['it is where something else sits', 'What would you put beneath the north star for the onboarding team?', { tree: 1 }],
    ['asked for, it stays', 'What is the north star metric, and would you worry if it declined?', { pick: 1, fall: 1 }],
    ['picked, it stays', 'Which core metric would you pick, and what if it misses?', { pick: 1, fall: 1 }],
    [
      'too far from the event, it stays',
      'Our north star matters a lot to the whole company and to every single team here, and it declined.',
      { pick: 1, fall: 1 },
    ],
    // "target" is no topic of the family whose cue ends in it: its cue is not a mere subject.
    ['not its own topic, it stays', 'Sales came in against a target of ten. What happens now?', { fall: 1, harm: 1 }],
  ])('%s: %s', (_why, question, hits) => {
    expect(read(question)).toEqual(hits);
  });
});

describe('reading questions with the shipped families', () => {
  const families = familiesOf([loadLibrary(join(BUILT_IN_DIR, 'rubrics', 'pm.yaml'))], []);

  it.each([
    // A metric named as the subject of a fall, a tree or a risk
    ['shortfall', 'How would you respond if the primary metric declined two quarters running?'],
    ['shortfall', "What's your first move when a core metric misses plan?"],
    ['metrics', 'What would you put beneath the north star for the onboarding team?'],
    ['metrics', 'Which inputs support your north star day to day?'],
    ['risks', 'What are the downsides of making that your north star?'],
    // Setup sentences and how the question leans on them
    ['kpi', 'Picture a budgeting app for students. The founders want one number on the wall. Which would you choose, and why?'],
    ['metrics', "So that's the headline number. Which inputs sit underneath it?"],
    ['shortfall', 'Renewals fell short of plan last quarter. How would you handle the board meeting?'],
    ['metrics', 'Your north star is climbing nicely. What other numbers would you keep an eye on?'],
    // Spoken or typed in a hurry
    ['shortfall', 'conversion slipped three weeks in a row and the CEO noticed, how would you respond'],
    ['metrics', 'Whatwould you watch alongside your north star to catch harm to users?'],
    // Wordings of each family
    ['kpi', "What's the headline metric for a podcast app, and why that one?"],
    ['shortfall', "We planned on 400 new stores by spring and we're at 260. What's your plan?"],
    ['shortfall', 'Weekly orders are at 8,100 against a target of 10,000. Where do you start?'],
    ['shortfall', "It's clear you won't reach the quarter's target. How do you tell leadership?"],
    ['shortfall', "Activation has been trending down since the pricing change. What are the first things you'd check?"],
    ['risks', "How do you stop the team trading long-term trust for this quarter's numbers?"],
    ['risks', 'What tricks could your team use to make the numbers look healthier than they are?'],
    ['risks', 'If we reward your support agents on tickets closed, how might they game it?'],
    ['risks', 'What behaviour might a quota on demos encourage?'],
    ['incentives', 'Sales is paid on bookings while product owns retention. What would you change?'],
    ['incentives', 'When sales and product chase different numbers, who should have the final say?'],
  ])('%s: %s', (family, question) => {
    expect(detectFamily(question, families)?.family).toBe(family);
  });

  it.each([
    'Do you want me to share the north star doc with the group?',
    'Could you export the churn numbers to a spreadsheet for Friday?',
    'Is the metrics dashboard broken for anyone else?',
    'Who is paying for the team offsite dinner after the sales kickoff?',
    'First item: activation missed its target again. Maria, what did you find?',
    "What's the title of that book on OKRs you recommended?",
    "How do you pronounce Goodhart's name, by the way?",
    'Are there any other businesses like yours in the incubator?',
  ])('talk around the interview is not graded: %s', (line) => {
    expect(detectFamily(line, families)).toBeUndefined();
  });

  it.each([
    [
      'after a sponsor read that asks nothing, the question starts where the host comes back',
      [
        'Host: Quick break. This show is brought to you by Inkwell, and listeners get a free month.',
        "Host: And we're back. Which metric would you pick as the north star for a library app, and why?",
        'Guest: Books returned on time by members who borrow again within a month.',
      ],
      2,
    ],
    [
      'after a setup of the interviewer’s own, the question starts with the turn',
      [
        'Interviewer: We run a library app for city councils.',
        'Interviewer: Which metric would you pick as the north star, and why?',
        'Candidate: Books returned on time by members who borrow again within a month.',
      ],
      1,
    ],
  ])('%s', (_why, lines, line) => {
    const a = align(cast(parseTranscripts(lines.join('\n'))[0]!), families);
    expect(a.questions.map((q) => [q.family, q.line])).toEqual([['kpi', line]]);
  });
});

describe('wordings recognised by how they ask, not by a listed phrase', () => {
  const families = familiesOf([loadLibrary(join(BUILT_IN_DIR, 'rubrics', 'pm.yaml'))], []);

  it.each([
    // Spoken with no question mark: the question follows a comma, or a prompt hands the floor over
    ['kpi', 'so for a meal planning app like ours, whats the main metric youd hold the team to'],
    ['kpi', 'Language app for travellers, the single metric you would run it by. Over to you.'],
    ['kpi', "I'd love to hear which single measure tells you our tutoring app is succeeding"],
    ['metrics', 'ok so the north star is lessons completed per week, what supporting numbers go alongside it'],
    ['shortfall', 'renewals are tracking well below plan with a month left, walk me through your next steps'],
    ['metrics', 'So besides retention what would you keep tabs on'],
    ['kpi', 'if you led product at a bike courier startup whats the main metric you would hold the team to'],
    ['kpi', 'and for a job board, the north star would be what, in your view'],
    ['risks', 'um what happens if the team starts, you know, optimising that number too hard'],
    ['kpi', 'How do you know a recipe app is actually winning with its users'],
    ['shortfall', 'Our subscriber target for Q4 is out of reach. How would you reset expectations?'],
    // Short words mistyped
    ['kpi', 'waht wuld be teh primary metric for a fitness tracker?'],
    // A family's concept with a question about it
    ['metrics', 'Which safety and quality metrics would you add next to the main one?'],
    ['shortfall', 'Our Q2 key result was 40k paying learners and we landed at 26k. What do you do first?'],
    ['shortfall', "The team's OKR clearly isn't going to be reached this half. How do you handle that with leadership?"],
    ['risks', 'How would you keep a team from hitting its activation goal by nagging people with emails?'],
    ['risks', 'When a team is measured only on sign-ups, what bad behaviour might creep in?'],
    ['kpi', 'If you could only track one thing for a ride-hailing app, what would it be?'],
    ['kpi', "You're PM of a B2B expense tool. What do you measure above all else?"],
    ['metrics', "Once you've chosen that north star, which other measurements would round out the picture?"],
    ['shortfall', 'You promised the exec team 15% growth in orders and delivered 6%. What happens now?'],
    ['kpi', 'Think about a language app. How should they decide whether the product is getting better for learners over time?'],
    ['kpi', 'Which outcome would you optimise the whole notes app around, and how would you count it?'],
    ['metrics', "OK, weekly active learners is the goal. What would you track underneath it to understand what's driving it?"],
    ['shortfall', 'The new onboarding flow was supposed to lift activation by 10 points and it moved 2. What do you do?'],
    ['risks', 'How do you prevent a metric from turning into the goal in itself?'],
    ['risks', 'If your north star is messages sent, what could go wrong?'],
    ['kpi', 'OK first one: the key metric for a B2B analytics dashboard product, go'],
    ['kpi', 'Right then, if you were in charge of a bike-share scheme, what would you judge it on?'],
    ['shortfall', "What's your approach when a metric you own goes the wrong way for a month?"],
    ['risks', "What's the catch with paying your sales team purely on new logos?"],
    ['risks', 'How do you stop people optimising for the dashboard instead of the customer?'],
    ['risks', 'Where could a north star like minutes watched lead a team astray?'],
    ['incentives', "How do you make sure the growth team and the retention team aren't working against each other?"],
    ['risks', "What might a team do to hit an engagement goal that you wouldn't want them to do?"],
    ['kpi', 'How would you know whether a new search ranking is a success?'],
    ['shortfall', "Retention has been stuck at 20% for two quarters even though we shipped a lot. What's going on, and what do you do?"],
    ['incentives', 'Your PMs are measured on launches and the support team on ticket volume. How do you line those incentives up?'],
    ['metrics', 'And what would warn you early that the north star is about to dip?'],
    ['shortfall', "We committed to 2 million MAU by December and we're at 1.3. What would you say in the board update?"],
    ['risks', 'What are the long-term costs of optimising purely for click-through?'],
    [
      'incentives',
      'Our customer success managers are paid on renewals and your team on new feature adoption. Where could that go wrong between the teams?',
    ],
    ['risks', 'What unintended effects could come from paying the onboarding team per account activated?'],
    ['risks', "What safeguards would you put in place so the growth team doesn't pump sign-ups with giveaways that hurt us later?"],
  ])('%s: %s', (family, question) => {
    expect(detectFamily(question, families)?.family).toBe(family);
  });

  it.each([
    // A service's numbers for its engineers, one customer's situation, what someone else said
    'Which numbers should the payments API alert the on-call engineers about at night?',
    'How would you respond when an angry customer threatens to cancel over a late refund?',
    'Did you catch the talk where our founder laid out her vision for the company?',
    "Have you read the memo on the product vision and the company's goals?",
    'How much does the north star workshop cost per seat?',
    'um can everyone see my screen okay',
    "What's your vision for your own career in five years?",
    'Where do you see the biggest risk in the database migration?',
    "Walk me through how you'd prioritise bugs in the backlog for the next sprint.",
    'Which metric library should we use for the dashboards in the new service?',
    "What's the catch with the new parking rules?",
    'How do you stop people from booking the big meeting room all day?',
    // "what's the … you'd" inside a statement that ends with a full stop: it tells, it does not ask
    "I already know what's the one metric you'd pick, so no need to repeat it.",
  ])('not graded: %s', (line) => {
    expect(detectFamily(line, families)).toBeUndefined();
  });

  it.each([
    [
      'a question announced after a remark on the last answer starts where it is announced',
      [
        'Ana: Which metric would you pick as the north star for a library app, and why?',
        'Raj: Loans renewed by members who borrow again within a month.',
        'Ana: Fair enough, we can come back to the renewals part later.',
        'Ana: Next question. The team then hits its loans goal by auto-renewing every book. How would you stop that from happening again?',
        'Raj: I would count only renewals the member asked for, and watch complaints next to it.',
      ],
      [
        ['kpi', 1],
        ['risks', 4],
      ],
    ],
    [
      'on a panel, another interviewer’s question the candidate answers is graded too',
      [
        'Ana: Which metric would you pick as the north star for a library app, and why?',
        'Raj: Loans renewed by members who borrow again within a month.',
        'Ana: What other numbers would you keep an eye on next to it?',
        'Raj: Waiting lists, and how many members stop borrowing after a late fee.',
        'Ben: Let me add one. Renewals are well below the target we set for the year. What do you do?',
        'Raj: I would find which branches are behind and talk to them first.',
      ],
      [
        ['kpi', 1],
        ['metrics', 3],
        ['shortfall', 5],
      ],
    ],
  ])('%s', (_why, lines, want) => {
    const a = align(cast(parseTranscripts(lines.join('\n'))[0]!), families);
    expect(a.questions.map((q) => [q.family, q.line])).toEqual(want);
  });
});

describe('a question that also reads as talk around the interview', () => {
  const families = familiesOf([loadLibrary(join(BUILT_IN_DIR, 'rubrics', 'pm.yaml'))], []);
  const transcript = (asked: string) =>
    [
      'Dana: Welcome. Which single metric would you run a meal-kit subscription on, and why?',
      'Lee: Weekly active subscribers who cook at least two kits, because that is when the habit forms.',
      `Dana: ${asked}`,
      'Lee: I would check whether tracking changed, then split the drop by channel and cohort.',
      'Dana: Great, thanks, that is all from me.',
    ].join('\n');
  const aligned = (asked: string) => align(cast(parseTranscripts(transcript(asked))[0]!), families);

  it('when it is no surer of its family than of the aside, is not graded but listed with its answer and why', () => {
    const a = aligned('Our activation rate fell 15% last month. Do you want me to share the funnel first, or how would you approach it?');
    expect(a.questions.map((q) => [q.line, q.family])).toEqual([[1, 'kpi']]);
    expect(a.unaligned).toMatchObject([
      { line: 3, kind: 'unsure', answers: 1, reason: expect.stringMatching(/talk around the interview/u) },
    ]);
  });

  it('when it is clearly a question of its family, is graded', () => {
    const a = aligned(
      'Our activation rate fell 15% short of target. Do you want me to share the funnel first, or how would you approach the miss?',
    );
    expect(a.questions.map((q) => [q.line, q.family])).toEqual([
      [1, 'kpi'],
      [3, 'shortfall'],
    ]);
  });
});
