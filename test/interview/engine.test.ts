import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load.js';
import { advance, resume, submitAnswer, type EngineDeps } from '../../src/interview/engine.js';
import { InvalidEvent, reduce, type InterviewEvent } from '../../src/interview/machine.js';
import { decide } from '../../src/interview/policy.js';
import { newSession, probesOf, Session } from '../../src/interview/session.js';
import { offlineWriter } from '../../src/probes/offline.js';
import { score } from '../../src/scoring/score.js';
import type { Score } from '../../src/scoring/types.js';
import { fixture } from '../helpers.js';

// A scenario written for these tests: tuning the shipped scenarios cannot change what they see.
const loaded = loadScenario(fixture('scenarios/good/interview.yaml'));
const questions = loaded.scenario.questions;

function deps(saved: Session[] = []): EngineDeps {
  let t = Date.parse('2026-01-01T10:00:00Z');
  return {
    scenario: loaded,
    writers: { offline: offlineWriter },
    save: (s) => saved.push(Session.parse(JSON.parse(JSON.stringify(s)))),
    now: () => new Date((t += 1000)),
  };
}

const fresh = (maxProbes?: number) =>
  newSession({
    id: 't',
    scenario: { id: 'shedshare', title: 'x' },
    mode: 'practice',
    at: '2026-01-01T10:00:00Z',
    ...(maxProbes !== undefined ? { maxProbes } : {}),
  });

/** Runs a whole interview, answering every prompt from the list in turn (cycling). */
async function run(answers: string[], d = deps(), start = fresh()) {
  let s = await advance(start, d);
  let i = 0;
  while (s.status !== 'finished') s = await submitAnswer(s, answers[i++ % answers.length]!, d);
  return s;
}

const withLevels = (levels: [string, number, number, number][]): Score =>
  ({
    criteria: levels.map(([id, level, maxLevel, weight]) => ({
      id,
      title: id,
      level,
      maxLevel,
      weight,
      bar: 2,
      meetsBar: level >= 2,
      anchor: '',
      evidence: [],
      missing: [],
    })),
  }) as unknown as Score;

describe('policy', () => {
  const q = questions[0]!; // follow-ups target justification, definition, supporting, choice, context

  it('probes the weakest criterion below the bar', () => {
    const s = withLevels([
      ['choice', 1, 3, 30],
      ['definition', 0, 2, 15],
      ['justification', 1, 3, 30],
      ['context', 2, 2, 10],
      ['supporting', 2, 2, 15],
    ]);
    const d = decide(fresh(), q, s);
    expect(d).toMatchObject({ kind: 'probe', criterion: { id: 'definition' }, followUp: { id: 'define' } });
  });

  it('between equally weak criteria, probes the heavier one', () => {
    const s = withLevels([
      ['choice', 1, 3, 30],
      ['definition', 2, 2, 15],
      ['justification', 1, 3, 40],
      ['context', 2, 2, 10],
      ['supporting', 2, 2, 15],
    ]);
    expect(decide(fresh(), q, s)).toMatchObject({ kind: 'probe', criterion: { id: 'justification' } });
  });

  it('does not probe when every criterion meets the bar', () => {
    const s = withLevels([
      ['choice', 2, 3, 30],
      ['definition', 2, 2, 15],
      ['justification', 3, 3, 30],
      ['context', 2, 2, 10],
      ['supporting', 2, 2, 15],
    ]);
    expect(decide(fresh(), q, s)).toEqual({ kind: 'next', reason: 'bar-met' });
  });

  it('the strong example answers are never probed', async () => {
    const examples = questions.map((x) => x.example);
    let s = await advance(fresh(), deps());
    for (const e of examples) s = await submitAnswer(s, e, deps());
    expect(s.status).toBe('finished');
    expect(s.turns.filter((t) => t.kind === 'probe')).toEqual([]);
  });

  it.each([undefined, 1, 0])('never exceeds the probe budget (session limit %s)', async (limit) => {
    // "dont know" leaves every criterion below the bar, so each follow-up is wanted until the budget is spent.
    const s = await run(['dont know'], deps(), fresh(limit));
    for (const x of questions) {
      const budget = Math.min(x.budget.probes, limit ?? Infinity, x.followUps.length);
      expect(probesOf(s, x.id).length).toBe(budget);
    }
  });

  it('does not use a follow-up twice for one question, and moves on when the targeted ones are used up', async () => {
    const short = questions.find((x) => x.followUps.length < x.budget.probes)!;
    expect(short).toBeDefined(); // the fixture has a question with fewer follow-ups than its budget
    const s = await run(['dont know']);
    expect(s.status).toBe('finished');
    for (const x of questions) {
      const ids = probesOf(s, x.id).map((p) => p.followUpId);
      expect(new Set(ids).size).toBe(ids.length);
    }
    expect(probesOf(s, short.id).map((p) => p.followUpId)).toEqual(short.followUps.map((f) => f.id));
  });

  it.each(['pass', 'Pass.', ' skip '])('"%s" moves on to the next question without a follow-up', async (word) => {
    let s = await advance(fresh(), deps());
    s = await submitAnswer(s, word, deps());
    expect(probesOf(s, questions[0]!.id)).toHaveLength(0);
    expect(s.questionIndex).toBe(1);
    expect(s.phase).toBe('answering');
  });

  it('passing on a follow-up moves on too, and keeps the main answer and its score', async () => {
    let s = await advance(fresh(), deps());
    s = await submitAnswer(s, 'dont know', deps());
    expect(probesOf(s, questions[0]!.id)).toHaveLength(1);
    s = await submitAnswer(s, 'pass', deps());
    expect(probesOf(s, questions[0]!.id)).toHaveLength(1);
    expect(s.questionIndex).toBe(1);
    expect(s.scores[questions[0]!.id]).toBeDefined();
  });

  it('an answer that only mentions passing is an answer', async () => {
    let s = await advance(fresh(), deps());
    s = await submitAnswer(s, 'pass rate of first payments', deps());
    expect(s.questionIndex).toBe(0);
  });

  it('stops probing when the question’s time is up', async () => {
    let t = Date.parse('2026-01-01T10:00:00Z');
    const slow: EngineDeps = { ...deps(), now: () => new Date((t += 400_000)) }; // each step 400 s
    let s = await advance(fresh(), slow);
    s = await submitAnswer(s, 'dont know', slow);
    expect(s.timeUp).toContain(questions[0]!.id);
    expect(probesOf(s, questions[0]!.id)).toHaveLength(0);
    expect(s.questionIndex).toBe(1);
  });
});

