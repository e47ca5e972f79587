// The answer topic model: that the shipped weights are what training on the written answers and the
// development set's tuning part gives, and what it does to a score, on answers written for these tests
// (not taken from its training sets).
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEV_SET } from '../../bench/lockbox.js';
import { shippedTopicExamples, TOPIC_MODEL_FILE, trainTopics } from '../../bench/topic-sets.js';
import { findScenario } from '../../src/scenario/catalog.js';
import { POLICY } from '../../src/policy/policy.js';
import { NO_TOPIC, TOPIC_CLASSES, topicFeatures, topicOf } from '../../src/scoring/rubric/topic.js';
import { LinearClassifier, words, type ModelWeights } from '../../src/text/classifier.js';
import { score, trace } from '../../src/scoring/score.js';
import { ANSWERS, CONCISE, GENERIC } from '../support/answers.js';
import { asBullets, unpunctuated } from '../support/metamorphic.js';

const fintech = findScenario('fintech');
const under = (questionId: string, text: string) => {
  const q = fintech.scenario.questions.find((x) => x.id === questionId)!;
  return trace(fintech.rubrics[q.id]!, text, { asked: { question: q.prompt } });
};

// Written for this test: a careful answer on aligning the sales team with product, naming the
// metric they share (as such answers do), and another on what to do when a number falls.
const SHARED_TARGET =
  'The account executives were paid on signed contracts, so they sold features we had not built. I moved a third of their bonus onto shops still processing payments ninety days after signing, and the sales director and I now sit in the same fortnightly deal review, where she decides which custom requests we take. Promises of unbuilt features fell from eleven a quarter to two.';
const DROP =
  'First I would rule out a tracking fault by comparing the event counts with the settlement ledger. Then I would split the fall by city, bank and app version; if it sits on one bank, I call their integration team that day. I tell the head of operations what we know by noon and send the numbers again on Friday.';
const STORY =
  'We spent the long weekend at my aunt’s farm. The goats escaped twice, so we fixed the fence with wire from the shed, and my son learned to milk one by Sunday evening. If the weather holds next spring we want to go back for a week.';

describe('the answer topic model', () => {
  // The development set lies beside the project, not in it: without it the weights cannot be made again here.
  it.skipIf(!existsSync(DEV_SET))('is what `npm run train:topics` makes from the written answers and the tuning part', () => {
    const shipped = JSON.parse(readFileSync(TOPIC_MODEL_FILE, 'utf8')) as unknown;
    expect(shipped).toEqual(trainTopics(shippedTopicExamples(DEV_SET)));
  });

  it('reads each answer as about its own family, in any form', () => {
    for (const form of [(t: string) => t, unpunctuated, asBullets]) {
      expect(topicOf(form(SHARED_TARGET), 'incentives')!.lead).toBeGreaterThan(0);
      expect(topicOf(form(DROP), 'shortfall')!.lead).toBeGreaterThan(0);
    }
  });

  it('reads a story about something else as about none of the families', () => {
    expect(topicOf(STORY, 'kpi')!.other).toBe(NO_TOPIC);
  });

  it('every pair of neighbours in the policy names families the model knows', () => {
    for (const pair of POLICY.relevance.neighbours)
      for (const family of pair) expect(TOPIC_CLASSES.filter((c) => c !== NO_TOPIC)).toContain(family);
  });

  it('a rubric without a topic is not judged for relevance, by the model either', () => {
    const rubric = { ...fintech.rubrics['north-star']!, topic: [] };
    const t = trace(rubric, SHARED_TARGET);
    expect(t.guards.topic).toBeUndefined();
    expect(t.score.flags.offTopic).toBeUndefined();
  });

  it('knows nothing of a family it was not trained on: the concepts alone decide there', () => {
    expect(topicOf(SHARED_TARGET, 'pricing')).toBeUndefined();
  });

  it('reads the words of a text each once, exactly as the set of its features is read', () => {
    const model = new LinearClassifier(JSON.parse(readFileSync(TOPIC_MODEL_FILE, 'utf8')) as ModelWeights, topicFeatures);
    const texts = [SHARED_TARGET, DROP, STORY, ...ANSWERS.map((a) => a.text), ...GENERIC.map((a) => a.text)];
    for (const text of [...texts, ...texts.map(unpunctuated), texts.join(' ')])
      // Bit for bit: the rows are added in the same order.
      expect(model.probabilitiesOfDistinct(words(text))).toEqual(model.probabilities(text));
  });
});

