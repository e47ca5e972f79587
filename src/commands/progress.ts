// `rehearse progress`: every interview and drill in order, each criterion's history and trend, and the
// weakest criteria now; on the terminal, as JSON, or as one HTML page.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { familiesOf } from '../app/drill.js';
import { reading } from '../app/wiring.js';
import { FatalError, UsageError } from '../errors.js';
import { fileErrorReason, PRIVATE_FILE, writeAtomic } from '../files.js';
import type { IO } from '../io.js';
import { progressHtml } from '../report/progress-html.js';
import { progressText } from '../report/progress-text.js';
import { progressOf, type FamilyOf } from '../report/progress.js';
import { loadCatalog } from '../scenario/catalog.js';
import { SessionStore } from '../store/sessions.js';
import { forTerminal } from '../terminal-text.js';
import { parse } from './args.js';

export const PROGRESS_USAGE = 'rehearse progress [--json] [--scenario <id>] [--since <YYYY-MM-DD>] [--html <file>]';

/** A date, or a date and time, in ISO 8601: what `--since` takes. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

function sinceOf(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const ok = ISO_DATE.test(value) && !Number.isNaN(Date.parse(value.replace(' ', 'T')));
  if (!ok) throw new UsageError(`--since: "${value}" is not a date (write it as YYYY-MM-DD)\nusage: ${PROGRESS_USAGE}`);
  // A bare date means from the start of that day, in the time sessions are saved in (UTC).
  return new Date(value.length === 10 ? `${value}T00:00:00Z` : value.replace(' ', 'T')).toISOString();
}

export async function progressCommand(args: string[], io: IO): Promise<number> {
  const { values, positionals } = parse(
    args,
    { json: { type: 'boolean' }, scenario: { type: 'string' }, since: { type: 'string' }, html: { type: 'string' } },
    PROGRESS_USAGE,
  );
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"\nusage: ${PROGRESS_USAGE}`);
  const since = sinceOf(values.since);
  const read = reading(io);
  const store = new SessionStore(read.config.home);
  const { sessions, unreadable } = store.all();

  // Which family each question's rubric is of, from the scenarios as they are now; a scenario since
  // removed or broken leaves its criteria under their rubric's id.
  let familyOf: FamilyOf = (_scenario, _question, rubricId) => rubricId;
  try {
    familyOf = familiesOf(loadCatalog(read.scenarios));
  } catch {
    // The catalog could not be read: the rubric ids serve.
  }
  const progress = progressOf(
    sessions.map((s) => s.session),
    familyOf,
    { ...(values.scenario ? { scenario: values.scenario } : {}), ...(since ? { since } : {}) },
  );

  if (values.html) {
    const file = values.html;
    try {
      writeAtomic(file, progressHtml(progress), PRIVATE_FILE);
    } catch (e) {
      const missingFolder = (e as NodeJS.ErrnoException).code === 'ENOENT' && !existsSync(dirname(resolve(file)));
      throw new FatalError(`${file}: cannot write the page: ${missingFolder ? `no folder ${dirname(file)}` : fileErrorReason(e)}`, 1);
    }
    io.err(`rehearse progress: wrote ${file} (${progress.sessions.length} session(s))`);
  }
  if (values.json) io.out(JSON.stringify(progress, null, 2));
  else if (!values.html) {
    const filter = [values.scenario ? `of scenario "${values.scenario}"` : '', values.since ? `since ${values.since}` : '']
      .filter(Boolean)
      .join(' ');
    for (const line of progressText(progress, store.dir, filter || undefined)) io.out(forTerminal(line));
  }
  for (const f of unreadable) io.err(`rehearse: cannot read ${f}; it was skipped`);
  return 0;
}
