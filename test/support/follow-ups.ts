// Replies to every follow-up of the shipped scenarios, three wordings each, written for the project's tests:
// each addresses what its follow-up asks, in words other than the follow-up's and the rubric's own.

/** A scenario's thin first answers, and for each question each follow-up's three replies. */
export interface Script {
  /** A thin first answer to each question: it leaves the probed criteria for the follow-ups. */
  opening: Record<string, string>;
  replies: Record<string, Record<string, readonly [string, string, string]>>;
}

/** The fintech scenario (a UPI payments app for small shops). */
const FINTECH: Script = {
  opening: {
    'north-star': 'I would look at how many people use the product.',
    guardrails: 'I would keep an eye on a few numbers next to the main one.',
    incentives: 'I would try to get the two teams working towards the same thing.',
    'kpi-miss': 'I would look into it with the team.',
    gaming: 'I would be careful with the campaign.',
  },
  replies: {
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
  },
};

/** The e-commerce scenario (an Indian shopping app that must earn second orders). */
const ECOMMERCE: Script = {
  opening: {
    'north-star': 'I would look at how well the app is doing overall.',
    vision: 'I would try to keep the product and the business pointing the same way.',
    incentives: 'I would get the teams talking to each other more.',
    'flat-repeat': 'I would look into it with the team.',
  },
  replies: {
    'north-star': {
      'how-arrived': [
        'Paid marketing already buys us first orders; what we lose money on is buyers who never come back, so a second order within 60 days is where the business turns.',
        'I looked at last year’s cohorts: buyers who ordered twice in their first two months paid back their acquisition cost, and one-time buyers never did.',
        'GMV can be bought with discounts, but a customer choosing to return without a coupon shows the app is worth opening again, which is what pays for marketing.',
      ],
      define: [
        'A buyer counts when they place a second delivered, not returned, order within 60 days of their first one, measured per monthly signup cohort.',
        'It is the share of first-time buyers in a month who complete another paid order inside the following eight weeks; cancelled and returned orders do not count.',
        'Customers with two or more kept orders in a rolling 90 days, divided by everyone who ordered at least once in that window.',
      ],
      secondary: [
        'Next to it: days between first and second order, return rate, and the share of orders paid cash on delivery.',
        'I would also follow basket size on the second order, app opens per week, and refunds as the number that must not climb.',
        'Time to second order, discount spend per retained buyer, and delivery delays in tier-2 cities.',
      ],
      'only-one': [
        'Buyers who order again within 60 days; the rest follows from that.',
        'The second order within two months. If that climbs, revenue and payback follow.',
        'Share of new customers who come back for another order, nothing else.',
      ],
      'why-here': [
        'Our acquisition cost is only paid back on the second or third order, so for us everything depends on whether a buyer returns.',
        'Shoppers in tier-2 towns try an app once with a coupon and drift away, and a third of them pay cash on delivery, so a kept second order is the real sign of trust.',
        'Kitchen and personal-care items run out and get bought again, which makes coming back natural for our range if the first experience was good.',
      ],
    },
    vision: {
      'learn-goals': [
        'I would sit with the CEO and the CFO and ask what the board expects by next year, and read the annual plan and the last board deck.',
        'Talk to the founders and the finance lead about what has to be true in twelve months, then write it down and get them to confirm it.',
        'I would go through the company plan with leadership and turn it into two or three targets, such as payback within six months.',
      ],
      translate: [
        'Each quarter’s work has to say which part of coming back it moves: reorder reminders, a faster checkout for returning buyers, a subscription for staples.',
        'I would set OKRs where the key result is second orders, then rank every feature idea by how much it should lift them.',
        'The bets become items like one-tap reorder and saved addresses for cash buyers, each with the lift in returning buyers it is meant to deliver.',
      ],
      stakeholders: [
        'Marketing, the category heads and operations, in a planning workshop where they shape the bets before anything is final.',
        'I would walk the heads of category and marketing through the plan one to one, take their objections, then share the final version with everyone.',
        'Engineering leads and the commercial heads join the quarterly planning, and I send a short written summary after every change.',
      ],
      adapt: [
        'We revisit the plan every quarter; if the board moves to profitability, the discount-led bets are the first to go.',
        'I would hold a quick replanning session, drop the work that no longer serves the new target, and explain the change to the team in writing.',
        'Keep the bets small enough to change course within a month, and review them whenever leadership resets priorities.',
      ],
      measure: [
        'A monthly one-page update to the leadership team: returning buyers, payback period, and which launch moved them.',
        'A dashboard the CEO sees every week that ties each shipped feature to the change in second orders and revenue per buyer.',
        'I would report to the board each quarter on the repeat rate against the target and what we learned from the experiments.',
      ],
    },
    incentives: {
      shared: [
        'Both sides would own revenue from returning buyers, not total sales.',
        'One number: GMV from customers on their second or later order, reported to both heads each week.',
        'Net margin from repeat orders, counted the same way for category, marketing and product.',
      ],
      decide: [
        'The category head and I decide together, with the finance lead breaking the tie if we disagree.',
        'A weekly forum of marketing, category and product weighs the sale against its cost in returning buyers, and the COO has the final word.',
        'We put it to a short test on 10% of users first; the CEO decides on the full sale from those results.',
      ],
      cadence: [
        'A short sync every Tuesday before the weekly sale calendar is locked, and a longer review after each big sale.',
        'Twice a month, with the category leads, marketing and me in the same room looking at the same numbers.',
        'Weekly during festive season, monthly the rest of the year, and a reset of targets each quarter.',
      ],
      pay: [
        'Part of the category bonus would depend on buyers who come back within 60 days, not just on sales in the month.',
        'I would move a quarter of the marketing team’s variable pay from first orders to first orders that lead to a second one.',
        'Sale bonuses would be paid on margin after returns, so a discount that brings only one-off buyers earns little.',
      ],
      risk: [
        'Teams could push cheap coupons just before the 60-day window closes, so I would watch discount spend per returning buyer.',
        'Marketing might stop bringing in new customers and only target existing ones, so new buyer numbers stay on the review too.',
        'Category managers could push fast-selling cheap items that come back as returns, which is why returns are deducted before any bonus.',
      ],
      example: [
        'At a grocery app I worked at, we tied the buyers’ bonus to orders kept after returns; within two quarters the return rate fell from 18% to 11%.',
        'Yes, in a fashion marketplace we shared one repeat-revenue goal with marketing, and discount spend dropped by a fifth while second orders rose.',
        'We tried it in 2023 with our category team; they pushed back at first, but by the second month they were planning sales around returning buyers.',
      ],
    },
    'flat-repeat': {
      diagnose: [
        'First I would confirm the tracking did not change with the launches, then split returning buyers by city, cohort and payment method to see who stalled.',
        'Compare people who used each launch with those who did not, and look at delivery times and returns over the same two months.',
        'Break the number down by acquisition channel and first-order category; if one slice flattened, that is where I would dig.',
      ],
      plan: [
        'Test a one-tap reorder for staples on half of new buyers, and call it a success if second orders in that half rise two points in six weeks.',
        'Cut delivery time for cash buyers in tier-2 cities and compare with untouched cities; if their return within 60 days improves by 10%, it worked.',
        'Stop the launch that did nothing, put the team on reorder reminders, and judge it on the next cohort’s second-order rate against a holdout.',
      ],
      tell: [
        'My manager the same day, then the leadership team at Friday’s review with the findings and the next two experiments.',
        'A short written note to the CEO and the category heads within two days, before it shows up in the monthly numbers.',
        'Openly in the monthly business review, with what we got wrong, what we are trying and when they will hear next.',
      ],
      learn: [
        'Every launch would start with a written hypothesis and a holdout group, so we know within weeks which ones moved anything.',
        'I would size launches smaller and ship fewer at once, so their effects are not tangled together.',
        'Check the assumptions behind each launch halfway through the quarter instead of waiting for the number at the end.',
      ],
    },
  },
};

