// The interview without the terminal UI, for scripts and logs: answers given up front, the
// interview printed as it happens (or the session as JSON at the end).
import { finishSession } from '../app/lifecycle.js';
import type { Wiring } from '../app/wiring.js';
import { redact } from '../config.js';
import { advance, resume, submitAnswer, type EngineDeps } from '../interview/engine.js';
import type { InterviewEvent } from '../interview/machine.js';
import type { Session } from '../interview/session.js';
import type { IO } from '../io.js';
import type { LoadedScenario } from '../scenario/loaded.js';
import { forTerminal } from '../terminal-text.js';

/** Prints the interview as it happens; what the scenario, the answers and the model say is drawn through forTerminal. */
function printer(io: IO, loaded: LoadedScenario, feedback: boolean) {
  const questions = loaded.scenario.questions;
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
          io.out(`\nQuestion ${s.questionIndex + 1} of ${questions.length}\n${forTerminal(questions[s.questionIndex]!.prompt)}`);
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
  session: Session;
  loaded: LoadedScenario;
  answers: string[];
  json: boolean;
  resuming: boolean;
}

/** Runs the interview on the given answers; exit 1 when they ran out before it finished. */
export async function runHeadless({ session: start, loaded, answers, json, resuming }: HeadlessRun, w: Wiring, io: IO): Promise<number> {
  const feedback = start.mode === 'practice';
  const hooks = json ? {} : printer(io, loaded, feedback);
  const deps: EngineDeps = { ...w.engine, scenario: loaded, ...hooks };
  if (!json && !resuming) {
    const s = loaded.scenario;
    io.out(
      forTerminal(`${s.title}\n${s.interviewer.name}, ${s.interviewer.title} · ${s.questions.length} questions · session ${start.id}`),
    );
  }
  let session = resuming ? await resume(start, deps) : await advance(start, deps);
  let used = 0;
  while (session.status !== 'finished' && session.phase === 'answering' && used < answers.length) {
    session = await submitAnswer(session, answers[used++]!, deps);
  }
  const file = w.store.pathOf(session.id);
  if (json) io.out(redact(JSON.stringify(session, null, 2), w.config.secrets));
  if (session.status !== 'finished') {
    io.err(
      `rehearse: the answers ran out after ${used} (the interview needs more: each question and each follow-up takes the next answer).\n` +
        `The session is saved unfinished: ${file}\nContinue it with: ${w.config.resumeCommand} ${session.id} --answers <file>`,
    );
    return 1;
  }
  const { report, path } = finishSession(w, session, loaded);
  if (!json) {
    io.out(`\nTotal ${report.total}/100 · ${report.band}`);
    report.questions.forEach((q, i) => io.out(`  ${i + 1}. ${String(q.total).padStart(3)}  ${q.band.padEnd(12)} ${q.id}`));
    if (report.improvements.length)
      io.out(forTerminal(`\nWhat would raise it most:\n${report.improvements.map((x, i) => `  ${i + 1}. ${x.advice}`).join('\n')}`));
    io.out(`\nSession: ${file}\nReport: ${path}`);
  }
  if (used < answers.length)
    io.err(`rehearse: ${answers.length - used} answer(s) left over after the interview finished; they were not used.`);
  return 0;
}
