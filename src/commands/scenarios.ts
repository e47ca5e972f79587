// `rehearse scenarios [list] [--json]` and `rehearse scenarios show <id> [--json]`.
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { reading } from '../app/wiring.js';
import type { Config } from '../config.js';
import { FatalError } from '../errors.js';
import { PACKAGE_ROOT } from '../paths.js';
import { fileErrorReason, PRIVATE_FILE, privateDir, writeAtomic } from '../files.js';
import { findScenario, loadCatalog, type CatalogOptions } from '../scenario/catalog.js';
import { libraryPath, SHIPPED_RUBRICS } from '../scenario/load.js';
import { copiedScenario, scenarioTemplate } from '../scenario/template.js';
import type { LoadedScenario } from '../scenario/loaded.js';
import { UsageError } from '../errors.js';
import { forTerminal } from '../terminal-text.js';
import type { IO } from '../io.js';
import { parse } from './args.js';

const USAGE =
  'rehearse scenarios [list] [--json] | rehearse scenarios show <id> [--json] | rehearse scenarios new <id> [--from <scenario>]';

function summaryOf(s: LoadedScenario, ownDir: string) {
  const { scenario } = s;
  return {
    id: scenario.id,
    title: scenario.title,
    summary: scenario.summary,
    questions: scenario.questions.length,
    file: s.file,
    own: dirname(s.file) === ownDir,
  };
}

export async function scenariosCommand(args: string[], io: IO): Promise<number> {
  const { values, positionals } = parse(args, { json: { type: 'boolean' }, from: { type: 'string' } }, USAGE);
  const { config, scenarios: options } = reading(io);
  if (positionals[0] === 'new') return newScenario(positionals, values.from, config, options, io);
  if (values.from) throw new UsageError(`--from goes with \`scenarios new\`\nusage: ${USAGE}`);
  if (positionals[0] === 'show') {
    if (positionals.length !== 2) throw new UsageError(`give one scenario id\nusage: ${USAGE}`);
    const loaded = findScenario(positionals[1]!, options);
    if (values.json) io.out(JSON.stringify(loaded.scenario, null, 2));
    else io.out(forTerminal(describe(loaded)));
    return 0;
  }
  // "list" is what people type for the list, as with most tools' subcommands; the list is also the default.
  if (positionals[0] === 'list' ? positionals.length > 1 : positionals.length)
    throw new UsageError(`unknown argument "${positionals.at(-1)}"\nusage: ${USAGE}`);
  // Files of the user's that do not load are said on standard error as they are met, and counted here.
  let skipped = 0;
  const catalog = loadCatalog({
    ...options,
    onSkip: (file, reason) => {
      skipped++;
      options.onSkip?.(file, reason);
    },
  }).map((s) => summaryOf(s, config.scenariosDir));
  if (values.json) {
    io.out(JSON.stringify(catalog, null, 2));
    return 0;
  }
  const width = Math.max(...catalog.map((s) => s.id.length));
  const list = (items: typeof catalog) =>
    items.forEach((s) =>
      io.out(
        forTerminal(
          `  ${s.id.padEnd(width)}  ${s.title} (${s.questions} question${s.questions === 1 ? '' : 's'})\n  ${' '.repeat(width)}  ${s.summary}`,
        ),
      ),
    );
  io.out('Shipped with rehearse:');
  list(catalog.filter((s) => !s.own));
  const own = catalog.filter((s) => s.own);
  io.out(`\nYour own, in ${config.scenariosDir}:`);
  if (own.length) list(own);
  const notLoaded = `${skipped} file(s) there do not load, for the reasons said above`;
  if (skipped) io.out(own.length ? `  and ${notLoaded}` : `  none that load: ${notLoaded}`);
  else if (!own.length) io.out('  none yet; `rehearse scenarios new <id>` starts one');
  return 0;
}

const ID = /^[a-z0-9][a-z0-9_-]*$/i;

/** Writes a new scenario into the user's folder, commented or copied from another, and says what next. */
function newScenario(positionals: string[], from: string | undefined, config: Config, options: CatalogOptions, io: IO): number {
  const dir = config.scenariosDir;
  if (positionals.length !== 2) throw new UsageError(`give the new scenario an id\nusage: ${USAGE}`);
  const id = positionals[1]!;
  if (!ID.test(id)) throw new UsageError(`"${id}" cannot be a scenario id: use letters, digits, - and _, starting with a letter or digit`);
  const taken = loadCatalog(options).find((s) => s.scenario.id === id);
  if (taken) throw new UsageError(`there is a scenario "${id}" already (${taken.file}); choose another id`);
  const file = join(dir, `${id}.yaml`);
  if (existsSync(file)) throw new UsageError(`${file} exists already; choose another id or edit that file`);
  let text = scenarioTemplate(id, join(PACKAGE_ROOT, 'scenario.schema.json'));
  if (from) {
    const source = findScenario(from, options);
    const shipped = (path: string) => (dirname(path) === SHIPPED_RUBRICS ? `rehearse:${basename(path, '.yaml')}` : path);
    text = copiedScenario(readFileSync(source.file, 'utf8'), id, (ref) => shipped(libraryPath(source.file, ref)));
  }
  try {
    privateDir(dir);
    writeAtomic(file, text, PRIVATE_FILE);
  } catch (e) {
    throw new FatalError(`${file}: cannot write the scenario: ${fileErrorReason(e)}`, 1);
  }
  io.out(`Wrote ${file}${from ? `, a copy of ${from}` : ''}`);
  const edit = from ? 'edit it: the company, the questions, the follow-ups' : 'edit it (every part is commented)';
  io.out(`Next:\n  ${edit}\n  ${config.command} validate ${file}\n  ${config.command} interview --scenario ${id}`);
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