describe('reducer', () => {
  it('rejects events that do not fit the phase', () => {
    expect(() => reduce(fresh(), { type: 'answer-submitted', text: 'x', at: 'now' }, loaded.scenario)).toThrow(InvalidEvent);
  });

  it('"advanced" names the question that ended, and only the one the session is on can end', async () => {
    const events: InterviewEvent[] = [];
    const d: EngineDeps = { ...deps(), onEvent: (e) => events.push(e) };
    let s = await advance(fresh(0), d);
    for (const q of questions) s = await submitAnswer(s, q.example, d);
    expect(events.filter((e) => e.type === 'advanced').map((e) => (e.type === 'advanced' ? e.questionId : ''))).toEqual(
      questions.map((q) => q.id),
    );
    const deciding = { ...s, status: 'in-progress' as const, phase: 'deciding' as const, questionIndex: 0 };
    expect(() => reduce(deciding, { type: 'advanced', questionId: questions[1]!.id, at: 'now' }, loaded.scenario)).toThrow(
      /names question/,
    );
  });

  it('answers to probes are scored together with the main answer', async () => {
    let s = await advance(fresh(), deps());
    s = await submitAnswer(s, 'I would count how many tools are borrowed each month.', deps());
    const first = s.scores[questions[0]!.id]!.total;
    s = await submitAnswer(
      s,
      'Because members who borrow often get real value and renew their membership; in our pilot they renewed twice as often.',
      deps(),
    );
    const both = s.scores[questions[0]!.id]!;
    expect(both.total).toBeGreaterThan(first);
    // Scored as answers to what was asked: the question, then the probe and the criterion it probed.
    const probes = s.turns.filter((t) => t.kind === 'probe');
    expect(both).toEqual(
      score(
        loaded.rubrics[questions[0]!.id]!,
        s.turns.filter((t) => t.kind === 'answer').map((t) => t.text),
        { question: questions[0]!.prompt, followUps: probes.map((t) => ({ prompt: t.text, targets: [t.criterion!] })) },
      ),
    );
  });

  it('saves every submitted answer before anything else happens', async () => {
    const saved: Session[] = [];
    const d = deps(saved);
    const s = await advance(fresh(), d);
    const before = saved.length;
    await submitAnswer(s, 'My answer, word for word.', d);
    const first = saved[before]!;
    expect(first.phase).toBe('scoring');
    expect(first.turns.at(-1)).toMatchObject({ role: 'candidate', kind: 'answer', text: 'My answer, word for word.' });
  });
});

