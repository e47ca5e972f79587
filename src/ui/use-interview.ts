// The engine's work for the screens: starts it, and reports each event, each probe token and how
// the work ended to the screen reducer as actions.
import { useMemo } from 'react';
import { advance, dispatch, resume, submitAnswer, type EngineDeps } from '../interview/engine.js';
import type { Session } from '../interview/session.js';
import type { LoadedScenario } from '../scenario/loaded.js';
import type { ScreenAction } from './screen-state.js';

export type EngineBase = Omit<EngineDeps, 'onEvent' | 'onProbeToken' | 'scenario'>;

export function useInterview(base: EngineBase, apply: (action: ScreenAction) => void) {
  return useMemo(() => {
    const deps = (loaded: LoadedScenario): EngineDeps => ({
      ...base,
      scenario: loaded,
      onEvent: (event, session) => apply({ type: 'engine-event', event, session }),
      onProbeToken: (text) => apply({ type: 'probe-token', text }),
    });
    const run = (work: Promise<Session>) =>
      void work.then(
        (session) => apply({ type: 'work-done', session }),
        (e: unknown) => apply({ type: 'work-failed', error: e instanceof Error ? e.message : String(e) }),
      );
    return {
      start: (loaded: LoadedScenario, session: Session, resuming: boolean) =>
        run(resuming ? resume(session, deps(loaded)) : advance(session, deps(loaded))),
      submit: (loaded: LoadedScenario, session: Session, text: string) => run(submitAnswer(session, text, deps(loaded))),
      /** Saves the session as quit, with the unsent draft; returns it. */
      quit: (loaded: LoadedScenario, session: Session, draft: string): Session =>
        session.status === 'finished' ? session : dispatch(session, { type: 'quit', at: base.now().toISOString(), draft }, deps(loaded)),
    };
  }, [base, apply]);
}