/** The SaaS scenario (a helpdesk sold per seat, where renewals and expansion decide the year). */
const SAAS: Script = {
  opening: {
    'north-star': 'I would look at how well the product is doing overall.',
    guardrails: 'I would keep an eye on a few numbers next to the main one.',
    vision: 'I would try to keep the product and the business pointing the same way.',
    incentives: 'I would get the teams talking to each other more.',
    'nrr-miss': 'I would look into it with the team.',
  },
  replies: {
    'north-star': {
      'how-arrived': [
        'Revenue shows up a year late, at renewal; what predicts a renewal is teams actually answering their tickets in the product every week, so I picked that.',
        'Looking at last year’s churned accounts, most had fewer than half their paid seats logged in during the quarter before they left, so usage came first.',
        'Bookings can be pushed by discounts at quarter end, whereas seats in daily use only grow when support teams rely on us, and that is what gets renewed and expanded.',
      ],
      define: [
        'An agent seat counts as active when it resolves at least five tickets in a calendar week; we divide by paid seats, per account.',
        'The share of paid seats that logged in and replied to a customer on at least three days in the last 14, taken from the event log, not the billing system.',
        'Weekly active agents in accounts with ten or more seats, where active means handling one ticket or more that week.',
      ],
      secondary: [
        'Beside it: tickets resolved per agent, time to first reply, and gross revenue retention as the number that must not fall.',
        'I would also follow seat growth inside existing accounts, automation usage, and support tickets filed against our own product.',
        'Admin logins per account, the share of tickets handled by automation, and contraction at renewal.',
      ],
      'only-one': [
        'Weekly active agent seats; the rest follows from that.',
        'Seats in real daily use. If those grow, renewals and upsell follow.',
        'The share of paid seats that are used every week, nothing else.',
      ],
      'why-here': [
        'We charge per agent seat, so a seat nobody uses is the first one cut at renewal and a busy team asks for more seats.',
        'Small customers churn after their first renewal; for them, whether agents work in the tool every day decides whether the plan is renewed.',
        'In a seat-priced helpdesk, expansion only happens when the support team grows inside our product, so usage per seat is revenue a year early.',
      ],
    },
    guardrails: {
      inputs: [
        'Onboarding that gets a new account’s agents answering tickets in week one, and automation rules that make each agent faster, so teams keep using us.',
        'Two levers: importing the customer’s old tickets on day one, and integrations with their CRM, because agents who see context stay in the tool.',
        'We push activation through guided setup and usage through faster search; both move active seats within weeks.',
      ],
      guardrail: [
        'Pushing seat usage could mean nagging emails that annoy admins; I would watch unsubscribes and complaints, and stop the campaign if they double.',
        'We might inflate usage by making agents click more, so time to resolve a ticket must not rise above its current median.',
        'Rushing features for big accounts could make the product slower; if page load passes two seconds for more than 1% of requests, feature work pauses.',
      ],
      horizon: [
        'Weekly logins and first-week setup tell me within days; renewals and downgrades only show up at the end of the contract.',
        'Activation and ticket volume warn early; gross retention and expansion confirm a year later.',
        'Anything per week on new accounts is the early warning, and renewal cohorts are the slow confirmation.',
      ],
      decisions: [
        'If usage falls in accounts under 20 seats while big ones are fine, I would move the onboarding team from enterprise setups to small accounts.',
        'When response times slipped last year, we froze the new reporting module for a sprint and fixed search performance first.',
        'A drop in first-week setup completion would make me pull budget from new integrations into guided onboarding.',
      ],
    },
    vision: {
      'learn-goals': [
        'I would ask the CEO and the CFO what moving upmarket has to deliver this year, and read the annual plan and the last board deck.',
        'Talk to the sales leader and finance about what a good year looks like in numbers, then write it down and get them to confirm it.',
        'Go through the company plan with leadership and turn it into two or three targets, such as a higher average contract value.',
      ],
      translate: [
        'Every roadmap item has to say which part of the upmarket target it serves: SSO and audit logs unblock big deals, admin roles help them expand.',
        'I would set OKRs whose key results are enterprise deals won and seats added, then rank every idea by its effect on them.',
        'The strategy becomes a handful of bets, like multi-brand inboxes and data residency, each with the revenue it should unlock.',
      ],
      stakeholders: [
        'Sales, customer success and finance, in a planning workshop where they shape the bets before anything is final.',
        'I would meet the heads of sales and success one to one, take their objections, then share the final plan with everyone.',
        'Engineering leads and the commercial heads join quarterly planning, and I send a short written summary after every change.',
      ],
      adapt: [
        'We review the bets every quarter; if enterprise win rates have not moved by June, I would shift effort back to mid-market.',
        'I would set a mid-year checkpoint in advance, with the number that would make us change course, so the decision is not emotional.',
        'Keep bets small enough to stop within a month, and replan with leadership as soon as the numbers say the bet is not paying.',
      ],
      measure: [
        'A quarterly one-page update to the board: enterprise ARR, contract value and which releases moved them.',
        'A dashboard the CEO sees every week that ties shipped features to deals won and seats added.',
        'I would present to the board each quarter how net retention and deal size track against the plan, and what we learned.',
      ],
    },
    incentives: {
      shared: [
        'All three would share net revenue retention of the accounts signed this year.',
        'One number: revenue from accounts still with us after their first renewal, reported to all three heads each month.',
        'Seats in weekly use across the customer base, counted the same way for sales, success and product.',
      ],
      decide: [
        'The product lead and the sales head decide together, and the CEO breaks the tie within a week.',
        'A fortnightly deal desk with sales, success and product ranks custom requests by revenue at stake; the CPO has the final word on the roadmap.',
        'Nothing gets promised without a product sign-off; if sales disagrees, it goes to the weekly leadership meeting.',
      ],
      cadence: [
        'A thirty-minute call every week on the deals and renewals at risk, with a longer look at the end of each month.',
        'A weekly pipeline and renewals sync, and a quarterly session where targets are reset.',
        'Each fortnight, plus a monthly review that goes through the whole customer journey end to end.',
      ],
      pay: [
        'Part of sales commission would be paid when the account renews, not all at signature.',
        'I would move a fifth of the reps’ variable pay from bookings to bookings that are still active after twelve months.',
        'Customer success would earn on expansion as well as renewals, and sales would lose commission on accounts that churn within six months.',
      ],
      risk: [
        'Reps might chase only large, safe accounts and ignore new markets, so I would watch the mix of new logos.',
        'Success could hold back downgrades until after the bonus period, which is why I would look at contraction a quarter later too.',
        'It could slow sales down if the payout feels too far away, so part of it has to arrive within the quarter.',
      ],
      example: [
        'At my last company we paid a third of commission at first renewal; within a year, churn among new accounts fell from 22% to 14%.',
        'Yes, in a payroll software firm we gave sales and success one retention goal, and the number of deals sold with custom promises halved.',
        'We tried it in 2022 with our enterprise team; reps complained at first, but by the second quarter renewals had improved and they liked the steadier pay.',
      ],
    },
    'nrr-miss': {
      diagnose: [
        'First I would check how the number is calculated this quarter, then split it into churn, downgrades and expansion by segment and region.',
        'Compare the accounts that left or shrank with those that grew, and look at their usage and support tickets in the months before renewal.',
        'Break it down by plan size and cohort; if small accounts after their first year explain most of the gap, that is where I dig.',
      ],
      plan: [
        'Test a renewal check-in programme for accounts whose weekly usage is falling, and call it a success if their renewal rate rises five points against a holdout.',
        'Offer small accounts a cheaper annual plan at renewal; if downgrades replace cancellations without cutting revenue, it worked.',
        'Stop the feature work with no effect on retention, put the team on onboarding for new accounts, and judge it on the next cohort’s 90-day usage.',
      ],
      tell: [
        'My manager the same day, then the executive team at Monday’s meeting with the findings and the next two experiments.',
        'A short written note to the CEO and the heads of sales and success within two days, before the board pack goes out.',
        'Openly in the quarterly business review, with what we got wrong, what we will try and when they will hear from me next.',
      ],
      learn: [
        'Build the target from cohort renewal data instead of last year plus a stretch, and check it at mid-quarter.',
        'Write down the assumptions behind the target, like the expansion rate of large accounts, and test each one against the data.',
        'Set an alert when renewals in the next 90 days look weak, so we react a quarter earlier next time.',
      ],
    },
  },
};

/** By scenario id. */
export const SCRIPTS: Record<string, Script> = { fintech: FINTECH, ecommerce: ECOMMERCE, saas: SAAS };
