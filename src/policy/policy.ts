// The scorer's policy: the numbers and word lists that decide what an answer earns, read from policy.json and checked.
// A number belongs here when a person tuning the scorer would change it. Bounds that only keep a scan
// short, and numbers that only shape what is shown (quote length, how many improvements), stay in code.
import * as z from '../zod.js';
import data from './policy.json' with { type: 'json' };

const share = z.number().min(0).max(1);
const words = z.number().int().min(1);
/** Lower-case words or phrases, written as they are said ("I" keeps its capital). */
const wordList = z
  .array(
    z
      .string()
      .regex(/^[A-Za-z' ]+$/)
      .min(1),
  )
  .min(1);

export const Policy = z
  .object({
    version: z
      .string()
      .regex(/^\d+\.\d+\.\d+$/)
      .describe(
        'Saved with every score as `scorerVersion`. Bump it with any change here, or in the code that applies these numbers, that can change a score: a saved score then says which scorer made it.',
      ),
    bands: z
      .object({ weak: z.number(), adequate: z.number(), strong: z.number() })
      .strict()
      .refine((b) => b.weak > 0 && b.adequate > b.weak && b.strong > b.adequate && b.strong < 100, {
        message: 'bands must rise inside the scale: 0 < weak < adequate < strong < 100',
      })
      .describe(
        "Where each band starts on the 0–100 scale a candidate sees, for every rubric and model: a model's own cut points are mapped onto these, and an anti-pattern's ceiling keeps a total below the next one up.",
      ),
    nonAnswer: z
      .object({
        minContentWords: words.describe('Fewer different content words than this is not an attempt at an answer, and scores 0.'),
        minOwnWords: words.describe(
          "Fewer different content words or figures than this of the answer's own (not the question's or its answered follow-ups' words, the rubric's titles, a kind noun, a word any answer uses), in the sentences on the question, and the answer only restates the question: it scores 0.",
        ),
        minLatinShare: share.describe(
          "Below this share of an answer's letters in Latin script, it is not in English: the word lists and cues are English, so no rubric point could be found in it. It is not graded (0), and the feedback says the scorer grades English.",
        ),
        nothingEarnedCap: z
          .number()
          .min(0)
          .max(100)
          .describe(
            "An answer that meets no criterion's level, and to which no term of the model in use adds a point (no rubric signal found, none of the reasoning the model pays for), keeps at most this many points: what the model's intercept gives is not earned.",
          ),
      })
      .strict(),
    prose: z
      .object({
        minShare: share.describe(
          "Below this share of the answer's words in sentences, it is a list of terms: fragments earn no rubric signal and the total stays at or below the model's listCap.",
        ),
        minWords: words.describe(
          'A sentence needs at least this many words, one of them a function word, to be prose rather than a fragment.',
        ),
        listItems: words.describe('A sentence of at least this many items between commas, "and" or "or" …'),
        listItemWords: z
          .number()
          .positive()
          .describe('… of at most this many words each on average is a list of terms, not prose, even with a function word in it.'),
      })
      .strict(),
    relevance: z
      .object({
        unitThreshold: share.describe(
          "In a turn without marks, relevance is judged on units cut where the boundary model gives a sentence start at least this likely: lower than the model's own threshold, as a unit too short is rejoined by the thread and one too long carries an unrelated story in with the answer.",
        ),
        unitShare: share.describe('A sentence is read when at least this share of its words lie in units that bear on the question.'),
        minShare: share.describe(
          "Below this share of the answer's words in sentences that bear on the question, the answer is off topic: it is said so, and its total stays at or below offTopicCap.",
        ),
        minConcepts: words.describe(
          "An answer that names fewer of the rubric's topic concepts than this is off topic: one named in passing does not make it about the question.",
        ),
        rivalConcepts: words.describe(
          "An answer that names at least this many of one other family's concepts that the question's own topic does not share…",
        ),
        rivalRatio: z.number().positive().describe("… more than this many times as many as of the question's own…"),
        rivalCoverage: share.describe(
          "… and meets less than this share of the rubric's criterion levels answers that other question: it is off topic.",
        ),
        rivalClear: words.describe("An answer naming at least this many of one other family's concepts…"),
        ownFew: z.number().int().min(0).describe("… and at most this many of the question's own…"),
        rivalShare: share.describe(
          "… in sentences that lean to that family for at least this share of its words answers that other question whatever it meets of this rubric: it is off topic. One sentence on another question's ground does not make an answer off topic.",
        ),
        neighbours: z
          .array(z.tuple([z.string().min(1), z.string().min(1)]))
          .refine((pairs) => pairs.every(([a, b]) => a !== b && a !== 'none' && b !== 'none'), {
            message: 'each pair names two different families, neither of them "none"',
          })
          .describe(
            'Families whose answers overlap by nature (a KPI answer says something of its supporting metrics): to the topic model, an answer about one is not about another question when the other is asked.',
          ),
        topicLead: z
          .number()
          .describe(
            'The answer topic model (src/scoring/rubric/topic.ts) weighs how much likelier the asked family is than the likeliest other (a natural log). At this lead or more the answer is on the question and keeps its whole total…',
          ),
        topicBehind: z
          .number()
          .positive()
          .describe(
            "… and with another family this far ahead or more it keeps none of it; in between, the total is scaled in proportion. For families the model does not know (a user's own), only the concepts decide.",
          ),
        topicOffAt: share.describe('At or below this share of its total kept, the answer is said to be off topic.'),
        topicSure: z
          .number()
          .describe(
            "When the topic model, reading the whole answer, finds the asked family (with its neighbours) at least this much likelier than any other (a natural log), the answer is not judged off topic by the concepts: a diagnosis told in the company's own terms names few of them.",
          ),
        offTopicCap: z
          .number()
          .min(0)
          .max(100)
          .describe(
            'The highest total an off-topic answer can have, however well it is written; below it, the total is scaled by the share of the answer that bears on the question.',
          ),
      })
      .strict()
      .refine((r) => r.topicLead + r.topicBehind > 0, { message: 'topicLead must be above -topicBehind', path: ['topicLead'] }),
    negationReach: words.describe(
      'How many words a negator reaches forward within its clause: "not QR codes issued or app downloads" rejects both.',
    ),
    features: z
      .object({
        fullLength: words.describe(
          'Words at which `length` stops costing (when lengthFloor is below 0), and at which counts saturate at their full `saturateAt` (src/scenario/features.ts; see denseFloor).',
        ),
        lengthFloor: z
          .number()
          .max(0)
          .describe(
            'The lowest `length` goes (the log of words over fullLength). 0 switches it off: length is not quality, and a dense short answer must not lose for being short (short answers lose through what they leave out instead). A negative floor, such as -2 (reached at about a seventh of fullLength), makes short answers cost.',
          ),
        stuffedShare: share.describe(
          "Above this share of a sentence's characters in cue phrases, its cues do not count. In answers people wrote, cue phrases cover a fifth of a sentence at most; strung together, they cover most of it.",
        ),
        genericPerWords: z.number().positive().describe('`generic` reaches its full value at one management word in this many.'),
        enumeration: z
          .object({
            items: words.describe('A sentence of at least this many items between commas, semicolons, "and" or "or", given no reason …'),
            itemWords: z.number().positive().describe('… of at most this many words each on average counts towards `enumeration`.'),
          })
          .strict(),
        sentenceWords: words.describe(
          'A sentence counts as one for every this many words it holds: speech transcribed without full stops is one long sentence, and counts must not depend on where the full stops fall.',
        ),
        denseFloor: share.describe(
          'Counts saturate sooner in shorter answers, in proportion to their length up to fullLength, but never sooner than at this share of their `saturateAt`: a dense answer is not paid less for leaving nothing out.',
        ),
      })
      .strict(),
    disfluency: z
      .object({
        sounds: wordList.describe(
          'Hesitation sounds, fillers wherever they stand, in any case. A form drawn out or cut short ("ummm", "hm") is named by the first of these with the same letters once repeats are dropped.',
        ),
        notSounds: wordList.describe('Forms that are words of their own ("err on the side of caution", "m" for metres), never fillers.'),
        adverbs: wordList.describe('Sentence adverbs that carry no content in a spoken answer, fillers wherever they stand.'),
        markers: wordList.describe(
          'Discourse markers, fillers only when set off: at the start of a clause and followed by a comma ("Like, we…", "and you know, the…"), or after a comma and followed by a comma or the end of the sentence ("it dropped, you know."). "metrics like retention" and "do you know the churn rate" are content.',
        ),
        opensClause: wordList.describe('Words after which a marker still opens a clause: "so like, we…", "but I mean, the…".'),
        commaBefore: wordList.describe(
          'Words that take a comma before them. A filler set off by commas is blanked with both commas, as if it was never said, unless the next word is one of these: then the first comma was the clause\'s own ("retention fell, um, so we paused"), and the scorer reads a comma before "so" and "not" as a cue.',
        ),
        repeatable: wordList.describe('Words said twice on purpose ("that that", "had had"): a repetition of these is no stutter.'),
      })
      .strict()
      .describe(
        'What a spoken answer holds besides its content: fillers and stutters, blanked before the answer is read so they neither cost nor earn points, and counted for delivery.',
      ),
  })
  .strict();
export type Policy = z.infer<typeof Policy>;

/** The policy every score is made by. */
export const POLICY: Policy = Policy.parse(data);
