// Errors that end a command: each carries the exit code the CLI maps it to.

export class FatalError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Bad arguments or bad input files: exit 2. */
export class UsageError extends FatalError {
  constructor(message: string) {
    super(message, 2);
  }
}

export interface FileIssue {
  file: string;
  line?: number;
  path: string;
  message: string;
}

/** How many issues a message lists before it says how many more there are. */
const SHOWN = 5;

export function formatIssues(issues: readonly FileIssue[], shown = SHOWN): string {
  const lines = issues.slice(0, shown).map((i) => {
    const where = i.line === undefined ? i.file : `${i.file}:${i.line}`;
    return i.path ? `${where}: ${i.path}: ${i.message}` : `${where}: ${i.message}`;
  });
  if (issues.length > shown) lines.push(`…and ${issues.length - shown} more (rehearse validate --all shows every one)`);
  return lines.join('\n');
}

/** A scenario or rubric file that cannot be used: exit 2, one line per issue. */
export class InvalidFileError extends FatalError {
  constructor(readonly issues: FileIssue[]) {
    super(formatIssues(issues), 2);
  }
}

/** A file that is not there at all, as distinct from one that is there and wrong. */
export class MissingFileError extends InvalidFileError {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super([{ file, path: '', message: reason }]);
  }
}
