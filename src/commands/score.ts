// `rehearse score --scenario <id> --question <qid> [--file F] [--json] [--explain]`: grades one answer.
import { TRANSCRIPTION_SETUP } from '../app/transcription.js';
import { readOptions } from '../app/wiring.js';
import { loadConfig } from '../config.js';
import { measureDelivery, type Delivery } from '../delivery/delivery.js';
import { deliveryLines } from '../report/delivery.js';
import { checkInput, INPUT_KINDS, readInputText, usableText } from '../input.js';
import { findScenario } from '../scenario/catalog.js';
import { trace } from '../scoring/score.js';
import { explain, renderExplanation } from '../report/explain.js';
import { renderScoreCard, wrap } from '../report/scorecard.js';
import { FatalError, UsageError } from '../errors.js';
import type { IO } from '../io.js';
import { parse } from './args.js';

const USAGE = 'rehearse score --scenario <id> --question <qid> [--answers F | --file F | --audio F] [--json] [--explain]';

export async function scoreCommand(args: string[], io: IO): Promise<number> {
  const { values, positionals } = parse(
    args,
    {
      scenario: { type: 'string' },
      question: { type: 'string' },
      file: { type: 'string' },
      // The name `interview` uses for the same thing.
      answers: { type: 'string' },
      audio: { type: 'string' },
      json: { type: 'boolean' },
      explain: { type: 'boolean' },
    },
    USAGE,
  );
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"\nusage: ${USAGE}`);
  if (!values.scenario || !values.question) throw new UsageError(`--scenario and --question are required\nusage: ${USAGE}`);
  const given = (['answers', 'file', 'audio'] as const).filter((k) => values[k] !== undefined);
  if (given.length > 1) throw new UsageError(`give the answer with ${given.map((k) => `--${k}`).join(' or ')}, not both\nusage: ${USAGE}`);
  const file = values.answers ?? values.file;
  const loaded = findScenario(values.scenario, readOptions(io));
  const question = loaded.scenario.questions.find((q) => q.id === values.question);
  if (!question) {
    const ids = loaded.scenario.questions.map((q) => q.id).join(', ');
    throw new UsageError(`scenario "${loaded.scenario.id}" has no question "${values.question}"; its questions are: ${ids}`);
  }
  let answer: string;
  let spoken: { transcript: string; delivery?: Delivery } | undefined;
  if (values.audio) {
    spoken = await listen(values.audio, io, question.budget.seconds);
    answer = spoken.transcript;
  } else if (file !== undefined) answer = readInputText(file, 'answer', (l) => io.err(l));
  else {
    const stdin = await io.readStdin(INPUT_KINDS.answer.maxBytes);
    if (stdin === undefined) throw new UsageError(`give the answer with --answers F or on standard input\nusage: ${USAGE}`);
    answer = usableText(checkInput(stdin, 'answer'), 'standard input', (l) => io.err(l));
  }
  // Nothing to grade is not an answer graded 0: said as `grade` says it of an empty transcript.
  if (!answer.trim())
    throw new UsageError(values.audio ? `${values.audio}: no speech was heard in it` : `${file ?? 'standard input'}: the answer is empty`);
  const rubric = loaded.rubrics[question.id]!;
  // Graded as the interview grades it: under the question as asked, whose words tell what bears on it.
  const t = trace(rubric, answer, { explain: !!values.explain, asked: { question: question.prompt } });
  const result = t.score;
  if (values.json) {
    io.out(JSON.stringify({ ...result, ...(values.explain ? { explanation: explain(rubric, t) } : {}), ...(spoken ?? {}) }, null, 2));
  } else {
    const width = Math.min(io.columns, 100);
    if (spoken) io.out(`${renderTranscript(spoken.transcript, width)}\n`);
    io.out(renderScoreCard(result, { title: question.prompt, width }));
    if (spoken?.delivery) {
      const lines = deliveryLines(spoken.delivery).flatMap((l) => (l.length > width ? wrap(l, width, /^\s*/.exec(l)![0]) : [l]));
      io.out(`\n${lines.join('\n')}`);
    }
    if (values.explain) io.out(`\n${renderExplanation(explain(rubric, t))}`);
  }
  return 0;
}

/** A recorded answer, transcribed: its text, and the delivery figures its timings give. */
async function listen(file: string, io: IO, budgetSeconds: number): Promise<{ transcript: string; delivery?: Delivery }> {
  const settings = loadConfig({ env: io.env, cwd: io.cwd }, { llm: true }).voice?.transcription;
  if (!settings) throw new FatalError(`--audio needs transcription, which is not set up: ${TRANSCRIPTION_SETUP}`, 1);
  // Loaded only here: scoring typed answers never loads the audio client.
  const { transcribe } = await import('../voice/transcribe.js');
  let speech;
  try {
    speech = await transcribe(file, settings);
  } catch (e) {
    // A file that cannot be read names itself; a service that failed is said with the file it failed on.
    const { message, reason } = e as Error & { reason?: string };
    throw new FatalError(reason === 'file' ? message : `${file}: ${message}`, reason === 'file' ? 2 : 1);
  }
  const delivery = measureDelivery(speech, { budgetSeconds });
  return { transcript: speech.text.trim(), ...(delivery ? { delivery } : {}) };
}

function renderTranscript(text: string, width: number): string {
  return ['Transcript', ...wrap(text, width, '  ')].join('\n');
}
