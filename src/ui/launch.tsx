// Starts the terminal app. The CLI imports this only for an interactive run, so scripts never load Ink.
import React from 'react';
import { randomBytes } from 'node:crypto';
import { render } from 'ink';
import type { InteractiveLauncher } from '../commands/interview.js';
import { saveReport } from '../commands/interview.js';
import { UsageError } from '../errors.js';
import { newSession } from '../interview/session.js';
import { buildReport } from '../report/build.js';
import { newSessionId } from '../store/sessions.js';
import { App } from './App.js';
import type { Outcome } from './InterviewFlow.js';

export const launch: InteractiveLauncher = async ({ catalog, loaded, session, mode, maxProbes, wiring, io }) => {
  if (!process.stdout.isTTY) {
    throw new UsageError('the interactive interview needs a terminal; for scripts use --answers <file> (see `rehearse --help`)');
  }
  const { store, deps, config } = wiring;
  let outcome: Outcome | undefined;
  const instance = render(
    <App
      scenarios={catalog}
      {...(loaded ? { start: { loaded, ...(session ? { session } : {}) } } : {})}
      mode={mode}
      createSession={(l, m) => {
        const now = deps.now();
        const s = newSession({
          id: newSessionId(now, l.scenario.id, randomBytes(3).toString('hex')),
          scenario: { id: l.scenario.id, title: l.scenario.title, file: l.file },
          mode: m,
          at: now.toISOString(),
          ...(maxProbes !== undefined ? { maxProbes } : {}),
        });
        deps.save(s);
        return s;
      }}
      base={deps}
      finish={(s, l) => {
        const report = buildReport(s, l.scenario);
        return { report, path: saveReport(store, report, config.secrets) };
      }}
      onExit={(o) => {
        outcome = o;
      }}
      color={!io.env.NO_COLOR}
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
  io.out(`\nSession: ${store.pathOf(outcome.session.id)}\nReport: ${outcome.reportPath}`);
  return 0;
};
