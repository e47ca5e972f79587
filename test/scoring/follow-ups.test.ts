// A follow-up's answer counts for what the follow-up asked: replies in the project's own words, three
// per follow-up of the fintech scenario, each after a thin first answer that leaves the criterion open.
import { describe, expect, it } from 'vitest';
import { findScenario } from '../../src/scenario/catalog.js';
import { score } from '../../src/scoring/score.js';
import { OPENING, REPLIES } from '../support/follow-ups.js';
import { PADDING } from '../support/metamorphic.js';

const loaded = findScenario('fintech');

/** Replies the scorer does not credit yet (see the last test of the first block). */
const KNOWN_MISSES = new Set(['gaming/how-gamed/0']);

const cases = loaded.scenario.questions.flatMap((q) =>
  q.followUps.flatMap((f) => (REPLIES[q.id]?.[f.id] ?? []).map((reply, k) => ({ question: q.id, followUp: f.id, k, reply }))),
);

/** The opening answer and one reply to a follow-up, graded as the interview grades them. */
function graded(questionId: string, followUpId: string, reply: string) {
  const q = loaded.scenario.questions.find((x) => x.id === questionId)!;
  const f = q.followUps.find((x) => x.id === followUpId)!;
  const rubric = loaded.rubrics[q.id]!;
  const asked = { question: q.prompt, followUps: [{ prompt: f.prompt, targets: f.targets }] };
  return { s: score(rubric, [OPENING[q.id]!, reply], asked), f, rubric };
}

describe('a follow-up’s answer earns what the follow-up asked', () => {
  it('every follow-up of the fintech scenario has three replies', () => {
    for (const q of loaded.scenario.questions)
      for (const f of q.followUps) expect(REPLIES[q.id]?.[f.id], `${q.id}/${f.id}`).toHaveLength(3);
  });

  const earns = ({ question, followUp, reply }: (typeof cases)[number]) => {
    const { s, f } = graded(question, followUp, reply);
    for (const id of f.targets) {
      const c = s.criteria.find((x) => x.id === id)!;
      expect(c.meetsBar, `${id} at ${c.level}/${c.maxLevel}`).toBe(true);
      expect(c.evidence.some((e) => e.turn === 1)).toBe(true);
    }
  };
  const missed = (c: (typeof cases)[number]) => KNOWN_MISSES.has(`${c.question}/${c.followUp}/${c.k}`);

  it.each(cases.filter((c) => !missed(c)))(
    '$question/$followUp, reply $k: the probed criterion meets its bar, quoted from the reply',
    earns,
  );

  // Known misses, kept so that the day they pass is noticed: a reply that shares no word with the
  // rubric's concepts, the company's nouns or the question, and names one phrase of the criterion's at most.
  it.fails.each(cases.filter(missed))('$question/$followUp, reply $k: known miss, not yet credited', earns);

  it('the thin opening alone meets none of the probed criteria it is probed on', () => {
    for (const q of loaded.scenario.questions) {
      const s = score(loaded.rubrics[q.id]!, OPENING[q.id]!, { question: q.prompt });
      for (const f of q.followUps)
        for (const id of f.targets) expect(s.criteria.find((c) => c.id === id)!.meetsBar, `${q.id}/${id}`).toBe(false);
    }
  });

  it.each(loaded.scenario.questions.flatMap((q) => q.followUps.map((f) => ({ question: q.id, followUp: f.id }))))(
    '$question/$followUp: "I don\'t know", a hedge or a story about something else earns nothing',
    ({ question, followUp }) => {
      for (const reply of ["Honestly, I don't know.", 'It depends on a lot of things, every company is different.', PADDING[0]!]) {
        const { s, f } = graded(question, followUp, reply);
        const alone = score(loaded.rubrics[question]!, OPENING[question]!, {
          question: loaded.scenario.questions.find((x) => x.id === question)!.prompt,
        });
        for (const id of f.targets) {
          expect(s.criteria.find((c) => c.id === id)!.level, `${id} after "${reply.slice(0, 20)}"`).toBe(
            alone.criteria.find((c) => c.id === id)!.level,
          );
        }
      }
    },
  );
});
