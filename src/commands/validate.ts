// `rehearse validate <file...>`: schema, references and calibration of scenario and rubric files.
import { InvalidFileError, formatIssues, type FileIssue } from '../errors.js';
import { isLibraryData, loadLibrary, loadScenario, readParsed } from '../scenario/load.js';
import { formatPath } from '../scenario/parse.js';
import { calibrate } from '../scoring/calibrate.js';
import { UsageError } from '../errors.js';
import { parse, type IO } from './io.js';

const USAGE = 'rehearse validate <file...>';

export function validateFile(file: string): FileIssue[] {
  try {
    if (isLibraryData(readParsed(file).data)) {
      loadLibrary(file);
      return [];
    }
    const loaded = loadScenario(file);
    return calibrate(loaded).map((i) => ({ file, line: loaded.lineOf(i.path), path: formatPath(i.path), message: i.message }));
  } catch (e) {
    if (e instanceof InvalidFileError) return e.issues;
    throw e;
  }
}

export async function validateCommand(args: string[], io: IO): Promise<number> {
  const { positionals } = parse(args, {}, USAGE);
  if (positionals.length === 0) throw new UsageError(`name at least one file\nusage: ${USAGE}`);
  let failed = 0;
  for (const file of positionals) {
    const issues = validateFile(file);
    if (issues.length) {
      failed++;
      io.err(formatIssues(issues));
    } else io.out(`ok  ${file}`);
  }
  return failed ? 2 : 0;
}
