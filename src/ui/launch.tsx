// Starts the terminal app. The CLI imports this only for an interactive run, so scripts never load Ink.
import React from 'react';
import { render } from 'ink';
import type { InteractiveLauncher } from '../app/lifecycle.js';
import { runnerWorld, sessionRunner } from '../app/session-runner.js';
import { UsageError } from '../errors.js';
import type { Session } from '../interview/session.js';
import type { LoadedScenario } from '../scenario/loaded.js';
import { forTerminal } from '../terminal-text.js';
import { App } from './App.js';
import type { Outcome } from './InterviewFlow.js';
import type { VoiceWorld } from './use-voice.js';

/** Signals that end the app from outside, with the exit code a shell gives them. */
const SIGNALS = { SIGTERM: 143, SIGHUP: 129 } as const;

/** A reminder of recorded answers still waiting for their transcript, with the command that makes them. */
function waiting(session: Session, command: string): string {
  const n = (session.recordings ?? []).filter((r) => !r.speech).length;
  if (!n) return '';
  return `\n${n === 1 ? '1 recorded answer is' : `${n} recorded answers are`} not transcribed yet: ${command} transcribe ${session.id}`;
}

export const launch: InteractiveLauncher = async ({ catalog, loaded, session, options, wiring, io, speaking, summary }) => {
  if (!io.stdoutIsTTY) {
    throw new UsageError('the interactive interview needs a terminal; for scripts use --answers <file> (see `rehearse --help`)');
  }
  let outcome: Outcome | undefined;
  const untranscribed = (s: Session) => waiting(s, wiring.config.command);
  const world = runnerWorld(wiring);
  const runner = sessionRunner(world);
  // What is on screen now, so a signal or a crash can save it with the unsent draft.
  let current: { session: Session; draft: string; loaded: LoadedScenario } | undefined;
  // The last session on screen, for the summary of one that finished.
  let last: Session | undefined;
  let ended: { code: number; message: string } | undefined;
  const byId = new Map(catalog.map((l) => [l.scenario.id, l]));

  /** Saves the session as quit with its draft, or keeps a copy elsewhere; says which. */
  const saveNow = (why: string): string => {
    if (!current || current.session.status === 'finished') return `${why}.`;
    const { session: quit, unsaved } = runner.quit(current.loaded, current.session, current.draft);
    if (!unsaved) return `${why}. Saved; continue with: ${wiring.config.command} resume ${quit.id}`;
    return `${why}. ${unsaved.error}${unsaved.copy ? `; a copy with your draft is in ${unsaved.copy}` : ''}`;
  };

  const settings = wiring.config.voice;
  const voice: VoiceWorld | undefined = settings && {
    // Loaded on the first Ctrl+R or Ctrl+T (or at once with --voice), never for a typed interview.
    load: async (tell) => (await import('../app/voice.js')).createVoice(settings, tell),
    recordingPath: (id, name) => wiring.store.recordingPath(id, name),
    command: wiring.config.command,
  };

  // The keys typed while this loaded were dropped; from here on they reach the screen.
  io.releaseKeys();
  const instance = render(
    <App
      scenarios={catalog}
      {...(loaded ? { start: { loaded, ...(session ? { session } : {}) } } : {})}
      options={options}
      world={world}
      onChange={(s, draft) => {
        const l = s ? (byId.get(s.scenario.id) ?? loaded) : undefined;
        current = s && l ? { session: s, draft, loaded: l } : undefined;
        last = s ?? last;
      }}
      onExit={(o) => {
        outcome = o;
      }}
      color={wiring.config.color}
      speaking={!!speaking}
      {...(voice ? { voice } : {})}
    />,
    { exitOnCtrlC: false },
  );

  const onSignal = (signal: keyof typeof SIGNALS) => () => {
    ended = { code: SIGNALS[signal], message: saveNow(`Stopped by ${signal}`) };
    current = undefined;
    instance.unmount();
  };
  const onCrash = (e: unknown) => {
    ended = { code: 1, message: saveNow(`rehearse stopped on an error (${e instanceof Error ? e.message : String(e)})`) };
    current = undefined;
    instance.unmount();
  };
  const handlers = Object.keys(SIGNALS).map((s) => [s, onSignal(s as keyof typeof SIGNALS)] as const);
  for (const [s, h] of handlers) process.on(s, h);
  process.on('uncaughtException', onCrash);
  process.on('unhandledRejection', onCrash);
  try {
    await instance.waitUntilExit();
  } catch (e) {
    // Ink ends with the error a component threw: the same as a crash.
    if (!ended) onCrash(e);
  } finally {
    for (const [s, h] of handlers) process.off(s, h);
    process.off('uncaughtException', onCrash);
    process.off('unhandledRejection', onCrash);
  }
  const told = () => {
    if (summary && last?.status === 'finished') io.out(`\n${summary(last).map(forTerminal).join('\n')}`);
  };
  if (ended) {
    io.err(`\n${ended.message}`);
    told();
    return ended.code;
  }
  if (!outcome) return 0;
  if (outcome.kind === 'quit') {
    if (outcome.unsaved) {
      io.err(
        `\n${outcome.unsaved.error}.${outcome.unsaved.copy ? ` A copy of the session, with your draft, is in ${outcome.unsaved.copy}.` : ''}`,
      );
      return 1;
    }
    // Quit on the last score card: the interview is over, so its report is written and named, not a resume that would refuse.
    const over = current?.session.id === outcome.session.id && outcome.session.status === 'finished' ? current : undefined;
    if (over) {
      const { path } = runner.finish(over.loaded, outcome.session);
      io.out(`\nSession: ${wiring.store.pathOf(outcome.session.id)}\nReport: ${path}${untranscribed(outcome.session)}`);
      told();
      return 0;
    }
    // A deliberate save-and-quit: the session is safe, so this is a success.
    io.out(
      `\nSaved. Continue where you stopped with: ${wiring.config.command} resume ${outcome.session.id}${untranscribed(outcome.session)}`,
    );
    return 0;
  }
  io.out(`\nSession: ${wiring.store.pathOf(outcome.session.id)}\nReport: ${outcome.reportPath}${untranscribed(outcome.session)}`);
  told();
  return 0;
};
