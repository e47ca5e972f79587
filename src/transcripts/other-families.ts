/** Questions that are not part of the interview: the aligner passes over them. */
export const SMALL_TALK = 'small-talk';

// Interview questions rehearse recognises but has no rubric for, so a refusal can name what it
// saw ("a behavioural question") instead of saying only that nothing matched. Cues are in the
// phrase syntax of rubric lexicons; "a + b" needs both parts.
export const OTHER_FAMILIES: readonly { family: string; name: string; detect: readonly string[] }[] = [
  {
    // Greetings and housekeeping: passed over like any small talk, never reported as ungraded.
    family: SMALL_TALK,
    name: 'small talk',
    detect: [
      "(how are you|how's it going|how is it going|how was your|how's your day|how is your day|can you hear me|can you see my|is my audio)",
      'shall we (start|begin|get started|dive in|kick off)',
      '(are you|you) ready',
      'ready to (start|begin|go)',
      '(good time|did you find|any trouble|get you anything|all set)',
      'thanks for (joining|coming|making the time|taking the time)',
      '(favourite|favorite) (book|books|film|films|movie|movies|podcast|song|food|place|hobby|app)',
    ],
  },
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
    detect: ['(system design|architecture|database|api|algorithm|latency|scal* the system|sql)'],
  },
];
