// Replies to the fintech scenario's follow-ups, three wordings each, written for the project's tests:
// each addresses what its follow-up asks, in words other than the follow-up's and the rubric's own.

/** A thin first answer to each question: it leaves the probed criteria for the follow-ups. */
export const OPENING: Record<string, string> = {
  'north-star': 'I would look at how many people use the product.',
  guardrails: 'I would keep an eye on a few numbers next to the main one.',
  incentives: 'I would try to get the two teams working towards the same thing.',
  'kpi-miss': 'I would look into it with the team.',
  gaming: 'I would be careful with the campaign.',
};

/** For each question, each follow-up's three replies. */
export const REPLIES: Record<string, Record<string, readonly [string, string, string]>> = {
  'north-star': {
    'how-arrived': [
      'I started from what pays us: a shop that keeps taking QR payments ends up renting a soundbox and borrowing from us, so regular use comes before every rupee we earn.',
      'Looking at last year, the shops that were still paying through us after a month were the ones that later took loans, which is why regular use beat sign-ups.',
      'Sign-ups cost us nothing to inflate with field staff, whereas repeat payments only happen when the shopkeeper trusts the QR, and trust is what the lending book rests on.',
    ],
    define: [
      'A merchant counts once it receives ten or more UPI payments within a rolling 30 days, measured from settled transactions, not attempts.',
      'Count each shop whose QR settled at least 15 payments in the last four weeks, divided by every shop holding an active QR.',
      'It is the number of outlets with payments on at least 12 separate days in a calendar month, taken from the settlement ledger.',
    ],
    secondary: [
      'Beside it: new shops activated each week, payments per active shop, and payment success rate, which must stay above 99%.',
      'I would also follow first-week activation, average ticket size, and the share of settlements that arrive late.',
      'Soundbox rentals per 100 active shops, loan uptake among them, and refund disputes as the number that must not climb.',
    ],
    'only-one': [
      'Merchants with ten payments in the last 30 days; everything else follows from that.',
      'Shops actively taking payments every week. If that grows, revenue and lending follow.',
      'The count of outlets settling at least a dozen payments a month, nothing else.',
    ],
    'why-here': [
      'In India a kirana owner already has three free QR stickers on the counter, so being installed means nothing; being the one customers actually scan is what makes us different.',
      'UPI payments are free to the merchant, so we cannot earn on fees; our money comes from soundboxes and credit, and both only work with shops that transact every day.',
      'Small shops in tier-2 towns switch between apps easily and run on cash, so regular use is the only sign that we have won the counter there.',
    ],
  },
  guardrails: {
    inputs: [
      'New shops activated in their first week push the total up directly, and payments per shop rise when the soundbox confirms each payment out loud, so shopkeepers trust it.',
      'Two drive it: field visits that get a shop to its first ten payments, and settlement speed, because shops paid the same day keep the QR on the counter.',
      'Activation through onboarding calls feeds the count of active shops, and repeat payments grow when customers see the QR at the till, which is what the display stands are for.',
    ],
    guardrail: [
      'Pushing activation could flood us with fake shops; I would watch the share of new merchants with no payment after 14 days and stop the push if it passes 30%.',
      'We might buy volume with refunds and chargebacks, so disputes per thousand payments is the number, with an alarm at 2.',
      'Settlement delays would creep up as volume grows; if more than 1% of payouts arrive late, growth work pauses until operations catch up.',
    ],
    horizon: [
      'Daily payment counts and first-week activation move within days, while whether a shop is still with us after six months only shows up much later.',
      'Activation and payments per shop warn me early; retention at 90 days and loan repayment only confirm afterwards.',
      'Anything measured per day on new shops is my early warning, and cohort survival by quarter is the slow confirmation.',
    ],
    decisions: [
      'If payments per shop stall in one city while activation is fine, I would move field staff from signing new shops to coaching existing ones there.',
      'When disputes crossed our limit last spring, we delayed the referral bonus launch by a month and fixed the refund flow first.',
      'A drop in first-week activation would make me pull budget from marketing and put it into onboarding calls instead.',
    ],
  },
  incentives: {
    shared: [
      'Both would own merchants still transacting sixty days after signing.',
      'The one number would be shops with ten payments a month, counted for sales and product alike.',
      'Retained active merchants at day 90, reported to both heads every week.',
    ],
    decide: [
      'The head of product and the sales lead settle it together, and if they cannot agree the COO breaks the tie within a week.',
      'A fortnightly forum with the sales head, the PM and an engineer ranks the requests, and the CEO decides when they are split.',
      'Each disagreement goes in writing to a joint review on Mondays; the product lead has the final say on the roadmap, sales on pricing.',
    ],
    cadence: [
      'Every Monday morning for half an hour, with a deeper look at the end of each month.',
      'Weekly in a shared review, and quarterly when targets are reset.',
      'Each fortnight, plus a monthly session where the funnel is gone through end to end.',
    ],
    pay: [
      'Half the commission on signing, half once the shop has taken payments for sixty days.',
      'Reps would earn nothing for a signature alone; the bonus comes when the merchant reaches ten payments a month.',
      'I would move a third of variable pay from accounts signed to accounts still active after a quarter.',
    ],
    risk: [
      'Reps might avoid small shops in side streets because they take longer to activate, so I would track the size mix of new merchants.',
      'People could push merchants to make a few dummy payments to cross the line, which is why I would audit a sample of new accounts each month.',
      'Sales could end up waiting for the bonus and lose motivation, so the payout has to arrive within the quarter.',
    ],
    example: [
      'At my last company we tied a quarter of the sales bonus to 60-day activation; within two quarters churn among new accounts fell from 40% to 25%.',
      'Yes, in a lending startup we split commission between signing and first repayment, and bad loans from new branches dropped by a third.',
      'We tried it in 2022 with our field team; complaints rose at first, but by the second month activation had doubled and the reps liked the steadier pay.',
    ],
  },
  'kpi-miss': {
    diagnose: [
      'I would check the tracking first, then split the shortfall by city and by signup month to see whether one group explains it.',
      'Compare this quarter to last by region and cohort, and look for an outage or an app release around the time the line bent.',
      'Pull the numbers by channel and by merchant size; if one slice accounts for most of the gap, that is where I dig.',
    ],
    plan: [
      'Fix the onboarding step that fails most, and if the share of shops reaching ten payments recovers above 60% within two weeks, it worked.',
      'Add a fallback bank route so failed payments retry; I would know it worked if payment success goes back above 99%.',
      'Run a two-week test of same-day settlement in the weakest city, and call it a success if active shops there grow 10% against the control.',
    ],
    tell: [
      'My manager the same day, then the leadership team in Friday’s review with what we found and what we will try.',
      'The CEO and the sales head within 48 hours, before they hear it from a dashboard, with a written note.',
      'The whole team at Monday’s standup, and the board in the monthly update with a new forecast.',
    ],
    learn: [
      'Set targets from cohort data instead of last year plus 20%, and review the forecast every two weeks.',
      'Build an alert that fires when weekly active shops fall 5% below plan, so we react in week two, not week six.',
      'Write down the assumptions behind the target and check each one at mid-quarter.',
    ],
  },
  gaming: {
    'how-gamed': [
      'People will bounce money between two phones to collect the reward on every round trip.',
      'A shopkeeper can pay himself from his own second account and pocket the cashback.',
      'Groups of friends can split a bill into twenty tiny payments to multiply the reward.',
    ],
    guardrail: [
      'The share of payments going back and forth between the same two accounts.',
      'Average payment size: if it collapses to a few rupees, the volume is not real.',
      'How many rewarded payers are still paying a month after the campaign ends.',
    ],
    horizon: [
      'I would rather hit 80% of the target with shops that stay than 100% with ones that leave in January.',
      'A spike now that disappears next year costs us the lending book, so I judge the campaign on shops still active in twelve months.',
      'This quarter matters, but not at the price of next year: I would cap spend so the short-term gain never exceeds what retention can keep.',
    ],
    checks: [
      'Someone in finance who is not on the growth team audits the top 1% of accounts every week.',
      'Risk runs an automated rule that flags pairs of accounts trading more than ten times a day, and an analyst reviews them.',
      'An internal auditor samples fifty rewarded merchants a month and calls them.',
    ],
    culture: [
      'They can post in the metrics channel, anonymously if they like, and nobody gets blamed for bad news.',
      'Every review starts with a question: what here could be fake? Anyone can answer it, interns included.',
      'Whoever spots gaming gets thanked in the all-hands, so saying it out loud is rewarded, not punished.',
    ],
  },
};
