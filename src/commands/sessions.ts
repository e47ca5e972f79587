// `rehearse sessions`: past sessions with when each was last worked on, scenario, kind (interview or drill), score and status.
import { reading } from '../app/wiring.js';
import { UsageError } from '../errors.js';
import type { IO } from '../io.js';
import { forTerminal } from '../terminal-text.js';
import { SessionStore } from '../store/sessions.js';
import { parse } from './args.js';

/** Rows under a header, each column as wide as its widest cell; the columns in `right` are right-aligned. */
function table(header: string[], rows: string[][], right: number[]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => [...r[i]!].length)));
  const cell = (text: string, i: number) => (right.includes(i) ? text.padStart(widths[i]!) : text.padEnd(widths[i]!));
  return [header, ...rows].map((r) => r.map(cell).join('  '));
}

export async function sessionsCommand(args: string[], io: IO): Promise<number> {
  const usage = 'rehearse sessions [--json]';
  const { values, positionals } = parse(args, { json: { type: 'boolean' } }, usage);
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"\nusage: ${usage}`);
  const store = new SessionStore(reading(io).config.home);
  const { sessions, unreadable } = store.list();
  if (values.json) io.out(JSON.stringify(sessions, null, 2));
  else if (!sessions.length) io.out(`No sessions yet in ${store.dir}.`);
  else {
    io.out(`Sessions in ${store.dir}:`);
    // An unfinished interview has no score yet: the mean of what it answered would not compare with a finished one.
    // Listed by when each was last worked on, most recent first, and that is the date shown: an interview
    // started last week and resumed today is today's.
    const rows = sessions.map((s) => [
      s.updatedAt.slice(0, 16).replace('T', ' '),
      forTerminal(s.scenario),
      s.kind,
      s.finished && s.total !== undefined ? String(s.total) : '—',
      s.finished ? 'finished' : `unfinished (${s.questionsAnswered === 1 ? '1 question' : `${s.questionsAnswered} questions`} answered)`,
      s.id,
    ]);
    for (const line of table(['last active', 'scenario', 'kind', 'score', 'status', 'id'], rows, [3])) io.out(`  ${line}`.trimEnd());
    if (sessions.some((s) => !s.finished)) io.out('Continue an unfinished one with: rehearse resume <id>');
  }
  for (const f of unreadable) io.err(`rehearse: cannot read ${f}; it was skipped`);
  return 0;
}
