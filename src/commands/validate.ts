// `rehearse validate <file...>`: schema, references and calibration of scenario and rubric files.
import { InvalidFileError, formatIssues, type FileIssue } from '../errors.js';
import { readOptions } from '../app/wiring.js';
import { isLibraryData, loadLibrary, loadScenario, readParsed, type ReadOptions } from '../scenario/load.js';
import { formatPath } from '../scenario/path.js';
import { calibrate } from '../scoring/calibrate.js';
import { UsageError } from '../errors.js';
import type { IO } from '../io.js';
import { parse } from './args.js';

const USAGE = 'rehearse validate <file...>';

export function validateFile(file: string, options: ReadOptions = {}): FileIssue[] {
  try {
    if (isLibraryData(readParsed(file, options).data)) {
      loadLibrary(file, options);
      return [];
    }
    const loaded = loadScenario(file, options);
    return calibrate(loaded).map((i) => ({ file, line: loaded.lineOf(i.path), path: formatPath(i.path), message: i.message }));
  } catch (e) {
    if (e instanceof InvalidFileError) return e.issues;
    throw e;
  }
}

export async function validateCommand(args: string[], io: IO): Promise<number> {
  const { positionals } = parse(args, {}, USAGE);
  if (positionals.length === 0) throw new UsageError(`name at least one file\nusage: ${USAGE}`);
  const options = readOptions(io);
  let failed = 0;
  for (const file of positionals) {
    const issues = validateFile(file, options);
    if (issues.length) {
      failed++;
      io.err(formatIssues(issues));
    } else io.out(`ok  ${file}`);
  }
  return failed ? 2 : 0;
}