describe('a score, under the question asked', () => {
  it('an answer to another question keeps little of its total under each unrelated question, and is said to be off topic', () => {
    const own = under('incentives', SHARED_TARGET).score.total;
    for (const id of ['kpi-miss', 'gaming', 'guardrails']) {
      const elsewhere = under(id, SHARED_TARGET).score;
      expect(elsewhere.total).toBeLessThanOrEqual(0.4 * own);
      expect(elsewhere.flags.offTopic).toBe(true);
    }
  });

  it('the topic model holds down the answers to another question that it reads as such', () => {
    const incentives = ANSWERS.filter((a) => a.family === 'incentives');
    const held = incentives.filter((a) => (under('north-star', a.text).guards.topic ?? 1) < 1);
    expect(held.length).toBeGreaterThan(0);
    for (const a of held)
      expect(under('north-star', a.text).score.total).toBeLessThanOrEqual(0.4 * under('incentives', a.text).score.total);
  });

  it('where the concepts alone would not call it off topic, the model holds the total down and the card says why', () => {
    const partly = [...ANSWERS, ...CONCISE, ...GENERIC].flatMap((a) =>
      fintech.scenario.questions.flatMap((q) => {
        const s = under(q.id, a.text).score;
        return s.flags.topic !== undefined && s.flags.topic < 0.5 && !s.flags.offTopic ? [s] : [];
      }),
    );
    expect(partly.length).toBeGreaterThan(0);
    for (const s of partly) {
      expect(s.model!.limitedBy).toBe('off-topic');
      expect(s.feedback.summary).toMatch(/reads as an answer to another question \(/);
    }
  });

  it('an answer graded under its own question is not held down by the topic model', () => {
    expect(under('incentives', SHARED_TARGET).guards.topic).toBeUndefined();
    expect(under('kpi-miss', DROP).guards.topic).toBeUndefined();
  });

  it('an answer the topic model is sure of is not judged off topic for naming few of the concepts', () => {
    // Written for this test: a diagnosis told in the company's own terms (churn, downgrades, renewal).
    const answer =
      'First I would split the 96% into gross churn, downgrades and expansion, by customer size, to see which part moved. ' +
      'If small accounts leave at their first renewal, I would call ten of them this week and test a guided onboarding for a quarter against a control group. ' +
      'I would tell the exec team on Friday what we know, what we are trying and when we will know whether it worked.';
    const saas = findScenario('saas');
    const q = saas.scenario.questions.find((x) => x.id === 'nrr-miss')!;
    const s = score(saas.rubrics[q.id]!, answer, { question: q.prompt });
    expect(s.flags.offTopic).toBeUndefined();
    expect(s.total).toBeGreaterThan(10);
  });

  it('a north-star answer is no answer to how the metric is gamed, and a gaming answer is held down under the north-star question', () => {
    const kpi = ANSWERS.filter((x) => x.family === 'kpi');
    const risks = ANSWERS.filter((x) => x.family === 'risks');
    expect(kpi.length * risks.length).toBeGreaterThan(0);
    for (const a of kpi) expect(under('gaming', a.text).score.total).toBeLessThanOrEqual(0.4 * under('north-star', a.text).score.total);
    for (const a of risks) {
      const s = under('north-star', a.text).score;
      expect(s.flags.offTopic || s.flags.topic !== undefined).toBe(true);
      expect(s.total).toBeLessThan(under('gaming', a.text).score.total);
    }
  });

  it('a neighbouring family is not another question: a guardrail answer under the north-star question keeps its total', () => {
    const guardrails =
      'Next to merchants transacting weekly I would watch failed payments per thousand, with an alert above eight, and refunds that take more than two days; the payments lead reviews both every Monday.';
    expect(under('north-star', guardrails).guards.topic).toBeUndefined();
  });
});