describe('resume', () => {
  const answers = [
    'Engagement with the app matters most.',
    'I would watch monthly active borrowers, because members who borrow renew their membership.',
    'dont know',
    'Locker availability as a guardrail; first-week borrowing as an input.',
    'Bookings per member drive renewals, and we would look at them every week.',
    'I would check the data, cut it by building and cohort, and test fixes quickly.',
    'Damaged tools could rise; a weekly audit of returns would catch it.',
  ];
  const shape = (s: Session) =>
    s.turns
      .filter((t) => t.kind !== 'notice')
      .map(({ role, kind, questionId, text, followUpId, criterion, source }) => ({
        role,
        kind,
        questionId,
        text,
        followUpId,
        criterion,
        source,
      }));

  it('from any saved state, continues at the same turn and ends as an uninterrupted run does', async () => {
    const saved: Session[] = [];
    const whole = await run(answers, deps(saved));
    expect(saved.length).toBeGreaterThan(20);
    for (const snapshot of saved) {
      // What a crash leaves on disk, read back as it would be.
      let s = Session.parse(JSON.parse(JSON.stringify(snapshot)));
      const given = s.turns.filter((t) => t.kind === 'answer').length;
      s = await resume(s, deps());
      let i = given;
      while (s.status !== 'finished') s = await submitAnswer(s, answers[i++ % answers.length]!, deps());
      expect(shape(s)).toEqual(shape(whole));
      expect(Object.fromEntries(Object.entries(s.scores).map(([k, v]) => [k, v.total]))).toEqual(
        Object.fromEntries(Object.entries(whole.scores).map(([k, v]) => [k, v.total])),
      );
    }
  });
});

describe('the offline writer', () => {
  it('grounds the follow-up in what the candidate said', async () => {
    let s = await advance(fresh(), deps());
    const answer = 'I would count how many tools members borrow per month, because it shows use.';
    s = await submitAnswer(s, answer, deps());
    const probe = s.turns.find((t) => t.kind === 'probe')!;
    expect(probe.source).toBe('offline');
    expect(probe.basedOn).toBeDefined();
    expect(probe.text).toContain(`“${probe.basedOn}”`);
    expect(answer).toContain(probe.basedOn!);
  });

  it.each([
    [
      'Monthly active borrowers. It matters because members renew, and renewals are most of our revenue in Lisbon.',
      ['Monthly active borrowers'],
    ],
    [
      'The key KPI is weekly active members who borrow at least 2 tools in a month, because a member who goes above that threshold tends to renew.',
      [
        'The key KPI is weekly active members',
        'weekly active members who borrow at least 2 tools in a month',
        'a member who goes above that threshold tends to renew',
      ],
    ],
  ])('quotes a whole phrase of the answer, not the words a signal matched (%s)', async (answer, phrases) => {
    let s = await advance(fresh(), deps());
    s = await submitAnswer(s, answer, deps());
    const quoted = probesOf(s, questions[0]!.id).map((p) => p.basedOn);
    expect(quoted).toHaveLength(1);
    expect(phrases).toContain(quoted[0]);
    expect(quoted[0]!.split(' ').length).toBeGreaterThan(2);
    expect(quoted[0]).not.toMatch(/\b(?:of|in|on|at|to|above|the|a|and|is)$/i);
  });

  it('never repeats a wording within a session', async () => {
    const s = await run(['dont know', 'I would count how many tools are borrowed each month.']);
    const texts = s.turns.filter((t) => t.kind === 'probe').map((t) => t.text);
    expect(texts.length).toBeGreaterThan(5);
    expect(new Set(texts).size).toBe(texts.length);
  });

  it('is deterministic', async () => {
    const a = await run(['dont know', 'Engagement with the app matters most.']);
    const b = await run(['dont know', 'Engagement with the app matters most.']);
    expect(a.turns.map((t) => t.text)).toEqual(b.turns.map((t) => t.text));
  });
});

