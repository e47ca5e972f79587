// `rehearse interview` and `rehearse resume`: the headless driver, and the wiring both drivers share.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { loadConfig, redact, type Config } from '../config.js';
import { UsageError, FatalError } from '../errors.js';
import { advance, resume, submitAnswer, type EngineDeps } from '../interview/engine.js';
import type { InterviewEvent } from '../interview/machine.js';
import { newSession, type Session } from '../interview/session.js';
import { offlineWriter } from '../probes/offline.js';
import { loadTemplates } from '../probes/prompt.js';
import { buildReport, type Report } from '../report/build.js';
import { renderMarkdown } from '../report/markdown.js';
import { findScenario, loadCatalog } from '../scenario/catalog.js';
import type { LoadedScenario } from '../scenario/load.js';
import { dataHome, newSessionId, SessionStore, writeAtomic } from '../store/sessions.js';
import { parse, type IO } from './io.js';

/** Answers in a file or on standard input, separated by lines holding only `---`. */
export function splitAnswers(text: string): string[] {
  const blocks = text.replace(/\r\n/g, '\n').split(/^[ \t]*---[ \t]*$/m).map((b) => b.trim());
  while (blocks.length && blocks[blocks.length - 1] === '') blocks.pop();
  return blocks;
}

export interface Wiring {
  config: Config;
  store: SessionStore;
  deps: Omit<EngineDeps, 'onEvent' | 'onProbeToken' | 'scenario'>;
}

/** Config, store and probe writers, from the environment and `.env`. The openai SDK is loaded only when a key is set. */
export async function wire(io: IO, cwd = process.cwd()): Promise<Wiring> {
  const config = loadConfig(io.env, cwd);
  const store = new SessionStore(dataHome({ ...io.env, ...(config.home ? { REHEARSE_HOME: config.home } : {}) }));
  const llm = config.llm ? (await import('../probes/openai.js')).openaiWriter(config.llm, loadTemplates()) : undefined;
  return {
    config,
    store,
    deps: { writers: { offline: offlineWriter, ...(llm ? { llm } : {}) }, save: (s) => store.save(s), now: () => new Date() },
  };
}

/** Saves the report beside the session file, as Markdown and JSON; returns the Markdown path. */
export function saveReport(store: SessionStore, report: Report, secrets: readonly string[]): string {
  const base = store.pathOf(report.sessionId).replace(/\.json$/, '');
  writeAtomic(`${base}.report.json`, redact(`${JSON.stringify(report, null, 2)}\n`, secrets));
  writeAtomic(`${base}.report.md`, redact(renderMarkdown(report), secrets));
  return `${base}.report.md`;
}

function loadScenarioOf(session: Session): LoadedScenario {
  try {
    return findScenario(session.scenario.file ?? session.scenario.id);
  } catch {
    return findScenario(session.scenario.id);
  }
}

/** Prints the interview as it happens, for scripts and logs. */
function printer(io: IO, loaded: LoadedScenario, feedback: boolean) {
  const questions = loaded.scenario.questions;
  let streamed = '';
  const indent = (t: string) => t.trim().split('\n').map((l) => `  │ ${l}`).join('\n');
  return {
    onProbeToken: (t: string) => {
      if (!streamed) io.write('\nFollow-up: ');
      streamed += t;
      io.write(t);
    },
    onEvent: (event: InterviewEvent, s: Session) => {
      switch (event.type) {
        case 'question-asked':
          io.out(`\nQuestion ${s.questionIndex + 1} of ${questions.length}\n${questions[s.questionIndex]!.prompt}`);
          break;
        case 'answer-submitted':
          io.out(event.text.trim() ? indent(event.text) : '  │ (empty)');
          break;
        case 'scored':
          if (feedback) {
            const below = event.score.criteria.filter((c) => !c.meetsBar).map((c) => `${c.title} ${c.level}/${c.maxLevel}`);
            io.out(`  score ${event.score.total}/100 · ${event.score.band}${below.length ? ` — below the bar: ${below.join(', ')}` : ''}`);
          }
          break;
        case 'probe-failed':
          if (streamed) io.write('\n');
          streamed = '';
          io.out(`  ! ${event.notice}`);
          break;
        case 'probe-ready':
          // The text streamed in already; otherwise (nothing streamed) print it whole.
          if (streamed && streamed.trim() === event.text.trim()) io.write('\n');
          else io.out(`\nFollow-up: ${event.text}`);
          streamed = '';
          break;
        case 'time-up':
          io.out('  ! Time is up for this question.');
          break;
        default:
          break;
      }
    },
  };
}

