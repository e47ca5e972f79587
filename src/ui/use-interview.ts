// The screens' side of the session runner: the effects that run the session go to it, and what it
// reports (each event, each probe token, how the work ended) comes back to the screen reducer as actions.
import { useMemo } from 'react';
import type { SessionOptions } from '../app/lifecycle.js';
import { sessionRunner, type RunnerWorld } from '../app/session-runner.js';
import type { Session } from '../interview/session.js';
import { SaveError } from '../store/sessions.js';
import type { ScreenAction, ScreenEffect } from './screen-state.js';

export function useInterview(world: RunnerWorld, options: SessionOptions, apply: (action: ScreenAction) => void) {
  return useMemo(() => {
    const runner = sessionRunner(world, {
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
      runner,
      /** Does an effect that runs the session; false for any other effect. */
      perform(effect: ScreenEffect): boolean {
        switch (effect.type) {
          case 'create-session':
            apply({ type: 'session-created', session: runner.start(effect.loaded, options) });
            return true;
          case 'start':
            run(runner.open(effect.loaded, effect.session, effect.resuming));
            return true;
          case 'submit':
            run(runner.submit(effect.loaded, effect.session, effect.text), effect.text);
            return true;
          case 'retry':
            run(runner.retry(effect.loaded, effect.session));
            return true;
          case 'show-question':
            runner.showQuestion(effect.loaded, effect.session);
            return true;
          case 'save-report': {
            const { report, path } = runner.finish(effect.loaded, effect.session);
            apply({ type: 'report-saved', report, path });
            return true;
          }
          default:
            return false;
        }
      },
    };
  }, [world, options, apply]);
}
