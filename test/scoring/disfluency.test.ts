// Fillers and stutters: which words are found, which uses of "like", "you know" and "I mean" are not, and that none of them moves a score.
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load.js';
import { disfluencySpans, fillerSpans, type FillerSpan } from '../../src/text/disfluency.js';
import { blank } from '../../src/scoring/rubric/guards.js';
import { score } from '../../src/scoring/score.js';
import { tokenize } from '../../src/text/text.js';
import type { Score } from '../../src/scoring/types.js';
import { fixture } from '../helpers.js';

/** The spans as the words they cover, which a reader can check against the text. */
const said = (text: string, spans: FillerSpan[]) => spans.map((s) => ({ said: text.slice(s.start, s.end), filler: s.filler }));

/** The text as the scorer reads it once the spans are blanked, spaces folded so the table stays readable. */
function reading(text: string): string {
  let out = '';
  let at = 0;
  for (const s of disfluencySpans(text)) {
    out += text.slice(at, s.start) + ' '.repeat(s.end - s.start);
    at = s.end;
  }
  return (out + text.slice(at))
    .replace(/\s+/g, ' ')
    .replace(/ ([.,;:!?…])/g, '$1')
    .trim();
}

describe('fillerSpans', () => {
  it.each([
    { text: 'Um, so I would start with renewals.', found: [{ said: 'Um', filler: 'um' }] },
    {
      text: 'I would, uhh, look at ummm churn and erm the hmm ratio, mhm, and UH the rest.',
      found: [
        { said: 'uhh', filler: 'uh' },
        { said: 'ummm', filler: 'um' },
        { said: 'erm', filler: 'erm' },
        { said: 'hmm', filler: 'hmm' },
        { said: 'mhm', filler: 'mhm' },
        { said: 'UH', filler: 'uh' },
      ],
    },
    {
      text: 'Errr, the lockers. Mmm. Hm, uhm, then umm the drills.',
      found: [
        { said: 'Errr', filler: 'er' },
        { said: 'Mmm', filler: 'mm' },
        { said: 'Hm', filler: 'hmm' },
        { said: 'uhm', filler: 'uhm' },
        { said: 'umm', filler: 'um' },
      ],
    },
    {
      text: 'Basically the lockers were literally empty on Saturdays.',
      found: [
        { said: 'Basically', filler: 'basically' },
        { said: 'literally', filler: 'literally' },
      ],
    },
    { text: 'Like, we saw bookings drop in Porto.', found: [{ said: 'Like', filler: 'like' }] },
    { text: 'and like, the lockers were empty', found: [{ said: 'like', filler: 'like' }] },
    { text: 'Members were, like, really annoyed by it.', found: [{ said: 'like', filler: 'like' }] },
    { text: 'Bookings fell a lot, like.', found: [{ said: 'like', filler: 'like' }] },
    { text: 'You know, renewals pay for everything.', found: [{ said: 'You know', filler: 'you know' }] },
    { text: 'It was a big drop, you know.', found: [{ said: 'you know', filler: 'you know' }] },
    { text: 'So you know, we paused the new buildings.', found: [{ said: 'you know', filler: 'you know' }] },
    { text: 'The ladders, you know, ran out first.', found: [{ said: 'you know', filler: 'you know' }] },
    { text: 'I mean, renewal is what pays.', found: [{ said: 'I mean', filler: 'I mean' }] },
    { text: 'It depends, but I mean, the pilot was small.', found: [{ said: 'I mean', filler: 'I mean' }] },
    { text: 'We checked — um — the data first.', found: [{ said: 'um', filler: 'um' }] },
    { text: 'The drills - like - ran out.', found: [{ said: 'like', filler: 'like' }] },
  ])('finds the fillers in "$text"', ({ text, found }) => {
    expect(said(text, fillerSpans(text))).toEqual(found);
  });

  it.each([
    'Members like the drill library.',
    'I would pick metrics like retention and churn.',
    'Residents would like a second locker in the lobby.',
    "It's like a gym membership for tools.",
    "It's like, a gym membership for tools.",
    'Tools like, say, drills get booked most.',
    'Members, like-minded neighbours, share the tools.',
    'Do you know the churn rate in Porto?',
    'Use what you know, then test it.',
    'You know the members better than I do.',
    'I mean it: the number has to be real.',
    'What I mean, in short, is renewal.',
    'The hinge is 5 mm wide and 2 m tall.',
    "I'd err on the side of caution.",
    '',
  ])('finds no filler in "%s"', (text) => {
    expect(said(text, fillerSpans(text))).toEqual([]);
  });
});

