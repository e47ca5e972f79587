// The terminal app: the scenario list, the intro, then the interview, as screen-state.ts decides.
import React from 'react';
import type { LoadedScenario } from '../scenario/loaded.js';
import { Intro, type DrillIntro } from './Intro.js';
import { InterviewFlow } from './InterviewFlow.js';
import { ScenarioPicker } from './ScenarioPicker.js';
import { COLOURS, NO_COLOURS, ThemeContext } from './theme.js';
import { useScreen, type ScreenWorld } from './use-screen.js';

// The launcher builds these; the screens' part of them is declared beside the hook that uses it.
export interface AppProps extends ScreenWorld {
  color: boolean;
}

/** A drill's criterion by the title its rubric gives it, for the intro; nothing for an interview. */
function drillIntro(loaded: LoadedScenario, options: AppProps['options']): { drill?: DrillIntro } {
  const { drill } = options;
  if (!drill) return {};
  const title = loaded.rubrics[drill.questionId]?.criteria.find((c) => c.id === drill.criterion)?.title ?? drill.criterion;
  return {
    drill: {
      criterion: title,
      family: drill.family,
      probes: options.maxProbes !== 0,
      ...(loaded.follows ? { follows: loaded.follows } : {}),
    },
  };
}

export function App(props: AppProps) {
  const state = useScreen(props);
  const screen =
    state.screen === 'picker' ? (
      <ScenarioPicker
        scenarios={state.scenarios.map((s) => ({
          id: s.scenario.id,
          title: s.scenario.title,
          summary: s.scenario.summary,
          questions: s.scenario.questions.length,
        }))}
        selected={state.selected}
      />
    ) : state.screen === 'intro' ? (
      <Intro scenario={state.loaded.scenario} mode={props.options.mode} {...drillIntro(state.loaded, props.options)} />
    ) : (
      <InterviewFlow state={state} now={props.world.engine.now} />
    );
  return <ThemeContext.Provider value={props.color ? COLOURS : NO_COLOURS}>{screen}</ThemeContext.Provider>;
}