async function runHeadless(session: Session, loaded: LoadedScenario, answers: string[], w: Wiring, io: IO, json: boolean, resuming: boolean) {
  const feedback = session.mode === 'practice';
  const hooks = json ? {} : printer(io, loaded, feedback);
  const deps: EngineDeps = { ...w.deps, scenario: loaded, ...hooks };
  if (!json && !resuming) {
    const s = loaded.scenario;
    io.out(`${s.title}\n${s.interviewer.name}, ${s.interviewer.title} · ${s.questions.length} questions · session ${session.id}`);
  }
  session = resuming ? await resume(session, deps) : await advance(session, deps);
  let used = 0;
  while (session.status !== 'finished' && session.phase === 'answering' && used < answers.length) {
    session = await submitAnswer(session, answers[used++]!, deps);
  }
  const file = w.store.pathOf(session.id);
  if (json) io.out(redact(JSON.stringify(session, null, 2), w.config.secrets));
  if (session.status !== 'finished') {
    io.err(
      `rehearse: the answers ran out after ${used} (the interview needs more: each question and each follow-up takes the next answer).\n` +
        `The session is saved unfinished: ${file}\nContinue it with: rehearse resume ${session.id} --answers <file>`,
    );
    return 1;
  }
  const report = buildReport(session, loaded.scenario);
  const md = saveReport(w.store, report, w.config.secrets);
  if (!json) {
    io.out(`\nTotal ${report.total}/100 · ${report.band}`);
    report.questions.forEach((q, i) => io.out(`  ${i + 1}. ${String(q.total).padStart(3)}  ${q.band.padEnd(12)} ${q.id}`));
    if (report.improvements.length) io.out(`\nWhat would raise it most:\n${report.improvements.map((x, i) => `  ${i + 1}. ${x.advice}`).join('\n')}`);
    io.out(`\nSession: ${file}\nReport: ${md}`);
  }
  if (used < answers.length) io.err(`rehearse: ${answers.length - used} answer(s) left over after the interview finished; they were not used.`);
  return 0;
}