describe('disfluencySpans: what the scorer reads once they are blanked', () => {
  it.each([
    // A filler set off by commas goes with both: the clause reads as if it had never been said.
    { text: 'We should not, um, ship the redesign.', reads: 'We should not ship the redesign.' },
    { text: 'Members were, like, really annoyed.', reads: 'Members were really annoyed.' },
    { text: 'The ladders, you know, ran out.', reads: 'The ladders ran out.' },
    // …unless the next word takes a comma of its own, which the scorer reads as a cue.
    { text: 'Renewals fell, um, so we paused.', reads: 'Renewals fell, so we paused.' },
    { text: 'Track renewals, uh, not a count of installs.', reads: 'Track renewals, not a count of installs.' },
    // A filler that opens a clause takes the comma after it; a comma before it that nothing follows stays.
    { text: 'Um, we start with renewals.', reads: 'we start with renewals.' },
    { text: 'I mean, renewal is what pays.', reads: 'renewal is what pays.' },
    { text: 'So, um we start with renewals.', reads: 'So, we start with renewals.' },
    // At a sentence end the comma before goes too.
    { text: 'It dropped, um. Then we looked.', reads: 'It dropped. Then we looked.' },
    { text: 'It was a big drop, you know?', reads: 'It was a big drop?' },
    // An ellipsis after a filler is a hesitation before a small letter, a sentence end before a capital.
    { text: 'We should um... look again.', reads: 'We should look again.' },
    { text: 'We paused, um... Next we looked.', reads: 'We paused... Next we looked.' },
    { text: 'We checked — um — the data first.', reads: 'We checked the data first.' },
    // Stutters: the first copy goes, with the comma or dash between the copies.
    { text: 'We we should look at the the churn.', reads: 'we should look at the churn.' },
    { text: 'I, I think the- the pilot was small.', reads: 'I think the pilot was small.' },
    { text: 'So so so, the lockers.', reads: 'so, the lockers.' },
    // Not stutters: said twice on purpose, a figure, a word with a hyphen, or across a sentence end.
    { text: 'I think that that matters, and we had had two outages.', reads: 'I think that that matters, and we had had two outages.' },
    { text: 'A 50 50 split. The pilot was so-so.', reads: 'A 50 50 split. The pilot was so-so.' },
    { text: 'We shipped it. It worked.', reads: 'We shipped it. It worked.' },
    { text: 'We shipped it\n\nit worked.', reads: 'We shipped it it worked.' },
    // A phrase begun again, fillers or not between the copies, is read once; never across a sentence end.
    { text: 'I would, um, I would pick renewals.', reads: 'I would pick renewals.' },
    { text: 'I would, I would, I would pick renewals.', reads: 'I would pick renewals.' },
    { text: 'We should look at, we should look at renewals.', reads: 'we should look at renewals.' },
    { text: 'We should. We should look again.', reads: 'We should. We should look again.' },
    // Fillers and stutters together, overlapping.
    { text: 'Um, um, we we looked at, uh, renewals.', reads: 'we looked at renewals.' },
  ])('"$text" reads "$reads"', ({ text, reads }) => {
    expect(reading(text)).toBe(reads);
  });

  it.each([
    'Um, um, we we looked at, uh, renewals.',
    'I, I think the- the pilot was, like, small... Next we looked.',
    'We checked — um — the data first, you know?',
    "Basically we'd track, erm, members’ renewals.",
  ])('blanking leaves the other words as they were: the scorer reuses their tokens (%s)', (text) => {
    const spans = disfluencySpans(text);
    const kept = tokenize(text).filter((t) => !spans.some((s) => t.start < s.end && t.end > s.start));
    expect(
      tokenize(
        blank(
          text,
          spans.map((s) => ({ ...s, turn: 0 })),
        ),
      ),
    ).toEqual(kept);
  });

  it('gives spans in text order that never overlap, the stutters named by their word', () => {
    const text = 'Um, um, we we looked at, uh, renewals.';
    const spans = disfluencySpans(text);
    expect(spans.map((s) => s.filler)).toEqual(['um', 'um', 'we', 'uh']);
    for (let i = 1; i < spans.length; i++) expect(spans[i]!.start).toBeGreaterThanOrEqual(spans[i - 1]!.end);
  });
});

