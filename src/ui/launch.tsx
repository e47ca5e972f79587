// Starts the terminal app. The CLI imports this only for an interactive run, so scripts never load Ink.
import React from 'react';
import { render } from 'ink';
import { finishSession, startSession, type InteractiveLauncher } from '../app/lifecycle.js';
import { UsageError } from '../errors.js';
import { App } from './App.js';
import type { Outcome } from './InterviewFlow.js';

export const launch: InteractiveLauncher = async ({ catalog, loaded, session, options, wiring, io }) => {
  if (!io.stdoutIsTTY) {
    throw new UsageError('the interactive interview needs a terminal; for scripts use --answers <file> (see `rehearse --help`)');
  }
  let outcome: Outcome | undefined;
  const instance = render(
    <App
      scenarios={catalog}
      {...(loaded ? { start: { loaded, ...(session ? { session } : {}) } } : {})}
      mode={options.mode}
      createSession={(l, mode) => startSession(wiring, l, { ...options, mode })}
      base={wiring.engine}
      finish={(s, l) => finishSession(wiring, s, l)}
      onExit={(o) => {
        outcome = o;
      }}
      color={wiring.config.color}
    />,
    { exitOnCtrlC: false },
  );
  await instance.waitUntilExit();
  if (!outcome) return 0;
  if (outcome.kind === 'quit') {
    // A deliberate save-and-quit: the session is safe, so this is a success.
    io.out(`\nSaved. Continue where you stopped with: rehearse resume ${outcome.session.id}`);
    return 0;
  }
  io.out(`\nSession: ${wiring.store.pathOf(outcome.session.id)}\nReport: ${outcome.reportPath}`);
  return 0;
};
