// `rehearse grade <files | folders | globs…>`: batch grading of interview transcripts.
import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { FatalError, UsageError } from '../errors.js';
import { abortWritesOnSignals, fileErrorReason, openOutput, type OutputFile } from '../files.js';
import { expandInputs } from '../batch/files.js';
import { workerCount } from '../batch/jobs.js';
import { runBatch, type BatchResult } from '../batch/run.js';
import { STDIN, STDIN_NAME, stdinTasks } from '../batch/stdin.js';
import { fileTask } from '../batch/task.js';
import { OUTPUT_FORMATS } from '../report/formats.js';
import { BATCH_FORMATS, idNote, summarise, type BatchFormat } from '../report/output.js';
import { reading } from '../app/wiring.js';
import { findScenario } from '../scenario/catalog.js';
import type { IO } from '../io.js';
import { forTerminal } from '../terminal-text.js';
import { parse } from './args.js';

const USAGE =
  'rehearse grade <files | folders | globs… | -> [--scenario <id>|auto] [--format table|json|csv|md|html|jsonl] [--out <file>|-] [--jobs N] [--interviewer <name>] [--candidate <name>]';

/** Where output goes: standard output (no file, or `-`), or a file put in place whole once everything is written. */
function sink(io: IO, out?: string) {
  if (!out || out === STDIN) return { write: (t: string | Uint8Array) => io.writeAndDrain(t), end: () => {}, abort: () => {} };
  let file: OutputFile;
  try {
    file = openOutput(out);
  } catch (e) {
    const missingFolder = (e as NodeJS.ErrnoException).code === 'ENOENT' && !existsSync(dirname(resolve(out)));
    throw new UsageError(`${out}: cannot write the report: ${missingFolder ? `no folder ${dirname(out)}` : fileErrorReason(e)}`);
  }
  const failed = (e: unknown) => {
    file.abort();
    return new FatalError(`${out}: cannot write the report: ${fileErrorReason(e)}`, 1);
  };
  return {
    write: async (t: string | Uint8Array) => {
      try {
        file.write(t);
      } catch (e) {
        throw failed(e);
      }
    },
    end: () => {
      try {
        file.commit();
      } catch (e) {
        throw failed(e);
      }
    },
    abort: () => file.abort(),
  };
}

