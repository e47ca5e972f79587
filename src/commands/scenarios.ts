// `rehearse scenarios [--json]` and `rehearse scenarios show <id> [--json]`.
import { readOptions } from '../app/wiring.js';
import { findScenario, loadCatalog } from '../scenario/catalog.js';
import type { LoadedScenario } from '../scenario/loaded.js';
import { UsageError } from '../errors.js';
import { forTerminal } from '../terminal-text.js';
import type { IO } from '../io.js';
import { parse } from './args.js';

const USAGE = 'rehearse scenarios [--json] | rehearse scenarios show <id> [--json]';

function summaryOf(s: LoadedScenario) {
  const { scenario } = s;
  return { id: scenario.id, title: scenario.title, summary: scenario.summary, questions: scenario.questions.length, file: s.file };
}

export async function scenariosCommand(args: string[], io: IO): Promise<number> {
  const { values, positionals } = parse(args, { json: { type: 'boolean' } }, USAGE);
  if (positionals[0] === 'show') {
    if (positionals.length !== 2) throw new UsageError(`give one scenario id\nusage: ${USAGE}`);
    const loaded = findScenario(positionals[1]!, readOptions(io));
    if (values.json) io.out(JSON.stringify(loaded.scenario, null, 2));
    else io.out(forTerminal(describe(loaded)));
    return 0;
  }
  if (positionals.length) throw new UsageError(`unknown argument "${positionals[0]}"\nusage: ${USAGE}`);
  const catalog = loadCatalog(readOptions(io)).map(summaryOf);
  if (values.json) io.out(JSON.stringify(catalog, null, 2));
  else {
    const width = Math.max(...catalog.map((s) => s.id.length));
    for (const s of catalog)
      io.out(forTerminal(`${s.id.padEnd(width)}  ${s.title} (${s.questions} questions)\n${' '.repeat(width)}  ${s.summary}`));
  }
  return 0;
}

function describe({ scenario: s }: LoadedScenario): string {
  const lines = [
    `${s.title}  [${s.id}]`,
    s.summary,
    '',
    `Role: ${s.role}`,
    `Company: ${s.company.name} — ${s.company.stage}; ${s.company.market}`,
    s.company.description,
    `Interviewer: ${s.interviewer.name}, ${s.interviewer.title}. ${s.interviewer.style}`,
    '',
  ];
  s.questions.forEach((q, i) => {
    lines.push(`${i + 1}. ${q.prompt}  [${q.id}; rubric ${q.rubric}; up to ${q.budget.probes} probes, ${q.budget.seconds}s]`);
    for (const f of q.followUps) lines.push(`   - ${f.prompt}  (probes ${f.targets.join(', ')})`);
  });
  return lines.join('\n');
}
