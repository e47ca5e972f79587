// The session runner on its own, without React: a world made of values (a clock that ticks, a
// store in memory that can be made to fail, the offline probe writer), and the ways a session ends.
import { readFileSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { narrowTo } from '../../src/app/drill.js';
import type { SessionOptions } from '../../src/app/lifecycle.js';
import { sessionRunner, type RunnerWorld } from '../../src/app/session-runner.js';
import type { InterviewEvent } from '../../src/interview/machine.js';
import { answersTo, probesOf, Session } from '../../src/interview/session.js';
import { offlineWriter } from '../../src/probes/offline.js';
import { buildReport } from '../../src/report/build.js';
import type { LoadedScenario } from '../../src/scenario/loaded.js';
import type { Question } from '../../src/scenario/schema.js';
import { loadScenario } from '../../src/scenario/load.js';
import { parseSession, SaveError, SessionStore } from '../../src/store/sessions.js';
import { fixture } from '../helpers.js';

// A scenario written for these tests: tuning the shipped scenarios cannot change what they see.
const loaded = loadScenario(fixture('scenarios/good/interview.yaml'));
const [kpi, metrics] = loaded.scenario.questions;
const WEAK = 'dont know';

/** A world of values: what is saved, what the runner was told, and a disk that fills up when told to. */
function world() {
  const saved: Session[] = [];
  const events: InterviewEvent['type'][] = [];
  /** How many more saves fit on the disk. */
  const disk = { room: Infinity };
  const watched: Session[] = [];
  let t = Date.parse('2026-03-01T09:00:00Z');
  let n = 0;
  const w: RunnerWorld = {
    engine: {
      writers: { offline: offlineWriter },
      save: (s) => {
        if (disk.room <= 0) throw new SaveError(`/sessions/${s.id}.json`, 'no space left on device');
        disk.room--;
        saved.push(Session.parse(JSON.parse(JSON.stringify(s))));
      },
      now: () => new Date((t += 1000)),
    },
    newId: (_, scenarioId) => `${scenarioId}-${++n}`,
    report: (s, l) => ({ report: buildReport(s, l.scenario), path: `/sessions/${s.id}.report.md` }),
    // The store's own rescue: a copy in the system's temporary folder.
    rescue: (s) => {
      const copy = new SessionStore('/nonexistent-home').rescue(s);
      if (copy) rescued.push(copy);
      return copy;
    },
  };
  const runner = sessionRunner(w, {
    onEvent: (e, s) => {
      events.push(e.type);
      watched.push(s);
    },
  });
  return { runner, saved, events, disk, watched };
}

/** Answers every prompt to the end: by default with the example answer of its question. */
async function answerAll(
  runner: ReturnType<typeof world>['runner'],
  l: LoadedScenario,
  start: Session,
  answer = (q: Question) => q.example,
): Promise<Session> {
  let s = await runner.open(l, start, false);
  for (let guard = 0; s.status !== 'finished' && guard < 40; guard++)
    s = await runner.submit(l, s, answer(l.scenario.questions[s.questionIndex]!));
  return s;
}

/** Copies kept in the system's temporary folder by these tests, removed after each. */
const rescued: string[] = [];
afterEach(() => {
  for (const file of rescued.splice(0)) rmSync(dirname(file), { recursive: true, force: true });
});

const candidateTurns = (s: Session) => s.turns.filter((t) => t.role === 'candidate').map((t) => t.text);

describe('start', () => {
  it('makes the session and saves it before the first question', () => {
    const { runner, saved } = world();
    const s = runner.start(loaded, { mode: 'interview', maxProbes: 1 });
    expect(s).toMatchObject({ id: 'shedshare-1', mode: 'interview', maxProbes: 1, phase: 'idle', turns: [] });
    expect(saved).toEqual([s]);
  });
});

describe('quit', () => {
  it('saves the session as quit, with every answer and the unsent draft', async () => {
    const { runner, saved } = world();
    let s = await runner.open(loaded, runner.start(loaded, { mode: 'practice', maxProbes: 0 }), false);
    s = await runner.submit(loaded, s, kpi!.example);
    const stopped = runner.quit(loaded, s, 'half an answer to the second');
    expect(stopped.unsaved).toBeUndefined();
    expect(saved.at(-1)).toEqual(stopped.session);
    expect(saved.at(-1)).toMatchObject({ status: 'quit', draft: 'half an answer to the second', questionIndex: 1 });
    expect(answersTo(saved.at(-1)!, kpi!.id)).toEqual([kpi!.example]);
  });

  it('an empty draft is not kept', async () => {
    const { runner, saved } = world();
    const s = await runner.open(loaded, runner.start(loaded, { mode: 'practice' }), false);
    runner.quit(loaded, s, '  \n');
    expect(saved.at(-1)!.status).toBe('quit');
    expect(saved.at(-1)!.draft).toBeUndefined();
  });

  it('a finished session is left as it is: nothing is saved again', async () => {
    const { runner, saved } = world();
    const done = await answerAll(runner, loaded, runner.start(loaded, { mode: 'practice', maxProbes: 0 }));
    const before = saved.length;
    expect(runner.quit(loaded, done, 'typed after the end')).toEqual({ session: done });
    expect(saved).toHaveLength(before);
  });
});

describe('a crash while the disk is full', () => {
  it('keeps a copy elsewhere with every answer typed: those saved and the one that could not be', async () => {
    const { runner, saved, disk } = world();
    let s = await runner.open(loaded, runner.start(loaded, { mode: 'interview', maxProbes: 0 }), false);
    s = await runner.submit(loaded, s, 'First answer: monthly active borrowers.');
    disk.room = 0;
    const unsent = 'Second answer, typed while the disk was full.';
    await expect(runner.submit(loaded, s, unsent)).rejects.toThrow(SaveError);
    // The screen puts the answer that was not saved back in the editor; a crash saves what the editor holds.
    const stopped = runner.quit(loaded, s, unsent);
    expect(stopped.unsaved).toEqual({
      error: `cannot save the session to /sessions/${s.id}.json: no space left on device`,
      copy: expect.stringMatching(/rehearse-rescued-.*\.json$/),
    });
    const copy = parseSession(stopped.unsaved!.copy!, readFileSync(stopped.unsaved!.copy!, 'utf8'));
    expect(copy).toEqual(stopped.session);
    expect([...candidateTurns(copy), copy.draft]).toEqual(['First answer: monthly active borrowers.', unsent]);
    expect(copy.status).toBe('quit');
    // Nothing after the disk filled reached the store.
    expect(saved.at(-1)!.status).toBe('in-progress');
  });

  it('when even the copy cannot be kept, says why and names no copy', async () => {
    const { runner } = world();
    const s = await runner.open(loaded, runner.start(loaded, { mode: 'practice' }), false);
    const failing = sessionRunner({
      engine: {
        writers: { offline: offlineWriter },
        save: () => {
          throw new SaveError('/sessions/x.json', 'read-only file system');
        },
        now: () => new Date(),
      },
      report: () => {
        throw new Error('no report for a session that is not finished');
      },
      rescue: () => undefined,
    });
    expect(failing.quit(loaded, s, 'draft').unsaved).toEqual({
      error: 'cannot save the session to /sessions/x.json: read-only file system',
    });
  });
});

describe('retry', () => {
  it('after a save that failed once the answer was in, goes on from where the session stands', async () => {
    const { runner, disk, watched } = world();
    const s = await runner.open(loaded, runner.start(loaded, { mode: 'interview', maxProbes: 0 }), false);
    disk.room = 1; // the answer is saved; its score is not
    await expect(runner.submit(loaded, s, 'An answer.')).rejects.toThrow(SaveError);
    const stands = watched.at(-1)!;
    expect(stands).toMatchObject({ phase: 'scoring' });
    disk.room = Infinity;
    const next = await runner.retry(loaded, stands);
    expect(next).toMatchObject({ phase: 'answering', questionIndex: 1 });
    expect(answersTo(next, kpi!.id)).toEqual(['An answer.']);
    expect(next.turns.at(-1)).toMatchObject({ kind: 'question', questionId: metrics!.id });
  });
});

describe('pass', () => {
  it('moves on to the next question without a follow-up, where a weak answer is followed up', async () => {
    const passed = world();
    const answered = world();
    const begin = async (w: ReturnType<typeof world>) => w.runner.open(loaded, w.runner.start(loaded, { mode: 'practice' }), false);
    const afterPass = await passed.runner.pass(loaded, await begin(passed));
    const afterWeak = await answered.runner.submit(loaded, await begin(answered), WEAK);

    expect(probesOf(afterPass, kpi!.id)).toEqual([]);
    expect(afterPass.turns.at(-1)).toMatchObject({ role: 'interviewer', kind: 'question', questionId: metrics!.id });
    expect(passed.events.slice(-4)).toEqual(['answer-submitted', 'scored', 'advanced', 'question-asked']);

    expect(probesOf(afterWeak, kpi!.id)).toHaveLength(1);
    expect(afterWeak.questionIndex).toBe(0);
  });
});

describe('record and showQuestion', () => {
  it('a recording is saved with the runner’s clock, for the question on now', async () => {
    const { runner, saved } = world();
    const s = await runner.open(loaded, runner.start(loaded, { mode: 'practice' }), false);
    const after = runner.record(loaded, s, { type: 'recording-saved', id: 'kpi-1', file: 'x.audio/kpi-1.wav', seconds: 3 });
    expect(after.recordings).toEqual([{ id: 'kpi-1', questionId: kpi!.id, file: 'x.audio/kpi-1.wav', at: after.updatedAt, seconds: 3 }]);
    expect(after.updatedAt > s.updatedAt).toBe(true);
    expect(saved.at(-1)).toEqual(after);
  });

  it('the time a question is shown is not worth failing for: a failed save leaves the session as it was', async () => {
    const { runner, disk } = world();
    const s = await runner.open(loaded, runner.start(loaded, { mode: 'practice' }), false);
    disk.room = 0;
    expect(runner.showQuestion(loaded, s)).toBe(s);
  });
});

describe('one runner for an interview and a drill', () => {
  const drilled = narrowTo(loaded, metrics!.id, 'guardrails');
  const drill: SessionOptions = { mode: 'practice', drill: { criterion: 'guardrails', family: 'metrics', questionId: metrics!.id } };

  it('runs both, in turn, through the same operations, each to its report', async () => {
    const { runner, saved, events } = world();
    const interview = await answerAll(runner, loaded, runner.start(loaded, { mode: 'practice', maxProbes: 0 }));
    const interviewEvents = events.splice(0);
    const round = await answerAll(runner, drilled, runner.start(drilled, drill), () => WEAK);

    expect(interview).toMatchObject({ id: 'shedshare-1', status: 'finished' });
    expect(round).toMatchObject({ id: 'shedshare-2', status: 'finished', kind: 'drill', drill: drill.drill });
    expect(interview.turns.filter((t) => t.kind === 'question').map((t) => t.questionId)).toEqual(
      loaded.scenario.questions.map((q) => q.id),
    );
    expect(round.turns.filter((t) => t.kind === 'question').map((t) => t.questionId)).toEqual([metrics!.id]);
    // A weak answer in a drill is followed up on the drilled criterion only: its one follow-up, then no more.
    expect(probesOf(round, metrics!.id).map((p) => [p.followUpId, p.criterion])).toEqual([['harm', 'guardrails']]);
    for (const seen of [interviewEvents, events]) {
      expect(seen[0]).toBe('started');
      expect(seen.at(-1)).toBe('finished');
    }
    expect(saved.at(-1)).toEqual(round);

    expect(runner.finish(loaded, interview)).toEqual({
      report: buildReport(interview, loaded.scenario),
      path: '/sessions/shedshare-1.report.md',
    });
    expect(runner.finish(drilled, round)).toEqual({
      report: buildReport(round, drilled.scenario),
      path: '/sessions/shedshare-2.report.md',
    });
  });

  it('a drill quit halfway is saved as a drill, to go on with its one question', async () => {
    const { runner, saved } = world();
    const s = await runner.open(drilled, runner.start(drilled, drill), false);
    runner.quit(drilled, s, 'not finished');
    expect(saved.at(-1)).toMatchObject({ kind: 'drill', status: 'quit', draft: 'not finished', drill: drill.drill });
    const resumed = await runner.open(drilled, saved.at(-1)!, true);
    expect(resumed).toMatchObject({ status: 'in-progress', phase: 'answering', questionIndex: 0 });
    expect(resumed.turns.at(-1)).toMatchObject({ kind: 'notice', notice: 'resumed' });
  });
});
