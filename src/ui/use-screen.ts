// Wires the screen reducer to React, the keys and the world (the session store, the engine, the
// report, the exit). Keys can come faster than renders, so each action is reduced at once against
// the latest state, kept in a ref; the view re-renders from a copy.
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useApp } from 'ink';
import type { Session } from '../interview/session.js';
import type { Report } from '../report/build.js';
import type { LoadedScenario } from '../scenario/loaded.js';
import { initialScreen, screenReducer, type Outcome, type ScreenAction, type ScreenEffect, type ScreenState } from './screen-state.js';
import type { EngineServices } from '../interview/engine.js';
import { useInterview } from './use-interview.js';
import { useKeys } from './use-keys.js';
import { useVoice, type VoiceWorld } from './use-voice.js';

/** What the screens need from outside: the scenarios, where to begin, and the work that touches the world. */
export interface ScreenWorld {
  scenarios: LoadedScenario[];
  /** A scenario chosen on the command line, or a session to resume. */
  start?: { loaded: LoadedScenario; session?: Session };
  mode: Session['mode'];
  /** Makes (and saves) a new session for a scenario. */
  createSession: (loaded: LoadedScenario, mode: Session['mode']) => Session;
  base: EngineServices;
  finish: (session: Session, loaded: LoadedScenario) => { report: Report; path: string };
  onExit: (outcome: Outcome) => void;
  /** Keeps a copy of a session that could not be saved; returns where. */
  rescue?: (session: Session) => string | undefined;
  /** Told of the session and the unsent draft whenever they change, so a signal can save them. */
  onChange?: (session: Session | undefined, draft: string) => void;
  /** Speaking and recording; absent where there is no voice (tests of the typed interview). */
  voice?: VoiceWorld;
  /** The interviewer speaks from the start (`--voice`); Ctrl+T turns it on and off. */
  speaking?: boolean;
}

export function useScreen(props: ScreenWorld): ScreenState {
  const app = useApp();
  const [first] = useState(() => initialScreen(props.scenarios, props.start, { speaking: !!props.speaking }));
  const [state, setState] = useState(first.state);
  const latest = useRef(first.state);
  const queue = useRef<ScreenEffect[]>([]);
  const draining = useRef(false);
  const perform = useRef<(effect: ScreenEffect) => void>(undefined);
  const onChange = useRef(props.onChange);
  useLayoutEffect(() => {
    onChange.current = props.onChange;
  });

  const flush = useCallback(() => {
    // Work done for one effect can report back at once (the engine's events, a new session); the
    // effects that follow wait their turn, so they happen in the order they were asked for.
    if (draining.current) return;
    draining.current = true;
    try {
      for (let effect = queue.current.shift(); effect; effect = queue.current.shift()) perform.current?.(effect);
    } finally {
      draining.current = false;
    }
    setState(latest.current);
    const now = latest.current;
    onChange.current?.(now.screen === 'interview' ? now.session : undefined, now.screen === 'interview' ? now.editor.text : '');
  }, []);

  const apply = useCallback(
    (action: ScreenAction) => {
      const step = screenReducer(latest.current, action);
      latest.current = step.state;
      queue.current.push(...step.effects);
      flush();
    },
    [flush],
  );

  const interview = useInterview(props.base, apply);
  const session = useCallback(() => (latest.current.screen === 'interview' ? latest.current.session : undefined), []);
  const voice = useVoice(props.voice, apply, interview.record, session);
  useLayoutEffect(() => {
    const leave = (outcome: Outcome) => {
      props.onExit(outcome);
      app.exit();
    };
    const quit = (loaded: LoadedScenario, at: Session, draft: string) => {
      const { session, failed } = interview.quit(loaded, at, draft);
      if (!failed) return leave({ kind: 'quit', session });
      const copy = props.rescue?.(session);
      return leave({ kind: 'quit', session, unsaved: { error: failed.message, ...(copy ? { copy } : {}) } });
    };
    perform.current = (effect) => {
      if (voice.perform(effect)) return;
      switch (effect.type) {
        case 'create-session':
          return apply({ type: 'session-created', session: props.createSession(effect.loaded, props.mode) });
        case 'start':
          return interview.start(effect.loaded, effect.session, effect.resuming);
        case 'submit':
          return interview.submit(effect.loaded, effect.session, effect.text);
        case 'save-report': {
          const { report, path } = props.finish(effect.session, effect.loaded);
          return apply({ type: 'report-saved', report, path });
        }
        case 'show-question':
          return interview.showQuestion(effect.loaded, effect.session);
        case 'retry':
          return interview.retry(effect.loaded, effect.session);
        case 'quit':
          // An answer still being recorded is kept: stopped and saved with the session first.
          if (voice.recording)
            return void voice
              .finish(effect.loaded)
              .then((saved) => quit(effect.loaded, saved ?? session() ?? effect.session, effect.draft));
          return quit(effect.loaded, effect.session, effect.draft);
        case 'exit':
          return leave(effect.outcome);
        case 'leave':
          return app.exit();
      }
    };
  });

  useKeys((intent) => apply({ type: 'key', intent }));

  // The first screen's own work (starting a resumed interview) begins once it is drawn.
  useEffect(() => {
    queue.current.push(...first.effects);
    flush();
  }, [first, flush]);

  return state;
}
