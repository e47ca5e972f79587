// The interview without the terminal UI, for scripts and logs: answers given up front, the
// interview printed as it happens (or the session as JSON at the end).
import type { SessionOptions } from '../app/lifecycle.js';
import { runnerWorld, sessionRunner, type RunWatcher } from '../app/session-runner.js';
import type { Wiring } from '../app/wiring.js';
import { redact } from '../config.js';
import type { InterviewEvent } from '../interview/machine.js';
import type { Session } from '../interview/session.js';
import type { IO } from '../io.js';
import type { LoadedScenario } from '../scenario/loaded.js';
import { UsageError } from '../errors.js';
import type { AnswerBlock } from './answers.js';
import { forTerminal } from '../terminal-text.js';

/** The question the session is at, as the headless run prints it: its number, then its words. */
function questionHeading(s: Session, loaded: LoadedScenario): string {
  const questions = loaded.scenario.questions;
  return `\nQuestion ${s.questionIndex + 1} of ${questions.length}\n${forTerminal(questions[s.questionIndex]!.prompt)}`;
}

/** Prints the interview as it happens; what the scenario, the answers and the model say is drawn through forTerminal. */
function printer(io: IO, loaded: LoadedScenario, feedback: boolean): RunWatcher {
  let streamed = '';
  const indent = (t: string) =>
    forTerminal(t)
      .trim()
      .split('\n')
      .map((l) => `  │ ${l}`)
      .join('\n');
  return {
    onProbeToken: (t: string) => {
      if (!streamed) io.write('\nFollow-up: ');
      streamed += t;
      // A sequence split across tokens is harmless: without its ESC, the rest is plain text.
      io.write(forTerminal(t));
    },
    onEvent: (event: InterviewEvent, s: Session) => {
      switch (event.type) {
        case 'question-asked':
          io.out(questionHeading(s, loaded));
          break;
        case 'answer-submitted':
          io.out(event.text.trim() ? indent(event.text) : '  │ (empty)');
          break;
        case 'scored':
          if (feedback) {
            const below = event.score.criteria.filter((c) => !c.meetsBar).map((c) => `${forTerminal(c.title)} ${c.level}/${c.maxLevel}`);
            io.out(`  score ${event.score.total}/100 · ${event.score.band}${below.length ? ` — below the bar: ${below.join(', ')}` : ''}`);
          }
          break;
        case 'probe-failed':
          if (streamed) io.write('\n');
          streamed = '';
          io.out(`  ! ${forTerminal(event.notice)}`);
          break;
        case 'probe-ready':
          // The text streamed in already; otherwise (nothing streamed) print it whole.
          if (streamed && streamed.trim() === event.text.trim()) io.write('\n');
          else io.out(`\nFollow-up: ${forTerminal(event.text)}`);
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

export interface HeadlessRun {
  /** A saved session to go on with, or what a new one is made with (once the answers are known to fit). */
  session: { resume: Session } | { start: SessionOptions };
  loaded: LoadedScenario;
  answers: AnswerBlock[];
  /** Where the answers came from, for messages: a file, or standard input. */
  source: string;
  json: boolean;
  /** Lines a finished run says first, before the total (a drill's criterion, before and now). */
  summary?: (session: Session) => string[];
}

/** What the session waits for an answer to: the question's id, or `<question>/<follow-up>` for a probe. */
function awaited(session: Session, loaded: LoadedScenario): string {
  const q = loaded.scenario.questions[session.questionIndex]!;
  const last = session.turns.findLast((t) => t.kind === 'question' || t.kind === 'probe');
  return last?.kind === 'probe' && last.followUpId ? `${q.id}/${last.followUpId}` : q.id;
}

/**
 * Blocks that name where they go must name a question or follow-up of this scenario, and either
 * every block names one or none does: a file half in order and half by name cannot be followed.
 */
export function checkTargets(answers: readonly AnswerBlock[], loaded: LoadedScenario, source: string): void {
  const named = answers.filter((a) => a.target);
  if (!named.length) return;
  const loose = answers.find((a) => !a.target);
  if (loose) throw new UsageError(`${source}:${loose.line}: this block names no question, but others do; start it with --- <question-id>`);
  const seen = new Set<string>();
  for (const a of named) {
    const [qid, fid, extra] = a.target!.split('/');
    const q = loaded.scenario.questions.find((x) => x.id === qid);
    const where = `${source}:${a.targetLine ?? a.line}: --- ${a.target}`;
    if (!q || extra !== undefined) {
      throw new UsageError(
        `${where}: no question "${qid}" in ${loaded.scenario.id}; its questions are ${loaded.scenario.questions.map((x) => x.id).join(', ')}`,
      );
    }
    if (fid !== undefined && !q.followUps.some((f) => f.id === fid)) {
      throw new UsageError(
        `${where}: question "${qid}" has no follow-up "${fid}"; its follow-ups are ${q.followUps.map((f) => f.id).join(', ') || 'none'}`,
      );
    }
    if (seen.has(a.target!)) throw new UsageError(`${where}: a second answer to the same prompt`);
    seen.add(a.target!);
  }
}

/**
 * One answer a question, in order: that is what such a file means, so the follow-ups are not asked
 * (each would take the next question's answer). It says so, and gives the follow-ups' limit to use:
 * 0, or undefined where --probes N was given or the answers are not one a question.
 */
export function oneAnswerEach(
  answers: readonly AnswerBlock[],
  loaded: LoadedScenario,
  maxProbes: number | undefined,
  source: string,
  io: IO,
): 0 | undefined {
  const questions = loaded.scenario.questions.length;
  if (maxProbes !== undefined || answers.length !== questions || answers.some((a) => a.target)) return undefined;
  io.err(
    `rehearse: ${source} has one answer for ${questions === 1 ? 'the question' : `each of the ${questions} questions`}: no follow-ups are asked (with --probes N, each follow-up takes the next answer)`,
  );
  return 0;
}

/** Runs the interview on the given answers; exit 1 when they do not fit it (too few, or some not used). */
export async function runHeadless(
  { session: begin, loaded, answers, source, json, summary }: HeadlessRun,
  w: Wiring,
  io: IO,
): Promise<number> {
  const byTarget = answers.some((a) => a.target);
  const resuming = 'resume' in begin;
  const feedback = (resuming ? begin.resume.mode : begin.start.mode) === 'practice';
  const runner = sessionRunner(runnerWorld(w), json ? {} : printer(io, loaded, feedback));
  const start = resuming ? begin.resume : runner.start(loaded, begin.start);
  if (!json && !resuming) {
    const s = loaded.scenario;
    io.out(
      forTerminal(
        `${s.title}\n${s.interviewer.name}, ${s.interviewer.title} · ${s.questions.length === 1 ? '1 question' : `${s.questions.length} questions`} · session ${start.id}`,
      ),
    );
  }
  let session = await runner.open(loaded, start, resuming);
  // Resumed while it waits for an answer: the prompt was asked before, so it is said again before the answer to it.
  if (!json && resuming && begin.resume.phase === 'answering' && session.phase === 'answering') {
    const last = session.turns.findLast((t) => t.kind === 'question' || t.kind === 'probe');
    if (last?.kind === 'probe') io.out(`\nFollow-up: ${forTerminal(last.text)}`);
    else if (last) io.out(questionHeading(session, loaded));
  }
  const used = new Set<AnswerBlock>();
  let missing: string | undefined;
  while (session.status !== 'finished' && session.phase === 'answering') {
    const wanted = awaited(session, loaded);
    const next = byTarget ? answers.find((a) => a.target === wanted) : answers.find((a) => !used.has(a));
    if (!next) {
      missing = wanted;
      break;
    }
    used.add(next);
    session = await runner.submit(loaded, session, next.text);
  }
  const file = w.store.pathOf(session.id);
  if (json) io.out(redact(JSON.stringify(session, null, 2), w.config.secrets));
  if (session.status !== 'finished') {
    const need = byTarget
      ? `the interview asked ${missing} and ${source} has no block for it (start one with --- ${missing})`
      : `the answers ran out after ${used.size} (the interview needs more: each question and each follow-up takes the next answer, or name them with --- <question-id>[/<follow-up-id>])`;
    io.err(
      `rehearse: ${need}.\nThe session is saved unfinished: ${file}\nContinue it with: ${w.config.command} resume ${session.id} --answers <file>`,
    );
    return 1;
  }
  const { report, path } = runner.finish(loaded, session);
  if (!json) {
    if (summary) io.out(`\n${summary(session).map(forTerminal).join('\n')}`);
    io.out(`\nTotal ${report.total}/100 · ${report.band}`);
    report.questions.forEach((q, i) => io.out(`  ${i + 1}. ${String(q.total).padStart(3)}  ${q.band.padEnd(12)} ${q.id}`));
    if (report.improvements.length)
      io.out(forTerminal(`\nWhat would raise it most:\n${report.improvements.map((x, i) => `  ${i + 1}. ${x.advice}`).join('\n')}`));
    io.out(`\nSession: ${file}\nReport: ${path}`);
  }
  const unused = answers.filter((a) => !used.has(a));
  if (unused.length) {
    // Answers meant for prompts that were never asked would otherwise vanish without a word.
    const which = unused.map((a) => `${source}:${a.targetLine ?? a.line}${a.target ? ` (--- ${a.target}: not asked)` : ''}`).join(', ');
    io.err(`rehearse: ${unused.length} answer(s) were not used, as the interview did not ask for them: ${which}`);
    return 1;
  }
  return 0;
}
