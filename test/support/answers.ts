// Answers a PM might give to the fintech scenario's questions, written for the project's tests.

export type Family = 'kpi' | 'metrics' | 'incentives' | 'shortfall' | 'risks';

/** Answers a PM might give, each to one family's question, in the project's own words. */
export const ANSWERS: { family: Family; text: string }[] = [
  {
    family: 'kpi',
    text:
      "I'd run the product on weekly paying merchants: shops that take at least ten UPI payments through our QR in a week. " +
      'A shop that does that has moved its counter to us, which is what soundbox rentals and the loan book follow. ' +
      'QR codes handed out would look better on a slide, but a sticker nobody scans earns nothing. ' +
      'I would hold it against payment success rate, which has to stay above 99%, because a failed payment at the counter sends the shop back to cash.',
  },
  {
    family: 'kpi',
    text:
      'The number I would pick is the share of onboarded merchants still transacting thirty days later. ' +
      'Activation alone tells us the sales team did its job; still transacting tells us the shop trusts the soundbox. ' +
      'Last year merchants who stayed active for a month kept renting for two more quarters on average, so it predicts revenue too.',
  },
  {
    family: 'incentives',
    text:
      'Sales is paid on merchants signed, product on merchants still transacting, and that gap is where the fights come from. ' +
      'I would move a third of the sales commission to merchants who are still taking payments after sixty days, so a signature alone pays less. ' +
      'Both teams would review the same activation funnel every Monday, and when a big account asks for a custom feature the head of product and the sales lead decide together, with the CEO breaking a tie.',
  },
  {
    family: 'incentives',
    text:
      'The sales reps hit quota by promising features we never planned, and the product team then looks slow. ' +
      'I would give both teams one shared target, retained merchants, and pay part of the sales bonus on it. ' +
      'Any deal that needs a roadmap change goes to a fortnightly council of the sales head, the PM and an engineer, and what they decide is written down.',
  },
  {
    family: 'shortfall',
    text:
      'First I would check the number is real: a tracking change or a settlement outage can look like a drop. ' +
      'Then I would split the miss by city and by the month merchants joined, because a fall in one cohort points to onboarding and a fall everywhere points to the product. ' +
      'If it is the April cohort in Pune, I would sit with the field team there this week and tell leadership on Friday what we found and what we will try.',
  },
  {
    family: 'risks',
    text:
      'With cashback on every payment, people will send money back and forth between two phones to farm the reward. ' +
      'The count of payments goes up while real shop sales do not. ' +
      'I would watch the share of payments between the same two accounts and cap cashback per pair, and I would judge the quarter on merchants still active next year rather than on this month’s volume.',
  },
];

/**
 * Concise answers an interviewer would rate strong: at most 50 words, each commits, defines or
 * diagnoses, gives the reason and a guard, a number or a decision.
 */
export const CONCISE: { family: Family; text: string }[] = [
  {
    family: 'kpi',
    text:
      'Weekly paying merchants: shops taking ten or more QR payments in a week. It tracks whether a shop has moved its till to us, which drives rentals and lending. ' +
      'QR codes issued is the vanity version. Guardrail: payment success above 99%.',
  },
  {
    family: 'metrics',
    text:
      'Inputs: new shops activated and payments per active shop per week. ' +
      'Guardrails: payment success rate above 99% and refund disputes under 0.5%, reviewed every Monday. ' +
      'If disputes cross the line we pause the growth push until support catches up.',
  },
  {
    family: 'incentives',
    text:
      'Pay a third of sales commission on shops still transacting at day 60, not on signatures. ' +
      'Sales and product share one target, retained merchants, reviewed weekly. ' +
      'Custom feature asks go to a fortnightly forum of the sales head, the PM and an engineer.',
  },
  {
    family: 'shortfall',
    text:
      'Check the data first: a tracking change can fake a 20% drop. ' +
      'Then split the miss by city and signup cohort. If it is one cohort, onboarding broke; if everywhere, the product did. ' +
      'Fix the biggest driver and tell leadership on Friday.',
  },
  {
    family: 'risks',
    text:
      'Cashback invites fake volume: two phones sending money back and forth. ' +
      'I would cap rewards per sender–receiver pair, audit the top 1% of accounts weekly, ' +
      'and judge the campaign on shops still active three months later rather than on volume this quarter.',
  },
];

/** Long answers an interviewer would rate weak: platitudes, no choice made, nothing specific. */
export const GENERIC: { family: Family; text: string }[] = [
  {
    family: 'kpi',
    text:
      'There are many important metrics for a product like this and it really depends on the stage of the company and what the leadership wants to achieve. ' +
      'In general you want to look at engagement, growth and revenue, and make sure the team is aligned around them. ' +
      'It is important to be data-driven and to keep the customer at the centre of everything. ' +
      'Different stakeholders will care about different numbers, so communication is key. ' +
      'Ultimately the right metric is the one that best reflects the value we create, and we should revisit it regularly as things change.',
  },
  {
    family: 'incentives',
    text:
      'Alignment between teams is really important and it is something every company struggles with. ' +
      'I think communication and transparency are the most important things, and everyone should understand the bigger picture. ' +
      'It helps to have regular conversations, to build trust and to make sure people feel heard. ' +
      'Leadership also has a big role to play in setting the tone and making sure everyone is working towards the same vision. ' +
      'In the end, if people collaborate well, the incentives will take care of themselves.',
  },
  {
    family: 'shortfall',
    text:
      'When a number falls short it is important not to panic and to stay calm. ' +
      'You should look at the data and try to understand what is going on, and talk to the relevant stakeholders. ' +
      'There could be many reasons, internal or external, and it is important to consider all of them. ' +
      'Then you come up with a plan and execute it, keeping everyone informed along the way. ' +
      'It is also a learning opportunity for the team to do better next time.',
  },
];
