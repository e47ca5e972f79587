// `rehearse drill`: a short round on one criterion, the weakest lately unless named: one question
// whose rubric has it, then the follow-ups on it; saved as a session of kind drill.
import { chooseQuestion, chooseTarget, familiesOf, narrowTo, type DrillTarget } from '../app/drill.js';
import { progressOf } from '../report/progress.js';
import type { InteractiveLauncher, SessionOptions } from '../app/lifecycle.js';
import { wire } from '../app/wiring.js';
import { UsageError } from '../errors.js';
import type { Session } from '../interview/session.js';
import type { IO } from '../io.js';
import { drillLines, followsLine } from '../report/drill.js';
import { loadCatalog } from '../scenario/catalog.js';
import { forTerminal } from '../terminal-text.js';
import type { LoadedScenario } from '../scenario/loaded.js';
import { answersFrom } from './answers.js';
import { maxProbesOf, parse } from './args.js';
import { checkTargets, oneAnswerEach, runHeadless } from './headless.js';

export const DRILL_USAGE = 'rehearse drill [--criterion <id>] [--family <family>] [--answers <file>] [--probes N] [--json]';

/** The criterion's level in the latest saved session that graded it, with that session's date. */
function lastAttempt(saved: readonly Session[], catalog: readonly LoadedScenario[], target: DrillTarget) {
  const before = progressOf(saved, familiesOf(catalog)).criteria.find((c) => c.id === target.criterion && c.family === target.family);
  const last = before?.history[before.history.length - 1];
  const date = last && saved.find((s) => s.id === last.session)?.createdAt;
  return last && date ? { level: last.level, maxLevel: last.maxLevel, date } : undefined;
}

/** The drill's criterion as its session scored it, against the last attempt before the drill. */
/** What a finished drill says of its criterion, worked out from the session (a drill resumed); nothing for an interview. */
export function drillSummaryOf(session: Session, loaded: LoadedScenario): ((done: Session) => string[]) | undefined {
  const d = session.drill;
  if (!d) return undefined;
  const title = loaded.rubrics[d.questionId]?.criteria.find((c) => c.id === d.criterion)?.title ?? d.criterion;
  return (done) => outcomeLines(done, loaded, { criterion: d.criterion, family: d.family, title });
}

function outcomeLines(session: Session, loaded: LoadedScenario, target: DrillTarget) {
  const question = loaded.scenario.questions[0]!;
  const now = session.scores[question.id]?.criteria.find((c) => c.id === target.criterion);
  const before = session.drill?.before;
  return drillLines({
    title: target.title,
    family: target.family,
    ...(now ? { now } : {}),
    ...(before ? { before } : {}),
    example: question.example,
  });
}

export async function drillCommand(args: string[], io: IO, interactive?: InteractiveLauncher): Promise<number> {
  const { values, positionals } = parse(
    args,
    {
      criterion: { type: 'string' },
      family: { type: 'string' },
      answers: { type: 'string' },
      probes: { type: 'string' },
      json: { type: 'boolean' },
    },
    DRILL_USAGE,
  );
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"\nusage: ${DRILL_USAGE}`);
  const maxProbes = maxProbesOf(values.probes);
  const w = await wire(io);
  const catalog = loadCatalog(w.scenarios);
  const sessions = w.store.all().sessions.map((s) => s.session);
  const target = chooseTarget(
    catalog,
    progressOf(sessions, familiesOf(catalog)),
    { ...(values.criterion ? { criterion: values.criterion } : {}), ...(values.family ? { family: values.family } : {}) },
    DRILL_USAGE,
  );
  const { from, question } = chooseQuestion(catalog, sessions, target);
  const loaded = narrowTo(from, question.id, target.criterion);
  const before = lastAttempt(sessions, catalog, target);
  const options: SessionOptions = {
    mode: 'practice',
    ...(maxProbes !== undefined ? { maxProbes } : {}),
    drill: { criterion: target.criterion, family: target.family, questionId: question.id, ...(before ? { before } : {}) },
  };
  // A drill that ends finished says how its criterion went, before and now.
  const summary = (done: Session) => outcomeLines(done, loaded, target);
  const answers = await answersFrom(values.answers, io, DRILL_USAGE);
  if (answers === undefined) {
    if (!interactive)
      throw new UsageError(
        `standard input is not a terminal; give the answers with --answers <file> or pipe them in\nusage: ${DRILL_USAGE}`,
      );
    return interactive({ catalog: [loaded], loaded, options, wiring: w, io, summary });
  }
  checkTargets(answers, loaded, values.answers ?? 'standard input');
  // As an interview's: one answer for its one question asks no follow-ups.
  if (oneAnswerEach(answers, loaded, maxProbes, values.answers ?? 'standard input', io) === 0) options.maxProbes = 0;
  if (!values.json) {
    io.out(forTerminal(`Drill on ${target.title} (${target.family}): ${from.scenario.title}, question "${question.id}"`));
    if (loaded.follows) io.out(forTerminal(followsLine(loaded.follows)));
  }
  return runHeadless(
    {
      session: { start: options },
      loaded,
      answers,
      source: values.answers ?? 'standard input',
      json: !!values.json,
      summary,
    },
    w,
    io,
  );
}
