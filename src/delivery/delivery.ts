// How an answer was spoken, from its timings: pace, fillers, the longest pause, time against the budget. No part of the score.
import * as z from '../zod.js';
import { fillerSpans } from '../text/disfluency.js';
import { countWords } from '../text/text.js';
import data from './policy.json' with { type: 'json' };
import type { TimedSpeech } from './speech.js';

const why = z.string().min(1).describe('Where the number comes from, for whoever tunes it.');

/** Where each figure stops being comfortable: read from policy.json and checked. */
export const DeliveryPolicy = z
  .object({
    pace: z
      .object({ slowBelow: z.number().positive(), fastAbove: z.number().positive(), why })
      .strict()
      .refine((p) => p.slowBelow < p.fastAbove, { message: 'slowBelow must be below fastAbove' }),
    fillers: z.object({ perMinuteAbove: z.number().min(0), why }).strict(),
    pause: z.object({ secondsAbove: z.number().positive(), why }).strict(),
    time: z.object({ shortBelow: z.number().min(0).max(1), why }).strict(),
    judgedFrom: z.object({ seconds: z.number().min(0), why }).strict(),
  })
  .strict();
export type DeliveryPolicy = z.infer<typeof DeliveryPolicy>;

export const DELIVERY_POLICY: DeliveryPolicy = DeliveryPolicy.parse(data);

const count = z.number().int().min(0);
const seconds = z.number().min(0);

export const Delivery = z.object({
  /**
   * How the figures were timed: word timings, segment timings (subtitle cues, Whisper segments), or
   * only when each turn began (Otter), where a turn's end is where the next began: the pace is then
   * a lower bound, and no pause can be told.
   */
  timing: z.enum(['words', 'segments', 'turns']),
  /** Seconds from the first word to the last. */
  seconds,
  words: count,
  wordsPerMinute: z.number().min(0),
  /** `which`: each filler and how often it was said, most frequent first. */
  fillers: z.object({ count, perMinute: z.number().min(0), which: z.array(z.object({ filler: z.string(), count })) }),
  /** The longest silence between words (or between segments), and the words just before it. */
  longestPause: z.object({ seconds, after: z.string() }).optional(),
  /** Time spoken against the question's budget, when one is given. */
  budget: z.object({ seconds: z.number().positive(), share: z.number().min(0) }).optional(),
  /** Plain-language notes, one per figure outside its comfortable range. */
  notes: z.array(z.object({ figure: z.enum(['pace', 'fillers', 'pause', 'time']), text: z.string() })),
});
export type Delivery = z.infer<typeof Delivery>;
export type DeliveryNote = Delivery['notes'][number];

/** A stretch of speech with its times: a word, or a segment when there are no word timings. */
interface Stretch {
  text: string;
  start: number;
  end: number;
  approximate?: true;
}

/** The finest timings the speech has, in order, without stretches that hold no word. */
function stretchesOf(speech: TimedSpeech): { timing: Delivery['timing']; stretches: Stretch[] } | undefined {
  // A stretch holds a word when it holds a letter or a digit: the same test the word count makes, without counting.
  const said = (s: Stretch) => /[\p{L}\p{N}]/u.test(s.text);
  const words = (speech.words ?? []).map((w) => ({ text: w.word, start: w.start, end: w.end })).filter(said);
  if (words.length) return { timing: 'words', stretches: inOrder(words) };
  const segments = (speech.segments ?? []).filter(said);
  if (!segments.length) return undefined;
  return { timing: segments.some((s) => s.approximate) ? 'turns' : 'segments', stretches: inOrder(segments) };
}

const inOrder = (s: Stretch[]) => [...s].sort((a, b) => a.start - b.start);
const tenths = (n: number) => Math.round(n * 10) / 10;
const hundredths = (n: number) => Math.round(n * 100) / 100;