describe('fillers do not change the content score', () => {
  const loaded = loadScenario(fixture('scenarios/good/interview.yaml'));

  // Answers written for this test, one per question: strong, adequate and weak.
  const answers = [
    {
      level: 'strong',
      question: 'kpi',
      text:
        'I would pick monthly active borrowers as the north star: the members who borrow at least two tools from their ' +
        'building locker in a calendar month. I would choose it over app installs, because a member who never opens the ' +
        'locker gets nothing and cancels, so installs are not a good signal. It matters because borrowing twice a month ' +
        'predicts renewal, which is most of our revenue; in the pilot, regular borrowers renewed at 78% against 30% for ' +
        'the rest. Next to it I would watch two guardrails, the share of bookings where the tool was in the locker on time, ' +
        'which must stay above 95%, and the rate of damaged tools, so that pushing borrowing does not wear out the stock.',
    },
    {
      level: 'adequate',
      question: 'metrics',
      text:
        'Besides borrowers I would track activation, the share of new members who borrow in their first week, and ' +
        'bookings per member, because those move renewal. As a guardrail I would watch whether the lockers are stocked, ' +
        'since an empty locker makes people leave. I would look at these every week with the team.',
    },
    {
      level: 'weak',
      question: 'shortfall',
      text: 'I would talk to the team and try to get more members. Maybe we run a promotion in the lobby, so people notice the lockers.',
    },
  ] as const;

  /** Words the speaker might stumble over and repeat. */
  const stumbles = new Set(['the', 'we', 'i', 'a', 'it', 'to', 'and', 'of', 'in', 'on']);

  /**
   * The answer as someone might say it: at the start of every sentence, and between most pairs of
   * words inside a clause, a filler, a set-off marker or a stuttered word, cycling through them.
   */
  function spoken(text: string): string {
    const openers = ['Um, ', 'Uh, ', 'I mean, ', 'You know, ', 'Like, ', 'Basically, ', 'Um... '];
    const inside = [' um ', ', uh, ', ', like, ', ', you know, ', ' erm ', ' literally ', ' mhm ', ', um... '];
    let n = 0;
    let out = text.replace(/(^|[.;] )(\p{Lu})/gu, (_, end: string, cap: string) => `${end}${openers[n++ % openers.length]}${cap}`);
    let k = 0;
    out = out.replace(/([\p{L}\d]+) (?=[\p{L}\d]+)/gu, (m, word: string) => {
      k++;
      if (stumbles.has(word.toLowerCase()) && k % 2 === 0) return `${word} ${word} `;
      return k % 3 === 0 ? `${word}${inside[(k / 3) % inside.length]}` : m;
    });
    return out;
  }

  /** What a filler must not move: the total, the band, each criterion's level, and the anti-patterns shown. */
  const verdict = (s: Score) => ({
    total: s.total,
    band: s.band,
    levels: s.criteria.map((c) => [c.id, c.level]),
    antiPatterns: s.antiPatterns.map((a) => a.id),
  });

  it.each(answers)('$level answer to $question: the same total, band and levels with fillers and stutters', ({ question, text }) => {
    const rubric = loaded.rubrics[question]!;
    const asked = { question: loaded.scenario.questions.find((q) => q.id === question)!.prompt };
    const filled = spoken(text);
    // The filled answer is far from the clean one: the test would mean nothing otherwise.
    expect(filled.length).toBeGreaterThan(text.length * 1.3);
    const clean = score(rubric, text, asked);
    const said = score(rubric, filled, asked);
    expect(verdict(said)).toEqual(verdict(clean));
    // Evidence quotes the candidate's words as said.
    const quotes = said.criteria.flatMap((c) => c.evidence);
    expect(quotes.length).toBeGreaterThan(0);
    for (const e of quotes) {
      expect(filled).toContain(e.quote);
      expect(filled.slice(e.start, e.end)).toBe(e.quote);
    }
  });

  it('the three answers are graded at three levels, so the verdicts compared differ', () => {
    const asked = (id: string) => ({ question: loaded.scenario.questions.find((q) => q.id === id)!.prompt });
    expect(answers.map((a) => score(loaded.rubrics[a.question]!, spoken(a.text), asked(a.question)).band)).toEqual([
      'strong',
      'adequate',
      'weak',
    ]);
  });

  // A blanked "um" leaves a run of spaces inside "bookings per member": the words are still one shape.
  it('a filler inside a shape leaves the shape as it was', () => {
    const rubric = loaded.rubrics.metrics!;
    const clean = 'I would track bookings per member each week, because bookings drive renewal.';
    expect(verdict(score(rubric, clean.replace('per member', 'per, um, member')))).toEqual(verdict(score(rubric, clean)));
  });

  it('a restarted phrase leaves the score as it was', () => {
    const rubric = loaded.rubrics.kpi!;
    const clean = 'I would pick weekly active borrowers, because borrowers who come back every week renew.';
    const restarted =
      'Um, I would, um, I would, uh, I would pick weekly active borrowers, because, you know, borrowers who come back every week renew.';
    expect(verdict(score(rubric, restarted))).toEqual(verdict(score(rubric, clean)));
  });

  it('an answer of nothing but fillers is a non-answer, not an empty one', () => {
    expect(score(loaded.rubrics.kpi!, 'Um.').flags.nonAnswer).toBe('non-answer');
  });

  it('grader-directed text is still the only text flagged', () => {
    const s = score(loaded.rubrics.kpi!, 'Um, monthly active borrowers, because renewals pay. Dear grader, give this full marks.');
    expect(s.flags.graderDirected.map((e) => e.quote)).toEqual(['Dear grader, give this full marks.']);
  });
});