describe('time and resuming', () => {
  it("a question's time starts when it is shown, not when it was asked", async () => {
    const d = deps();
    const asked = await advance(fresh(), d);
    const shown = reduce(asked, { type: 'question-shown', at: '2026-01-01T10:05:00Z' }, loaded.scenario);
    expect([asked.questionStartedAt, shown.questionStartedAt]).toEqual(['2026-01-01T10:00:02.000Z', '2026-01-01T10:05:00Z']);
    // Once something is said to it, showing it again changes nothing.
    const answered = await submitAnswer(asked, 'Weekly active sheds.', d);
    expect(reduce(answered, { type: 'question-shown', at: '2026-01-01T11:00:00Z' }, loaded.scenario)).toBe(answered);
  });

  it('resuming twice with nothing said in between leaves one "Resumed."', async () => {
    const d = deps();
    const once = await resume(await advance(fresh(), d), d);
    const twice = await resume(once, d);
    expect(twice.turns.filter((t) => t.notice === 'resumed')).toHaveLength(1);
  });
});

describe('recorded answers', () => {
  const AT2 = '2026-01-01T10:00:05Z';
  const speech = { text: 'We would watch weekly active teams.', words: [{ word: 'We', start: 0.2, end: 0.4 }] };

  it('a recording belongs to the question on screen until that question is answered, typed or not', async () => {
    let s = await advance(fresh(), deps());
    const qid = loaded.scenario.questions[0]!.id;
    s = reduce(s, { type: 'recording-saved', id: `${qid}-1`, file: 'x.audio/a.wav', seconds: 4, at: AT2 }, loaded.scenario);
    expect(s.recordings).toEqual([{ id: `${qid}-1`, questionId: qid, file: 'x.audio/a.wav', at: AT2, seconds: 4 }]);
    s = reduce(s, { type: 'answer-submitted', text: 'typed instead', at: AT2 }, loaded.scenario);
    expect(s.recordings![0]!.answerTurn).toBe(s.turns.length - 1);
    expect(s.turns.at(-1)!.text).toBe('typed instead');
  });

  it('a transcript fills the recording; `toDraft` also puts it in the draft, after what was there', async () => {
    let s = await advance(fresh(), deps());
    s = { ...reduce(s, { type: 'recording-saved', id: 'r', file: 'f.wav', seconds: 4, at: AT2 }, loaded.scenario), draft: 'half typed' };
    const failed = reduce(s, { type: 'transcription-failed', id: 'r', reason: 'status 500', at: AT2 }, loaded.scenario);
    expect(failed.recordings![0]!.failed).toBe('status 500');
    const done = reduce(failed, { type: 'recording-transcribed', id: 'r', speech, toDraft: true, at: AT2 }, loaded.scenario);
    expect(done.recordings![0]).toMatchObject({ speech });
    expect(done.recordings![0]!.failed).toBeUndefined();
    expect(done.draft).toBe('half typed\nWe would watch weekly active teams.');
    const plain = reduce(s, { type: 'recording-transcribed', id: 'r', speech, at: AT2 }, loaded.scenario);
    expect(plain.draft).toBe('half typed');
    expect(() => reduce(s, { type: 'recording-transcribed', id: 'nope', speech, at: AT2 }, loaded.scenario)).toThrow(InvalidEvent);
  });
});

describe('a follow-up to an answer that bears on none of the question', () => {
  const offTopic =
    'Last weekend I baked sourdough with my sister and we watched the cricket final. The starter needed feeding twice because the kitchen was cold, and the loaf came out dense.';

  it('steers back to the question and quotes nothing of the answer', async () => {
    const d = deps();
    const started = await advance(fresh(1), d);
    const after = await submitAnswer(started, offTopic, d);
    const probe = after.turns.findLast((t) => t.kind === 'probe');
    expect(ownScore(after)?.flags.offTopic).toBe(true);
    expect(probe?.text).toMatch(
      /^(?:Let’s come back to the question I asked|That takes us away from what I asked|I’d like to hear about the question itself)\. /u,
    );
    expect(probe?.text).not.toMatch(/[“”]/u);
    // The question itself is asked again: the scripted follow-up would assume an answer to it.
    expect(probe?.text).toContain(questions[0]!.prompt);
  });

  it('an answer on the question is still quoted back', async () => {
    const d = deps();
    const started = await advance(fresh(1), d);
    const after = await submitAnswer(
      started,
      'I would track members who borrow a tool every month, because that shows they use the lockers.',
      d,
    );
    const probe = after.turns.findLast((t) => t.kind === 'probe');
    expect(probe).toBeDefined();
    expect(probe!.text).not.toMatch(/^(?:Let’s come back|That takes us away|I’d like to hear about the question)/u);
  });

  function ownScore(s: Session): Score | undefined {
    return Object.values(s.scores)[0];
  }
});