async function answersFrom(file: string | undefined, io: IO): Promise<string[] | undefined> {
  if (file) {
    try {
      return splitAnswers(readFileSync(file, 'utf8'));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new UsageError(`${file}: cannot read the answers: ${code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
    }
  }
  const stdin = await io.readStdin();
  if (stdin === undefined) return undefined;
  const answers = splitAnswers(stdin);
  if (answers.length === 0) {
    throw new UsageError(
      `no terminal and no answers: run this in a terminal for the interactive interview, or give the answers\n` +
        `with --answers <file> or on standard input, separated by lines holding only ---\nusage: ${INTERVIEW_USAGE}`,
    );
  }
  return answers;
}

const INTERVIEW_USAGE =
  'rehearse interview [--scenario <id>] [--answers <file>] [--no-feedback] [--probes N] [--json]\n' +
  '  With --answers (or answers piped on standard input, separated by lines holding only ---),\n' +
  '  the interview runs without the terminal UI; each question and each follow-up takes the next answer.';

export interface InteractiveLauncher {
  (args: {
    catalog: LoadedScenario[];
    loaded?: LoadedScenario;
    session?: Session;
    mode: Session['mode'];
    maxProbes?: number;
    wiring: Wiring;
    io: IO;
  }): Promise<number>;
}

export async function interviewCommand(args: string[], io: IO, interactive?: InteractiveLauncher): Promise<number> {
  const { values, positionals } = parse(
    args,
    {
      scenario: { type: 'string' },
      answers: { type: 'string' },
      json: { type: 'boolean' },
      'no-feedback': { type: 'boolean' },
      probes: { type: 'string' },
    },
    INTERVIEW_USAGE,
  );
  if (positionals.length > 1) throw new UsageError(`unexpected argument "${positionals[1]}"\nusage: ${INTERVIEW_USAGE}`);
  const scenarioArg = values.scenario ?? positionals[0];
  let maxProbes: number | undefined;
  if (values.probes !== undefined) {
    maxProbes = Number(values.probes);
    if (!Number.isInteger(maxProbes) || maxProbes < 0 || maxProbes > 5) throw new UsageError('--probes takes a whole number from 0 to 5');
  }
  const mode = values['no-feedback'] ? 'interview' : 'practice';
  const w = await wire(io);
  const answers = await answersFrom(values.answers, io);
  if (answers === undefined) {
    if (!interactive) {
      throw new UsageError(`standard input is not a terminal; give the answers with --answers <file> or pipe them in\nusage: ${INTERVIEW_USAGE}`);
    }
    // One catalog load serves both the picker and a scenario named on the command line.
    const catalog = loadCatalog();
    const loaded = scenarioArg ? findScenario(scenarioArg, undefined, catalog) : undefined;
    return interactive({ catalog, ...(loaded ? { loaded } : {}), mode, ...(maxProbes !== undefined ? { maxProbes } : {}), wiring: w, io });
  }
  if (!scenarioArg) throw new UsageError(`name the scenario with --scenario <id>\nusage: ${INTERVIEW_USAGE}`);
  const loaded = findScenario(scenarioArg);
  const now = new Date();
  const session = newSession({
    id: newSessionId(now, loaded.scenario.id, randomBytes(3).toString('hex')),
    scenario: { id: loaded.scenario.id, title: loaded.scenario.title, file: loaded.file },
    mode,
    at: now.toISOString(),
    ...(maxProbes !== undefined ? { maxProbes } : {}),
  });
  w.deps.save(session);
  return runHeadless(session, loaded, answers, w, io, !!values.json, false);
}

export async function resumeCommand(args: string[], io: IO, interactive?: InteractiveLauncher): Promise<number> {
  const usage = 'rehearse resume [<id>] [--answers <file>] [--json]';
  const { values, positionals } = parse(args, { answers: { type: 'string' }, json: { type: 'boolean' } }, usage);
  const w = await wire(io);
  const id = positionals[0];
  if (!id) {
    const open = w.store.list().sessions.filter((s) => s.status !== 'finished');
    if (!open.length) {
      io.out('No unfinished sessions.');
      return 0;
    }
    io.out('Unfinished sessions (continue one with `rehearse resume <id>`):');
    for (const s of open) io.out(`  ${s.id}  ${s.scenario}  ${s.questionsAnswered} answered  last ${s.updatedAt.slice(0, 16).replace('T', ' ')}`);
    return 0;
  }
  const session = w.store.load(id);
  if (session.status === 'finished') throw new FatalError(`session ${id} is already finished; its report is beside ${w.store.pathOf(id)}`, 2);
  const loaded = loadScenarioOf(session);
  const answers = await answersFrom(values.answers, io);
  if (answers === undefined) {
    if (!interactive) throw new UsageError(`give the remaining answers with --answers <file>\nusage: ${usage}`);
    return interactive({ catalog: [loaded], loaded, session, mode: session.mode, wiring: w, io });
  }
  return runHeadless(session, loaded, answers, w, io, !!values.json, true);
}

export async function sessionsCommand(args: string[], io: IO): Promise<number> {
  const { values } = parse(args, { json: { type: 'boolean' } }, 'rehearse sessions [--json]');
  const { store } = await wire(io);
  const { sessions, unreadable } = store.list();
  if (values.json) io.out(JSON.stringify(sessions, null, 2));
  else if (!sessions.length) io.out(`No sessions yet in ${store.dir}.`);
  else {
    io.out(`Sessions in ${store.dir}:`);
    for (const s of sessions) {
      const score = s.total === undefined ? '  —' : String(s.total).padStart(3);
      io.out(`  ${s.createdAt.slice(0, 16).replace('T', ' ')}  ${s.scenario.padEnd(10)} ${score}  ${s.status.padEnd(11)} ${s.id}`);
    }
  }
  for (const f of unreadable) io.err(`rehearse: cannot read ${f}; it was skipped`);
  return 0;
}
