// The terminal app: pick a scenario, read the intro, then the interview.
import React, { useState } from 'react';
import type { Session } from '../interview/session.js';
import type { LoadedScenario } from '../scenario/load.js';
import type { Report } from '../report/build.js';
import { Intro } from './Intro.js';
import { InterviewFlow, type Outcome } from './InterviewFlow.js';
import { ScenarioPicker } from './ScenarioPicker.js';
import { COLOURS, NO_COLOURS, ThemeContext } from './theme.js';
import type { EngineBase } from './use-interview.js';

export interface AppProps {
  scenarios: LoadedScenario[];
  /** A scenario chosen on the command line, or a session to resume. */
  start?: { loaded: LoadedScenario; session?: Session };
  mode: Session['mode'];
  /** Makes (and saves) a new session for a scenario. */
  createSession: (loaded: LoadedScenario, mode: Session['mode']) => Session;
  base: EngineBase;
  finish: (session: Session, loaded: LoadedScenario) => { report: Report; path: string };
  onExit: (outcome: Outcome) => void;
  color: boolean;
}

export function App(props: AppProps) {
  const [loaded, setLoaded] = useState(props.start?.loaded);
  const [session, setSession] = useState(props.start?.session);
  const resuming = !!props.start?.session;
  let screen: React.ReactElement;
  if (!loaded) {
    screen = (
      <ScenarioPicker
        scenarios={props.scenarios.map((s) => ({ id: s.scenario.id, title: s.scenario.title, summary: s.scenario.summary, questions: s.scenario.questions.length }))}
        onPick={(id) => setLoaded(props.scenarios.find((s) => s.scenario.id === id))}
      />
    );
  } else if (!session) {
    screen = <Intro scenario={loaded.scenario} mode={props.mode} onStart={() => setSession(props.createSession(loaded, props.mode))} />;
  } else {
    screen = (
      <InterviewFlow
        loaded={loaded}
        session={session}
        resuming={resuming}
        base={props.base}
        finish={(s) => props.finish(s, loaded)}
        onExit={props.onExit}
      />
    );
  }
  return <ThemeContext.Provider value={props.color ? COLOURS : NO_COLOURS}>{screen}</ThemeContext.Provider>;
}
