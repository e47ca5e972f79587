// What an interviewer says that is not a product-management question. Cues are in the phrase
// syntax of rubric lexicons; "a + b" needs both parts.

/** Talk around the interview: never graded, never reported as an ungraded question. */
export type AsideKind = 'small-talk' | 'introduction' | 'wrap-up' | 'logistics' | 'thanks' | 'sponsor';

export const ASIDES: readonly { family: AsideKind; name: string; detect: readonly string[] }[] = [
  {
    family: 'small-talk',
    name: 'small talk',
    detect: [
      "(how are you|how's it going|how is it going|how was your|how's your day|how is your day|can you hear me|can you see my|is my audio|hear me okay|hear me ok|hear me alright)",
      'shall we (start|begin|get started|dive in|kick off)',
      '(are you|you) ready',
      'ready to (start|begin|go)',
      '(good time|did you find|any trouble|get you anything|all set)',
      'thanks for (joining|coming|making the time|taking the time)',
      '(favourite|favorite) (book|books|film|films|movie|movies|podcast|song|food|place|hobby|app)',
      "how's the weather",
      '(book|books) + reading',
      '(name|title|author) of (that|the|this|your) (book|podcast|article|paper|talk|blog|newsletter|course|episode|essay)',
      'how (do|would) you (pronounce|spell)',
      '(weekend|holiday|vacation|coffee|weather)',
      // Whether they caught something someone else said: "Did you see the keynote where…?"
      '(did|have) you (see|seen|read|hear|heard|catch|caught|watch|watched|attend|attended|listen to|listened to) + (keynote|talk|memo|post|article|blog|podcast|episode|video|email|announcement|interview|news|presentation|book|essay|thread|tweet|newsletter|speech|town hall|webinar)',
    ],
  },
  {
    family: 'introduction',
    name: 'an introduction',
    detect: [
      '(introduce yourself|quick introduction|short introduction|brief introduction|about yourself|your background|your journey|your story)',
      'how (did|do) you (get|end up|come|first get) (into|to|in)',
      'how you (got|came|ended up|first got) (into|to|in)',
      'tell (me|us|our listeners|listeners|the audience|everyone) + (about you|your career|who you are)',
      'walk me through your (resume|cv|career|background)',
    ],
  },
  {
    family: 'wrap-up',
    name: 'a wrap-up',
    detect: [
      "(anything|something) else (before|to add|you want to add|you would like to add|you'd like to add|we should|i should|on your mind|for us|for me)",
      'is that everything',
      'before we (wrap|close|finish|end|go|sign off|let you go|run out)',
      '(wrap up|wrap things up|wrapping up|to wrap|out of time|almost out of time|nearly out of time)',
      'any other business',
      '(last|final|parting|closing) (words|thoughts|question|questions|advice|piece|tip)',
      '(where|how) (can|do|should) (people|listeners|folks|viewers|they|we|our listeners|someone) + (find|follow|reach|get in touch|contact|connect)',
      'get in touch',
      '(questions|anything) (for me|for us)',
      '(any|other) questions',
      'should have asked',
    ],
  },
  {
    family: 'logistics',
    name: 'logistics',
    detect: [
      '(share|see|sharing) (my|your|the) screen',
      '(taking|take) (the)? notes',
      '(send|share|forward|circulate) + (deck|link|notes|slides|doc|invite|recording|minutes)',
      '(move|push|reschedule|postpone|bump) + (meeting|retro|call|standup|stand up|sync|release|review|demo|monday|tuesday|wednesday|thursday|friday|next week|tomorrow)',
      '(hard stop|offsite|off site|calendar invite|on the agenda|all hands|slide|slides|deck)',
      'notice period',
      'salary expectation*',
      'take (a|five|ten)? (short|quick)? (break|minutes)',
      'reconvene',
      'handout',
      'on the (exam|test|quiz)',
      'read the slide',
      'where are we on',
      '(did|has|have) (the)? (vendor|finance|legal|contract|numbers|design|build|invoice) + (send|sent|come through|come back|landed|arrive*)',
      'who (owns|is taking|is on|will take|wants to take)',
      'still on for',
      '(do you want|would you like|want) me to',
      '(spreadsheet|csv|excel|pdf|wiki|jira|confluence)',
      '(down|broken|not loading|loading slowly) for (anyone|everyone|you)',
      'just me',
      '(budget|pay|paying|book|booking) for (the)? _? _? (dinner|lunch|party|offsite|drinks|event|trip|celebration|swag|pizza|team outing)',
      '(what do we know|what we know so far|what did you find|what you found|what have you found|what did we find|what we found)',
      '(first|next|last|final) (item|agenda item|thing on the agenda)',
      // A price: "How much does the workshop cost per seat?"
      'how much (does|do|did|is|are|will|would|should) + (cost|costs|charge|charges|price|fee|fees)',
    ],
  },
  {
    family: 'thanks',
    name: 'thanks',
    detect: ['(thank you|thanks|thank)'],
  },
  {
    family: 'sponsor',
    name: 'a sponsor read',
    detect: [
      '(brought to you|sponsored|supported) by',
      "(our|today's|this episode's|this week's) sponsor*",
      'word from our',
      'use (the)? (code|promo code|coupon)',
      'free (trial|month|months)',
      'dot com',
    ],
  },
];

