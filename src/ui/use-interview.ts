// The one hook that joins the engine's async work to React state: the session, the probe as it
// streams in, and which question just ended (for the practice-mode score card).
import { useCallback, useMemo, useRef, useState } from 'react';
import { advance, dispatch, resume, submitAnswer, type EngineDeps } from '../interview/engine.js';
import type { InterviewEvent } from '../interview/machine.js';
import type { Session } from '../interview/session.js';
import type { LoadedScenario } from '../scenario/load.js';

export type EngineBase = Omit<EngineDeps, 'onEvent' | 'onProbeToken' | 'scenario'>;

export interface InterviewState {
  session: Session;
  /** The probe's text so far while it streams in; empty otherwise. */
  streaming: string;
  /** True while the engine works (scoring, waiting for a probe). */
  busy: boolean;
  /** The last notice (an LLM fallback), shown briefly under the probe. */
  notice?: string;
  /** The id of the question that just ended, until the candidate has seen its score card. */
  finished?: string;
  error?: string;
}

export function useInterview(loaded: LoadedScenario, initial: Session, base: EngineBase) {
  const [state, setState] = useState<InterviewState>({ session: initial, streaming: '', busy: false });
  const session = useRef(initial);

  const deps: EngineDeps = useMemo(
    () => ({
      ...base,
      scenario: loaded,
      onEvent: (event: InterviewEvent, next: Session) => {
        session.current = next;
        setState((s) => {
          const update: InterviewState = { ...s, session: next };
          if (event.type === 'probe-failed') update.notice = event.notice;
          if (event.type === 'probe-ready') update.streaming = '';
          if (event.type === 'answer-submitted') update.notice = undefined;
          if (event.type === 'advanced') {
            const ended = next.phase === 'done' ? next.questionIndex : next.questionIndex - 1;
            update.finished = loaded.scenario.questions[ended]?.id;
          }
          return update;
        });
      },
      onProbeToken: (text: string) => setState((s) => ({ ...s, streaming: s.streaming + text })),
    }),
    [base, loaded],
  );

  const run = useCallback(async (work: () => Promise<Session>) => {
    setState((s) => ({ ...s, busy: true }));
    try {
      const next = await work();
      session.current = next;
      setState((s) => ({ ...s, session: next, busy: false }));
    } catch (e) {
      setState((s) => ({ ...s, busy: false, error: e instanceof Error ? e.message : String(e) }));
    }
  }, []);

  return {
    state,
    start: useCallback(
      (resuming: boolean) => run(() => (resuming ? resume(session.current, deps) : advance(session.current, deps))),
      [run, deps],
    ),
    submit: useCallback((text: string) => run(() => submitAnswer(session.current, text, deps)), [run, deps]),
    /** Saves the session as quit, with the unsent draft; returns it. */
    quit: useCallback(
      (draft: string): Session => {
        if (session.current.status === 'finished') return session.current;
        session.current = dispatch(session.current, { type: 'quit', at: deps.now().toISOString(), draft }, deps);
        return session.current;
      },
      [deps],
    ),
    seenScoreCard: useCallback(() => setState((s) => ({ ...s, finished: undefined })), []),
  };
}
