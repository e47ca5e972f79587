// A session's ends outside the engine: made and saved at the start, its report built and saved at
// the end, and its scenario found again on resume. The session runner makes and finishes sessions
// with these; the commands find a resumed session's scenario here.
import { randomBytes } from 'node:crypto';
import { redact } from '../config.js';
import { PRIVATE_FILE, writeAtomic } from '../files.js';
import type { EngineServices } from '../interview/engine.js';
import { newSession, type Session } from '../interview/session.js';
import type { IO } from '../io.js';
import { buildReport, type Report } from '../report/build.js';
import { renderMarkdown } from '../report/markdown.js';
import { findScenario } from '../scenario/catalog.js';
import type { LoadedScenario } from '../scenario/loaded.js';
import { newSessionId } from '../store/sessions.js';
import { narrowTo } from './drill.js';
import type { Wiring } from './wiring.js';

export interface SessionOptions {
  mode: Session['mode'];
  /** At most this many follow-ups a question; the scenario's own budget otherwise. */
  maxProbes?: number;
  /** A drill on one criterion: the session says so, and resuming it asks only its question. */
  drill?: Session['drill'];
}

/** A new session's id, from when it starts and its scenario. */
export type NewId = (now: Date, scenarioId: string) => string;

/** Random at the end, so two sessions started in the same second differ. */
const randomId: NewId = (now, scenarioId) => newSessionId(now, scenarioId, randomBytes(3).toString('hex'));

/** A new session for a scenario, saved before the first question is asked. */
export function startSession(
  w: { engine: Pick<EngineServices, 'now' | 'save'>; newId?: NewId },
  loaded: LoadedScenario,
  options: SessionOptions,
): Session {
  const now = w.engine.now();
  const session = newSession({
    id: (w.newId ?? randomId)(now, loaded.scenario.id),
    scenario: { id: loaded.scenario.id, title: loaded.scenario.title, file: loaded.file },
    mode: options.mode,
    at: now.toISOString(),
    ...(options.maxProbes !== undefined ? { maxProbes: options.maxProbes } : {}),
    ...(options.drill ? { drill: options.drill } : {}),
  });
  w.engine.save(session);
  return session;
}

export interface Finished {
  report: Report;
  /** The Markdown report, saved beside the session file with a JSON copy. */
  path: string;
}

/** Builds the report of a finished session and saves it beside the session, as Markdown and JSON. */
export function finishSession(w: Wiring, session: Session, loaded: LoadedScenario): Finished {
  const report = buildReport(session, loaded.scenario);
  const base = w.store.pathOf(report.sessionId).replace(/\.json$/, '');
  writeAtomic(`${base}.report.json`, redact(`${JSON.stringify(report, null, 2)}\n`, w.config.secrets), PRIVATE_FILE);
  writeAtomic(`${base}.report.md`, redact(renderMarkdown(report), w.config.secrets), PRIVATE_FILE);
  return { report, path: `${base}.report.md` };
}

/** The scenario a saved session was run with: its file when that still loads, else its id. */
export function scenarioOf(w: Wiring, session: Session): LoadedScenario {
  const options = w.scenarios;
  let loaded: LoadedScenario;
  try {
    loaded = findScenario(session.scenario.file ?? session.scenario.id, options);
  } catch {
    loaded = findScenario(session.scenario.id, options);
  }
  // A drill asked one question of its scenario: it goes on with that one.
  return session.drill ? narrowTo(loaded, session.drill.questionId, session.drill.criterion) : loaded;
}

/** How the terminal UI is started; the CLI loads it only for an interactive run. */
export interface InteractiveLauncher {
  (args: {
    catalog: LoadedScenario[];
    loaded?: LoadedScenario;
    session?: Session;
    options: SessionOptions;
    wiring: Wiring;
    io: IO;
    /** The interviewer speaks from the start (`--voice`). */
    speaking?: boolean;
    /** Lines said after a session that ends finished (a drill's criterion, before and now). */
    summary?: (session: Session) => string[];
  }): Promise<number>;
}
