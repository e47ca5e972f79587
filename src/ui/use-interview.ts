// The engine's work for the screens: starts it, and reports each event, each probe token and how
// the work ended to the screen reducer as actions.
import { useMemo } from 'react';
import { advance, dispatch, resume, showQuestion, submitAnswer, type EngineDeps, type EngineServices } from '../interview/engine.js';
import type { InterviewEvent } from '../interview/machine.js';
import { reduce } from '../interview/machine.js';
import type { Session } from '../interview/session.js';
import { SaveError } from '../store/sessions.js';
import type { LoadedScenario } from '../scenario/loaded.js';
import type { ScreenAction } from './screen-state.js';

/** An event as the screens make it: the engine's clock says when. */
export type Untimed<E> = E extends unknown ? Omit<E, 'at'> : never;

export function useInterview(base: EngineServices, apply: (action: ScreenAction) => void) {
  return useMemo(() => {
    const deps = (loaded: LoadedScenario): EngineDeps => ({
      ...base,
      scenario: loaded,
      onEvent: (event, session) => apply({ type: 'engine-event', event, session }),
      onProbeToken: (text) => apply({ type: 'probe-token', text }),
    });
    const run = (work: Promise<Session>, text?: string) =>
      void work.then(
        (session) => apply({ type: 'work-done', session }),
        (e: unknown) =>
          apply(
            e instanceof SaveError
              ? { type: 'save-failed', file: e.file, reason: e.reason, ...(text !== undefined ? { text } : {}) }
              : { type: 'work-failed', error: e instanceof Error ? e.message : String(e) },
          ),
      );
    return {
      start: (loaded: LoadedScenario, session: Session, resuming: boolean) =>
        run(resuming ? resume(session, deps(loaded)) : advance(session, deps(loaded))),
      submit: (loaded: LoadedScenario, session: Session, text: string) => run(submitAnswer(session, text, deps(loaded)), text),
      retry: (loaded: LoadedScenario, session: Session) => run(advance(session, deps(loaded))),
      showQuestion: (loaded: LoadedScenario, session: Session) => {
        try {
          showQuestion(session, deps(loaded));
        } catch (e) {
          // Only the start time was not saved; the next save carries it.
          if (!(e instanceof SaveError)) throw e;
        }
      },
      /** Applies one event of the candidate's own (a recording, its transcript) and saves it; throws `SaveError`. */
      record: (loaded: LoadedScenario, session: Session, event: Untimed<InterviewEvent>): Session =>
        dispatch(session, { ...event, at: base.now().toISOString() } as InterviewEvent, deps(loaded)),
      /** Saves the session as quit, with the unsent draft; returns it, and the error if it could not be saved. */
      quit: (loaded: LoadedScenario, session: Session, draft: string): { session: Session; failed?: SaveError } => {
        if (session.status === 'finished') return { session };
        const quit = reduce(session, { type: 'quit', at: base.now().toISOString(), draft }, loaded.scenario);
        try {
          base.save(quit);
          return { session: quit };
        } catch (e) {
          if (e instanceof SaveError) return { session: quit, failed: e };
          throw e;
        }
      },
    };
  }, [base, apply]);
}
