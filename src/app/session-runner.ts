// One session's life, however it is driven (the terminal UI, answers from a file, a drill): made
// and saved, run on to each question, answered or passed, gone on with after a failed save, quit
// with the unsent draft (a copy kept elsewhere when it cannot be saved: on a crash too), and its
// report saved at the end. The world is injected: the clock, the store, the probe writers.
import { advance, dispatch, resume, showQuestion, submitAnswer, type EngineDeps, type EngineServices } from '../interview/engine.js';
import { reduce, type InterviewEvent } from '../interview/machine.js';
import { PASS_WORDS } from '../interview/policy.js';
import type { Session } from '../interview/session.js';
import type { LoadedScenario } from '../scenario/loaded.js';
import { SaveError } from '../store/sessions.js';
import { finishSession, startSession, type Finished, type NewId, type SessionOptions } from './lifecycle.js';
import type { Wiring } from './wiring.js';

/** An event as a caller makes it: the runner's clock says when. */
export type Untimed<E> = E extends unknown ? Omit<E, 'at'> : never;

/** What a session runs against. */
export interface RunnerWorld {
  /** The clock, the probe writers, and the save that every event goes through first. */
  engine: EngineServices;
  /** A new session's id; random at the end unless given. */
  newId?: NewId;
  /** Builds the report of a finished session and saves it. */
  report: (session: Session, loaded: LoadedScenario) => Finished;
  /** Keeps a copy of a session that could not be saved where it belongs; where, or undefined. */
  rescue: (session: Session) => string | undefined;
}

/** Who watches a session run: each event once it is saved, each token of a probe as it is written. */
export interface RunWatcher {
  onEvent?: (event: InterviewEvent, session: Session) => void;
  onProbeToken?: (text: string) => void;
}

/** A session stopped before its end: saved as quit, or, when that failed, why, and where a copy is. */
export interface Stopped {
  session: Session;
  unsaved?: { error: string; copy?: string };
}

export interface SessionRunner {
  /** A new session, saved before its first question. */
  start(loaded: LoadedScenario, options: SessionOptions): Session;
  /** Runs a new session, or one picked up where it stopped, on to what the candidate must answer first. */
  open(loaded: LoadedScenario, session: Session, resuming: boolean): Promise<Session>;
  /** The candidate's answer, saved first; then on to the next thing they must answer, or the end. */
  submit(loaded: LoadedScenario, session: Session, text: string): Promise<Session>;
  /** The candidate passes on what is asked: no follow-up, on to the next question. */
  pass(loaded: LoadedScenario, session: Session): Promise<Session>;
  /** Goes on from where the session stands, after a save that failed. */
  retry(loaded: LoadedScenario, session: Session): Promise<Session>;
  /** The question is on screen now; its time starts here. Not saving it is not fatal: the next save carries it. */
  showQuestion(loaded: LoadedScenario, session: Session): Session;
  /** Applies one event of the candidate's own (a recording, its transcript) and saves it; throws `SaveError`. */
  record(loaded: LoadedScenario, session: Session, event: Untimed<InterviewEvent>): Session;
  /** Saves the session as quit with the unsent draft, or keeps a copy elsewhere; a finished session stays as it is. */
  quit(loaded: LoadedScenario, session: Session, draft: string): Stopped;
  /** The report of a finished session, saved beside it. */
  finish(loaded: LoadedScenario, session: Session): Finished;
}

/** The world of a command's wiring: its engine, its store for rescued copies, its report files. */
export function runnerWorld(w: Wiring): RunnerWorld {
  return { engine: w.engine, report: (s, l) => finishSession(w, s, l), rescue: (s) => w.store.rescue(s) };
}

export function sessionRunner(world: RunnerWorld, watcher: RunWatcher = {}): SessionRunner {
  const { engine } = world;
  const deps = (loaded: LoadedScenario): EngineDeps => ({ ...engine, scenario: loaded, ...watcher });
  const at = () => engine.now().toISOString();
  return {
    start: (loaded, options) => startSession(world, loaded, options),
    open: (loaded, session, resuming) => (resuming ? resume(session, deps(loaded)) : advance(session, deps(loaded))),
    submit: (loaded, session, text) => submitAnswer(session, text, deps(loaded)),
    pass: (loaded, session) => submitAnswer(session, PASS_WORDS[0], deps(loaded)),
    retry: (loaded, session) => advance(session, deps(loaded)),
    showQuestion(loaded, session) {
      try {
        return showQuestion(session, deps(loaded));
      } catch (e) {
        if (!(e instanceof SaveError)) throw e;
        return session;
      }
    },
    record: (loaded, session, event) => dispatch(session, { ...event, at: at() } as InterviewEvent, deps(loaded)),
    quit(loaded, session, draft) {
      if (session.status === 'finished') return { session };
      const quit = reduce(session, { type: 'quit', at: at(), draft }, loaded.scenario);
      try {
        engine.save(quit);
        return { session: quit };
      } catch (e) {
        if (!(e instanceof SaveError)) throw e;
        const copy = world.rescue(quit);
        return { session: quit, unsaved: { error: e.message, ...(copy ? { copy } : {}) } };
      }
    },
    finish: (loaded, session) => world.report(session, loaded),
  };
}
