// `rehearse sessions`: past sessions with their date, scenario, score and status.
import { reading } from '../app/wiring.js';
import { UsageError } from '../errors.js';
import type { IO } from '../io.js';
import { forTerminal } from '../terminal-text.js';
import { SessionStore } from '../store/sessions.js';
import { parse } from './args.js';

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
    for (const s of sessions) {
      const score = s.total === undefined ? '  —' : String(s.total).padStart(3);
      io.out(
        forTerminal(`  ${s.createdAt.slice(0, 16).replace('T', ' ')}  ${s.scenario.padEnd(10)} ${score}  ${s.status.padEnd(11)} ${s.id}`),
      );
    }
  }
  for (const f of unreadable) io.err(`rehearse: cannot read ${f}; it was skipped`);
  return 0;
}