// Interview questions rehearse recognises but has no rubric for, so a refusal can name what it
// saw ("a behavioural question") instead of saying only that nothing matched.
export const OTHER_FAMILIES: readonly {
  family: string;
  name: string;
  detect: readonly string[];
  /**
   * Its cues name a situation of its own that shares words with the graded families (a service's
   * metrics for its on-call engineer, one customer's complaint): a question showing them is graded
   * only when its family outweighs them as it must outweigh talk around the interview.
   */
  rivals?: boolean;
}[] = [
  {
    family: 'behavioural',
    name: 'a behavioural question',
    detect: [
      '(tell me|tell us|talk me through|walk me through|describe|share) (about)? (a|an|one) (time|situation|moment|occasion|example|project)',
      '(a|one) time (when|where) you',
      '(conflict|disagreement|disagreed|failure|failed|mistake|proudest|hardest|toughest|difficult) + (you|your)',
      'greatest (strength|weakness)',
    ],
  },
  {
    family: 'product-design',
    name: 'a product design question',
    detect: [
      '(design|build|create|imagine) (a|an|the) (product|app|feature|service|experience) for',
      'how would you (design|improve|redesign)',
      '(favourite|favorite) (product|app)',
    ],
  },
  {
    family: 'estimation',
    name: 'an estimation question',
    detect: [
      'how many + (are there|sold|in the|per year|a day|each day|every day)',
      '(estimate|size|sizing) + (market|number|how many|demand)',
      'market size',
    ],
  },
  {
    family: 'prioritisation',
    name: 'a prioritisation question',
    detect: [
      '(prioritise|prioritize|prioritising|prioritizing|prioritisation|prioritization|trade off|trade-off|tradeoff)',
      'what would you (cut|drop|build first)',
    ],
  },
  {
    family: 'delivery',
    name: 'a question about running the backlog',
    detect: [
      '(backlog|sprint|sprints|bugs|tickets|standup|stand-up|story points) + (prioritise|prioritize|prioritising|prioritizing|order|triage|groom*|plan|estimate)',
    ],
    rivals: true,
  },
  {
    family: 'motivation',
    name: 'a question about you and your motives',
    detect: [
      'why (do you want|are you interested|this company|this role|us|product management)',
      'where do you see yourself',
      '(tell me|tell us) about yourself',
      '(five|5|ten|10) years',
      '(questions|anything) (for me|for us)',
    ],
  },
  {
    family: 'technical',
    name: 'a technical question',
    detect: [
      '(system design|architecture|database|api|algorithm|latency|scal* the system|sql)',
      '(on-call|on call|oncall|pager|paging|sre|slo|slos|error budget|endpoint*|microservice*|server|servers|cluster*|p99|p95|throughput|outage*|incident response)',
      '(metrics library|metric library|instrumentation|grafana|prometheus|datadog|kubernetes|pod|pods|retry logic|time complexity|shard*|cache|caching)',
      '(engineer|engineers|developer|developers|ops team) + (service|system|api|alert*|health|healthy|expose|instrument*|logs|logging)',
      '(this|the|that|your|our) (service|api|system|database|queue|cache|pipeline) + (healthy|health|up|down|errors|load|alert*|expose|emit|instrument*|monitor*)',
    ],
    rivals: true,
  },
  {
    family: 'support',
    name: 'a customer-support question',
    detect: [
      '(a|one|that|this|the|your|an angry|an upset|a frustrated|an unhappy) (customer|user|client|merchant|buyer|subscriber) (told|tells|says|said|complains|complained|asks|asked|threatens|threatened|emails|emailed|calls|called|writes|wrote|is switching|wants to cancel|demands|demanded|yells|yelled|tweets|tweeted)',
      '(angry|upset|frustrated|unhappy|irate) (customer|user|client|caller)',
    ],
    rivals: true,
  },
];