/** "1:05" */
export function minutesAndSeconds(s: number): string {
  const whole = Math.round(s);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

/** How many of each filler, most frequent first; a tie in the order first said. */
function fillersIn(text: string): { count: number; which: { filler: string; count: number }[] } {
  const counts = new Map<string, number>();
  const spans = fillerSpans(text);
  for (const s of spans) counts.set(s.filler, (counts.get(s.filler) ?? 0) + 1);
  const which = [...counts].map(([filler, n]) => ({ filler, count: n })).sort((a, b) => b.count - a.count);
  return { count: spans.length, which };
}

/** How many words before a pause are quoted: enough to find the place in the answer. */
const AFTER_WORDS = 4;

/** The last few words up to stretch `upTo`, as said, without the punctuation that closes them. */
function wordsBefore(stretches: readonly Stretch[], upTo: number): string {
  const words = stretches
    .slice(Math.max(0, upTo - AFTER_WORDS + 1), upTo + 1)
    .flatMap((s) => s.text.split(/\s+/))
    .filter(Boolean);
  return words
    .slice(-AFTER_WORDS)
    .join(' ')
    .replace(/[,;:.!?…]+$/u, '');
}

/** The longest gap between one stretch's end and the next one's start, if any. */
function longestPauseIn(stretches: readonly Stretch[]): Delivery['longestPause'] {
  let at = -1;
  let longest = 0;
  for (let i = 1; i < stretches.length; i++) {
    const gap = stretches[i]!.start - stretches[i - 1]!.end;
    if (gap > longest) {
      longest = gap;
      at = i - 1;
    }
  }
  return at < 0 ? undefined : { seconds: tenths(longest), after: wordsBefore(stretches, at) };
}

/** The seconds of silence in gaps longer than `above`, between one stretch and the next. */
function longSilences(stretches: readonly Stretch[], above: number): number {
  let total = 0;
  let end = stretches[0]?.end ?? 0;
  for (const s of stretches.slice(1)) {
    if (s.start - end > above) total += s.start - end;
    end = Math.max(end, s.end);
  }
  return total;
}

/** A note for each figure outside its comfortable range; none when all of them are comfortable. */
function notesOn(d: Omit<Delivery, 'notes'>, raw: { fillersPerMinute: number; share?: number }, p: DeliveryPolicy): DeliveryNote[] {
  const notes: DeliveryNote[] = [];
  const judged = d.seconds >= p.judgedFrom.seconds;
  if (judged && d.wordsPerMinute > p.pace.fastAbove)
    notes.push({
      figure: 'pace',
      text: `About ${d.wordsPerMinute} words a minute: fast for an interview. Slow down at the numbers and at the decision, so they land.`,
    });
  // Timed by turns, the pace is a lower bound: the candidate may have stopped well before the next turn began.
  else if (judged && d.timing !== 'turns' && d.wordsPerMinute < p.pace.slowBelow)
    notes.push({
      figure: 'pace',
      text: `About ${d.wordsPerMinute} words a minute: slow enough to sound unsure. Know your first sentence before you start, and say your choice before the reasons.`,
    });
  if (judged && raw.fillersPerMinute > p.fillers.perMinuteAbove) {
    const { count, perMinute, which } = d.fillers;
    const top = which.filter((w) => w.count === which[0]!.count);
    const named = (ws: typeof which) => ws.map((w) => `"${w.filler}"`).join(', ');
    const said =
      count === 1
        ? `1 filler, about ${perMinute} a minute, "${which[0]!.filler}"`
        : top.length === 1
          ? `${count} fillers, about ${perMinute} a minute, most often "${which[0]!.filler}"`
          : `${count} fillers, about ${perMinute} a minute (${named(which.slice(0, 3))}${which.length > 3 ? '…' : ''})`;
    notes.push({ figure: 'fillers', text: `${said}: enough to be noticed. A short silence sounds surer than a filler.` });
  }
  if (d.longestPause && d.longestPause.seconds > p.pause.secondsAbove)
    notes.push({
      figure: 'pause',
      text: `A silence of ${d.longestPause.seconds} seconds after "${d.longestPause.after}": long enough to seem lost. If you need time, say what you are weighing.`,
    });
  if (d.budget && raw.share !== undefined) {
    const spoken = minutesAndSeconds(d.seconds);
    const budget = minutesAndSeconds(d.budget.seconds);
    if (raw.share > 1)
      notes.push({
        figure: 'time',
        text: `${spoken} against a budget of ${budget}: too long. Give the answer first and cut the background.`,
      });
    else if (raw.share < p.time.shortBelow)
      notes.push({
        figure: 'time',
        text: `${spoken} of a ${budget} budget: probably too short for this question. Add the reason for your choice and a number behind it.`,
      });
  }
  return notes;
}

/**
 * Pace, fillers, the longest pause and time against the budget; undefined when the speech has no
 * word or segment timings. Pace counts every word said, fillers included: it is how fast someone
 * speaks, not how much they say. With segments only, pauses are the gaps between segments.
 */
export function measureDelivery(speech: TimedSpeech, options: { budgetSeconds?: number } = {}): Delivery | undefined {
  const timed = stretchesOf(speech);
  if (!timed) return undefined;
  const { timing, stretches } = timed;
  const text = stretches.map((s) => s.text.trim()).join(' ');
  const first = stretches[0]!.start;
  const last = stretches.reduce((end, s) => Math.max(end, s.end), first);
  const spoken = Math.max(0, last - first);
  // A long silence is a pause, reported as one, not slow speech: pace is measured without it.
  const silent = timing === 'turns' ? 0 : longSilences(stretches, DELIVERY_POLICY.pause.secondsAbove);
  const minutes = (spoken - silent) / 60;
  const words = countWords(text);
  // Word timings come without punctuation, and "you know" or "like" is a filler only when set off by
  // commas: the fillers are counted in the transcript's own text when it has one.
  const fillers = fillersIn(speech.text.trim() ? speech.text : text);
  const fillersPerMinute = minutes > 0 ? fillers.count / minutes : 0;
  const budgetSeconds = options.budgetSeconds !== undefined && options.budgetSeconds > 0 ? options.budgetSeconds : undefined;
  const share = budgetSeconds ? spoken / budgetSeconds : undefined;
  const longestPause = timing === 'turns' ? undefined : longestPauseIn(stretches);
  const figures: Omit<Delivery, 'notes'> = {
    timing,
    seconds: tenths(spoken),
    words,
    wordsPerMinute: minutes > 0 ? Math.round(words / minutes) : 0,
    fillers: { count: fillers.count, perMinute: tenths(fillersPerMinute), which: fillers.which },
    ...(longestPause ? { longestPause } : {}),
    ...(budgetSeconds && share !== undefined ? { budget: { seconds: budgetSeconds, share: hundredths(share) } } : {}),
  };
  return { ...figures, notes: notesOn(figures, { fillersPerMinute, ...(share !== undefined ? { share } : {}) }, DELIVERY_POLICY) };
}
