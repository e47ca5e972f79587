// The issues a loader refuses a file with; fails the test when it does not refuse it.
import { InvalidFileError, type FileIssue } from '../../src/errors.js';

export function issuesOf(load: () => unknown): FileIssue[] {
  try {
    load();
  } catch (e) {
    if (e instanceof InvalidFileError) return e.issues;
    throw e;
  }
  throw new Error('expected the file to be refused');
}
