// `rehearse calibrate <labels.jsonl> [--rubrics F] [--json]`: how well the scorer agrees with human labels.
import { calibrationReport, gradeLabels, type CalibrationReport } from '../calibration/run.js';
import { readOptions } from '../app/wiring.js';
import { UsageError } from '../errors.js';
import { readLabelled } from '../calibration/rubrics.js';
import { TIERS, type Agreement } from '../calibration/agreement.js';
import { Band } from '../scoring/types.js';
import type { IO } from '../io.js';
import { parse } from './args.js';

const USAGE = 'rehearse calibrate <labels.jsonl> [--rubrics <library.yaml>] [--json]';

const fixed = (x: number, d = 2) => (Number.isNaN(x) ? '  –  ' : x.toFixed(d));

function agreementRow(name: string, a: Agreement): string {
  return `${name.padEnd(12)} ${String(a.n).padStart(4)}   ${fixed(a.spearman).padStart(6)}   ${fixed(a.kappa).padStart(6)}   ${(Number.isNaN(a.pairwise) ? '  –' : `${Math.round(a.pairwise * 100)}%`).padStart(5)} of ${a.pairs}`;
}

export function renderCalibration(r: CalibrationReport): string {
  const out: string[] = [];
  out.push('              n   Spearman  QW kappa  pairwise');
  out.push(agreementRow('overall', r.overall));
  for (const [f, a] of Object.entries(r.families)) out.push(agreementRow(f, a));
  out.push('', "Human tier (rows) against the scorer's band (columns)");
  out.push(`${''.padEnd(10)}${Band.options.map((b) => b.padStart(14)).join('')}`);
  for (const t of TIERS) out.push(`${t.padEnd(10)}${Band.options.map((b) => String(r.overall.confusion[t][b]).padStart(14)).join('')}`);
  out.push("QW kappa: quadratic-weighted kappa of the human tiers against the scorer's bands (insufficient reads as weak);");
  out.push('pairwise: of the pairs in one family whose human scores differ, the share the scorer orders alike.');
  out.push(
    '',
    r.worst.length < r.overall.n ? `The ${r.worst.length} largest disagreements` : 'Every answer, the largest disagreement first',
  );
  for (const g of r.worst) {
    const s = g.score;
    const human = g.fromTier ? `${g.tier} (read as ${Math.round(g.human)})` : `${Math.round(g.human)}${g.tier ? ` (${g.tier})` : ''}`;
    out.push(`  ${g.id} (line ${g.line}, ${g.family}): scorer ${s.total} (${s.band}), human ${human}`);
    out.push(`    ${s.feedback.summary}`);
    out.push(`    ${s.criteria.map((c) => `${c.title} ${c.level}/${c.maxLevel}`).join(' · ')}`);
    if (s.model?.terms) {
      const terms = s.model.terms.filter((t) => Math.abs(t.points) >= 3).map((t) => `${t.label} ${t.points > 0 ? '+' : ''}${t.points}`);
      if (terms.length) out.push(`    largest terms: ${terms.join(' · ')}`);
    }
    if (s.antiPatterns.length) out.push(`    anti-patterns: ${s.antiPatterns.map((a) => a.title).join('; ')}`);
  }
  return out.join('\n');
}

export async function calibrateCommand(args: string[], io: IO): Promise<number> {
  const { values, positionals } = parse(args, { json: { type: 'boolean' }, rubrics: { type: 'string', multiple: true } }, USAGE);
  if (positionals.length !== 1) throw new UsageError(`name one labels file\nusage: ${USAGE}`);
  const { labels, rubricOf } = readLabelled(positionals[0]!, values.rubrics ?? [], readOptions(io));
  const graded = gradeLabels(labels, rubricOf);
  const report = calibrationReport(graded);
  if (values.json) io.out(JSON.stringify(report, null, 2));
  else io.out(renderCalibration(report));
  return 0;
}
