// Wires the screen reducer to React, the keys and the world (the session store, the engine, the
// report, the exit). Keys can come faster than renders, so each action is reduced at once against
// the latest state, kept in a ref; the view re-renders from a copy.
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useApp } from 'ink';
import type { SessionOptions } from '../app/lifecycle.js';
import type { RunnerWorld } from '../app/session-runner.js';
import type { Session } from '../interview/session.js';
import type { LoadedScenario } from '../scenario/loaded.js';
import { initialScreen, screenReducer, type Outcome, type ScreenAction, type ScreenEffect, type ScreenState } from './screen-state.js';
import { useInterview } from './use-interview.js';
import { useKeys } from './use-keys.js';
import { useVoice, type VoiceWorld } from './use-voice.js';

/** What the screens need from outside: the scenarios, where to begin, and the world the session runs in. */
export interface ScreenWorld {
  scenarios: LoadedScenario[];
  /** A scenario chosen on the command line, or a session to resume. */
  start?: { loaded: LoadedScenario; session?: Session };
  /** What a new session is made with: practice or interview, and the follow-ups it may have. */
  options: SessionOptions;
  /** The clock, the store, the probe writers and the report files, for the session runner. */
  world: RunnerWorld;
  onExit: (outcome: Outcome) => void;
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

  const interview = useInterview(props.world, props.options, apply);
  const session = useCallback(() => (latest.current.screen === 'interview' ? latest.current.session : undefined), []);
  const voice = useVoice(props.voice, apply, interview.runner.record, session);
  useLayoutEffect(() => {
    const leave = (outcome: Outcome) => {
      props.onExit(outcome);
      app.exit();
    };
    const quit = (loaded: LoadedScenario, at: Session, draft: string) =>
      leave({ kind: 'quit', ...interview.runner.quit(loaded, at, draft) });
    perform.current = (effect) => {
      if (voice.perform(effect) || interview.perform(effect)) return;
      switch (effect.type) {
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
