// `rehearse interview` and `rehearse resume`: the terminal UI when there is a terminal, else the headless run.
import { scenarioOf, type InteractiveLauncher, type SessionOptions } from '../app/lifecycle.js';
import { wire } from '../app/wiring.js';
import { FatalError, UsageError } from '../errors.js';
import type { IO } from '../io.js';
import { forTerminal } from '../terminal-text.js';
import { findScenario, loadCatalog } from '../scenario/catalog.js';
import { answersFrom } from './answers.js';
import { maxProbesOf, parse } from './args.js';
import { checkTargets, oneAnswerEach, runHeadless } from './headless.js';
import { drillSummaryOf } from './drill.js';

const INTERVIEW_USAGE =
  'rehearse interview [--scenario <id>] [--voice] [--answers <file>] [--no-feedback] [--probes N] [--json]\n' +
  '  --voice: the interviewer reads each question aloud (Ctrl+T turns it on and off; Ctrl+R records an answer).\n' +
  '  With --answers (or answers piped on standard input, separated by lines holding only ---),\n' +
  '  the interview runs without the terminal UI; each question and each follow-up takes the next answer\n' +
  '  (as many answers as questions, and no --probes: one a question, with no follow-ups asked).';

export async function interviewCommand(args: string[], io: IO, interactive?: InteractiveLauncher): Promise<number> {
  const { values, positionals } = parse(
    args,
    {
      scenario: { type: 'string' },
      answers: { type: 'string' },
      json: { type: 'boolean' },
      'no-feedback': { type: 'boolean' },
      probes: { type: 'string' },
      voice: { type: 'boolean' },
    },
    INTERVIEW_USAGE,
  );
  if (positionals.length > 1) throw new UsageError(`unexpected argument "${positionals[1]}"\nusage: ${INTERVIEW_USAGE}`);
  const scenarioArg = values.scenario ?? positionals[0];
  const options: SessionOptions = { mode: values['no-feedback'] ? 'interview' : 'practice' };
  const maxProbes = maxProbesOf(values.probes);
  if (maxProbes !== undefined) options.maxProbes = maxProbes;
  const w = await wire(io);
  const reading = w.scenarios;
  // One catalog load serves the picker and the scenario named on the command line; a mistyped id
  // is said first, before anything is read from standard input.
  const catalog = loadCatalog(reading);
  const named = scenarioArg ? findScenario(scenarioArg, { ...reading, catalog }) : undefined;
  const answers = await answersFrom(values.answers, io, INTERVIEW_USAGE);
  if (answers === undefined) {
    if (!interactive) {
      throw new UsageError(
        `standard input is not a terminal; give the answers with --answers <file> or pipe them in\nusage: ${INTERVIEW_USAGE}`,
      );
    }
    return interactive({ catalog, ...(named ? { loaded: named } : {}), options, wiring: w, io, speaking: !!values.voice });
  }
  if (values.voice)
    throw new UsageError(`--voice needs the terminal UI; answers from a file or standard input are not spoken\nusage: ${INTERVIEW_USAGE}`);
  if (!named) throw new UsageError(`name the scenario with --scenario <id>\nusage: ${INTERVIEW_USAGE}`);
  const loaded = named;
  // A file of answers that cannot fit this interview is refused before a session is made.
  const source = values.answers ?? 'standard input';
  checkTargets(answers, loaded, source);
  if (oneAnswerEach(answers, loaded, maxProbes, source, io) === 0) options.maxProbes = 0;
  return runHeadless({ session: { start: options }, loaded, answers, source, json: !!values.json }, w, io);
}

export async function resumeCommand(args: string[], io: IO, interactive?: InteractiveLauncher): Promise<number> {
  const usage = 'rehearse resume [<id>] [--voice] [--answers <file>] [--json]';
  const { values, positionals } = parse(
    args,
    { answers: { type: 'string' }, json: { type: 'boolean' }, voice: { type: 'boolean' } },
    usage,
  );
  const w = await wire(io);
  let id = positionals[0];
  if (!id) {
    const open = w.store.list().sessions.filter((s) => s.status !== 'finished');
    if (!open.length) {
      io.out('No unfinished sessions.');
      return 0;
    }
    // At a terminal, with one unfinished session, there is nothing to choose: it goes on.
    if (open.length === 1 && io.stdoutIsTTY && values.answers === undefined) id = open[0]!.id;
    else {
      io.out(`Unfinished sessions (continue one with \`${w.config.command} resume <id>\`):`);
      // In columns, as `sessions` lists them: ids and scenario names differ in length.
      const idWidth = Math.max(...open.map((s) => [...s.id].length));
      const scenarioWidth = Math.max(...open.map((s) => [...s.scenario].length));
      for (const s of open)
        io.out(
          forTerminal(
            `  ${s.id.padEnd(idWidth)}  ${s.scenario.padEnd(scenarioWidth)}  ${s.kind.padEnd(9)}  ${`${String(s.questionsAnswered).padStart(2)} question${s.questionsAnswered === 1 ? '' : 's'} answered`.padEnd(22)}  last ${s.updatedAt.slice(0, 16).replace('T', ' ')}`,
          ),
        );
      return 0;
    }
  }
  const session = w.store.take(id);
  if (session.status === 'finished')
    throw new FatalError(`session ${id} is already finished; its report is beside ${w.store.pathOf(id)}`, 2);
  const loaded = scenarioOf(w, session);
  // A drill resumed ends as a drill does: how its criterion went, before and now, and the strong answer.
  const summary = drillSummaryOf(session, loaded);
  const answers = await answersFrom(values.answers, io, usage);
  if (answers === undefined) {
    if (!interactive) throw new UsageError(`give the remaining answers with --answers <file>\nusage: ${usage}`);
    return interactive({
      catalog: [loaded],
      loaded,
      session,
      options: { mode: session.mode },
      wiring: w,
      io,
      speaking: !!values.voice,
      ...(summary ? { summary } : {}),
    });
  }
  if (values.voice)
    throw new UsageError(`--voice needs the terminal UI; answers from a file or standard input are not spoken\nusage: ${usage}`);
  checkTargets(answers, loaded, values.answers ?? 'standard input');
  return runHeadless(
    {
      session: { resume: session },
      loaded,
      answers,
      source: values.answers ?? 'standard input',
      json: !!values.json,
      ...(summary ? { summary } : {}),
    },
    w,
    io,
  );
}
