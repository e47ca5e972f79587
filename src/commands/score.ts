// `rehearse score --scenario <id> --question <qid> [--file F] [--json] [--explain]`: grades one answer.
import { readOptions } from '../app/wiring.js';
import { checkInput, readInputText, usableText } from '../input.js';
import { findScenario } from '../scenario/catalog.js';
import { trace } from '../scoring/score.js';
import { explain, renderExplanation } from '../report/explain.js';
import { renderScoreCard } from '../report/scorecard.js';
import { UsageError } from '../errors.js';
import type { IO } from '../io.js';
import { parse } from './args.js';

const USAGE = 'rehearse score --scenario <id> --question <qid> [--file F] [--json] [--explain]';

export async function scoreCommand(args: string[], io: IO): Promise<number> {
  const { values, positionals } = parse(
    args,
    {
      scenario: { type: 'string' },
      question: { type: 'string' },
      file: { type: 'string' },
      json: { type: 'boolean' },
      explain: { type: 'boolean' },
    },
    USAGE,
  );
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"\nusage: ${USAGE}`);
  if (!values.scenario || !values.question) throw new UsageError(`--scenario and --question are required\nusage: ${USAGE}`);
  const loaded = findScenario(values.scenario, readOptions(io));
  const question = loaded.scenario.questions.find((q) => q.id === values.question);
  if (!question) {
    const ids = loaded.scenario.questions.map((q) => q.id).join(', ');
    throw new UsageError(`scenario "${loaded.scenario.id}" has no question "${values.question}"; its questions are: ${ids}`);
  }
  let answer: string;
  if (values.file) answer = readInputText(values.file, 'answer', (l) => io.err(l));
  else {
    const stdin = await io.readStdin();
    if (stdin === undefined) throw new UsageError(`give the answer with --file F or on standard input\nusage: ${USAGE}`);
    answer = usableText(checkInput(stdin, 'answer'), 'standard input', (l) => io.err(l));
  }
  const rubric = loaded.rubrics[question.id]!;
  const t = trace(rubric, answer, { explain: !!values.explain });
  const result = t.score;
  if (values.json) io.out(JSON.stringify(values.explain ? { ...result, explanation: explain(rubric, t) } : result, null, 2));
  else {
    io.out(renderScoreCard(result, { title: question.prompt, width: Math.min(io.columns, 100) }));
    if (values.explain) io.out(`\n${renderExplanation(explain(rubric, t))}`);
  }
  return 0;
}
