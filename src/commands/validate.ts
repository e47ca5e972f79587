// `rehearse validate <file...> [--all] [--json]`: schema, references and calibration of scenario
// and rubric files, with warnings for what is allowed but probably a mistake.
import { readOptions } from '../app/wiring.js';
import { formatIssues, InvalidFileError, UsageError, type FileIssue } from '../errors.js';
import type { IO } from '../io.js';
import { isLibraryData, loadLibrary, loadScenario, readParsed, type ReadOptions } from '../scenario/load.js';
import { issuesIn, validate } from '../scenario/parse.js';
import { formatPath } from '../scenario/path.js';
import { lintLibrary } from '../scenario/rubric.js';
import { RubricLibrary } from '../scenario/schema.js';
import { bandMismatches, calibrate, calibration, type QuestionCalibration } from '../calibration/exemplars.js';
import { forTerminal } from '../terminal-text.js';
import { parse } from './args.js';

const USAGE = 'rehearse validate <file...> [--all] [--json]';

export interface Validation {
  file: string;
  kind: 'scenario' | 'library';
  errors: FileIssue[];
  warnings: FileIssue[];
  /** For a scenario that loads: how each question's example and exemplars scored. */
  calibration?: QuestionCalibration[];
}

export function validateFile(file: string, options: ReadOptions = {}): Validation {
  let kind: Validation['kind'] = 'scenario';
  try {
    const parsed = readParsed(file, options);
    if (isLibraryData(parsed.data)) {
      kind = 'library';
      loadLibrary(file, options);
      return { file, kind, errors: [], warnings: issuesIn(parsed, lintLibrary(validate(RubricLibrary, parsed))) };
    }
    const loaded = loadScenario(file, options);
    const results = calibration(loaded);
    const at = (i: { path: readonly PropertyKey[]; message: string }): FileIssue => ({
      file,
      line: loaded.lineOf(i.path),
      path: formatPath(i.path),
      message: i.message,
    });
    return { file, kind, errors: calibrate(loaded, results).map(at), warnings: bandMismatches(results).map(at), calibration: results };
  } catch (e) {
    if (e instanceof InvalidFileError) return { file, kind, errors: e.issues, warnings: [] };
    throw e;
  }
}

/** Each question's answers as they scored, one line a question. */
function calibrationLines(results: readonly QuestionCalibration[]): string[] {
  return results.map((r) => `  ${r.question} (${r.rubric}): ${r.answers.map((a) => `${a.label} ${a.total} ${a.band}`).join(' · ')}`);
}

export async function validateCommand(args: string[], io: IO): Promise<number> {
  const { values, positionals } = parse(args, { all: { type: 'boolean' }, json: { type: 'boolean' } }, USAGE);
  if (positionals.length === 0) throw new UsageError(`name at least one file\nusage: ${USAGE}`);
  const options = readOptions(io);
  const results = positionals.map((file) => validateFile(file, options));
  if (values.json)
    io.out(
      JSON.stringify(
        results.map((r) => ({ ...r, ok: r.errors.length === 0 })),
        null,
        2,
      ),
    );
  else {
    for (const r of results) {
      if (r.errors.length) io.err(forTerminal(formatIssues(r.errors, values.all ? Infinity : undefined)));
      else io.out(`ok  ${r.file}`);
      if (r.calibration && !r.errors.length) io.out(forTerminal(calibrationLines(r.calibration).join('\n')));
      if (r.warnings.length) io.err(forTerminal(formatIssues(r.warnings, values.all ? Infinity : undefined).replace(/^/gm, 'warning: ')));
    }
  }
  return results.some((r) => r.errors.length) ? 2 : 0;
}