export async function gradeCommand(args: string[], io: IO): Promise<number> {
  const { values, positionals } = parse(
    args,
    {
      scenario: { type: 'string', default: 'auto' },
      format: { type: 'string' },
      out: { type: 'string' },
      jobs: { type: 'string' },
      interviewer: { type: 'string' },
      candidate: { type: 'string' },
    },
    USAGE,
  );
  if (positionals.length === 0) throw new UsageError(`name the transcripts to grade, or - for standard input\nusage: ${USAGE}`);
  const fromStdin = positionals.includes(STDIN);
  if (fromStdin && positionals.length > 1)
    throw new UsageError('- (standard input) is graded on its own: name files, or give - alone (a file named "-" is ./-)');
  const toFile = values.out !== undefined && values.out !== STDIN ? values.out : undefined;
  const format = (values.format ?? (toFile ? formatOfFile(toFile) : 'table')) as BatchFormat;
  if (!BATCH_FORMATS.includes(format)) throw new UsageError(`unknown format "${values.format}"; use ${BATCH_FORMATS.join(', ')}`);
  const asked = values.jobs === undefined ? undefined : Number(values.jobs);
  if (asked !== undefined && (!Number.isInteger(asked) || asked < 1 || asked > 64))
    throw new UsageError(`--jobs takes a whole number from 1 to 64 (this machine has ${availableParallelism()} cores)`);
  const { config, scenarios } = reading(io);
  // An unknown scenario is a usage error, before any work.
  if (values.scenario !== 'auto') findScenario(values.scenario!, scenarios);
  const stdin = fromStdin ? io.stdinStream() : undefined;
  if (fromStdin && !stdin)
    throw new UsageError('standard input is a terminal: pipe transcripts in (JSON Lines, a conversation a line, or one transcript)');
  const expanded = fromStdin ? { files: [], unmatched: [], skipped: [] } : expandInputs(positionals);
  // The report being written is not a transcript, even when it lands in a folder being graded.
  const own = toFile ? resolve(toFile) : undefined;
  const files = expanded.files.filter((f) => resolve(f) !== own);
  const { unmatched } = expanded;
  // A line that quotes a file name or a transcript: what it quotes must not act on the terminal.
  const tell = (line: string) => io.err(forTerminal(line));
  for (const u of unmatched) tell(`rehearse grade: ${u}: matched no transcript files`);
  for (const f of expanded.skipped) tell(`${f}: skipped: a project document, not a transcript`);
  if (files.length === 0 && !stdin) throw new UsageError('no files to grade');
  // A stream's length is unknown: one job unless asked, as whatever runs the filter (GNU parallel,
  // Spark, Ray) runs one per core itself.
  const { jobs, note } = stdin ? workerCount(asked ?? 1, Infinity) : workerCount(asked, files.length);
  if (note) tell(`rehearse grade: ${note}`);
  const named = (file: string) => (stdin && file === STDIN_NAME ? 'standard input' : file);

  const settings = {
    scenario: values.scenario!,
    ...(values.interviewer ? { interviewer: values.interviewer } : {}),
    ...(values.candidate ? { candidate: values.candidate } : {}),
    ...(config.cacheDir ? { cacheDir: config.cacheDir } : {}),
    scenariosDir: config.scenariosDir,
  };
  // Watching for signals before the temporary file exists: a signal between the two would stop the
  // process as the default action does, and leave the file behind.
  const stopWatching = abortWritesOnSignals();
  let out: ReturnType<typeof sink>;
  try {
    out = sink(io, values.out);
  } catch (e) {
    stdin?.stop();
    stopWatching();
    throw e;
  }
  let result: BatchResult;
  try {
    const width = Math.min(io.columns, 140);
    const output = OUTPUT_FORMATS[format];
    let first = true;
    // Written at once, or (a table's column names) before its first row: a table with no rows has none.
    let headed = false;
    const head = async () => {
      if (!headed) await out.write(output.head(width));
      headed = true;
    };
    if (!output.headOverRows) await head();

    const showProgress = io.stderrIsTTY && files.length >= 20;
    let lastDraw = 0;
    result = await runBatch(
      stdin ? stdinTasks(stdin.chunks) : files.map(fileTask),
      stdin ? undefined : files.length,
      settings,
      format,
      jobs,
      {
        onOutcome: async (_file, outcome) => {
          for (const n of outcome.notices) tell(`${named(n.file)}: ${n.message}`);
          for (const f of outcome.failures)
            tell(
              // A line says which conversation it was; without one, the conversation's number does.
              `${named(f.file)}${f.line ? `:${f.line}` : f.conversation ? ` (conversation ${f.conversation})` : ''}${idNote(f.id)}: ${f.reason}`,
            );
          for (const item of outcome.items) {
            await head();
            const separator = output.separator?.(first);
            if (separator) await out.write(separator);
            for (const chunk of item) await out.write(chunk);
            first = false;
          }
        },
        onProgress: showProgress
          ? (done, total = files.length) => {
              const now = Date.now();
              if (now - lastDraw < 100 && done < total) return;
              lastDraw = now;
              const pct = done / total;
              io.writeErr(
                `\rgrading ${done}/${total} ▕${'█'.repeat(Math.round(pct * 20)).padEnd(20, '░')}▏ ${Math.round(pct * 100)}%${done === total ? '\n' : ''}`,
              );
            }
          : undefined,
      },
      width,
      config.gradeMemoryMb,
    );
    const summary = summarise({ files: stdin ? 1 : files.length, ...result, failures: result.failed });
    const tail = output.tail({ summary, failures: result.failures, rows: result.kept }, width);
    // With nothing above it (a table of no rows), the summary needs no blank line to set it off.
    await out.write(headed ? tail : tail.replace(/^\n+/, ''));
    out.end();
  } catch (e) {
    // Whatever went wrong, what was at the output path stays as it was, and the input is let go.
    stdin?.stop();
    out.abort();
    throw e;
  } finally {
    stopWatching();
  }
  if (toFile) tell(`rehearse grade: wrote ${toFile} (${result.transcripts} transcript(s), ${result.failed} failure(s))`);
  // Anything left ungraded (a file, a conversation, a question that was answered) is a failure.
  return result.failed || result.ungraded ? 1 : 0;
}

function formatOfFile(path: string): BatchFormat {
  const ext = /\.([a-z]+)$/i.exec(path)?.[1]?.toLowerCase();
  if (ext === 'jsonl' || ext === 'ndjson') return 'jsonl';
  return ext === 'json' ? 'json' : ext === 'csv' ? 'csv' : ext === 'md' ? 'md' : ext === 'html' || ext === 'htm' ? 'html' : 'table';
}
