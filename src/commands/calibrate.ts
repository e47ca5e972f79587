// `rehearse calibrate <labels.jsonl> [--rubrics F] [--fit] [--json]`: how well the scorer agrees with human
// labels, and with --fit, a model fitted to them for a rubric library's `model:`.
import { calibrationReport, gradeLabels, type CalibrationReport } from '../calibration/run.js';
import { readOptions } from '../app/wiring.js';
import { UsageError } from '../errors.js';
import { readLabelled } from '../calibration/rubrics.js';
import { TIERS, type Agreement } from '../calibration/agreement.js';
import { Band } from '../scoring/types.js';
import type { IO } from '../io.js';
import { parse } from './args.js';
import { stringify } from 'yaml';
import { assignFolds, FOLDS, fitItemOf, fittedModel, heldOut, TooFewSources, type FitItem } from '../calibration/fit-model.js';
import { agreement, type Rated } from '../calibration/agreement.js';
import type { ScoringModel } from '../scenario/model.js';

const USAGE = 'rehearse calibrate <labels.jsonl> [--rubrics <library.yaml>] [--fit] [--json]';

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
  const { values, positionals } = parse(
    args,
    { json: { type: 'boolean' }, fit: { type: 'boolean' }, rubrics: { type: 'string', multiple: true } },
    USAGE,
  );
  if (positionals.length !== 1) throw new UsageError(`name one labels file\nusage: ${USAGE}`);
  const file = positionals[0]!;
  const { labels, rubricOf } = readLabelled(file, values.rubrics ?? [], readOptions(io));
  if (values.fit) return fitCommand(file, labels, rubricOf, !!values.json, io);
  const graded = gradeLabels(labels, rubricOf);
  const report = calibrationReport(graded);
  if (values.json) io.out(JSON.stringify(report, null, 2));
  else io.out(renderCalibration(report));
  return 0;
}

/** What `--fit` found: the model, and how it and the model in use agree with the labels on answers not fitted on. */
export interface FitReport {
  answers: number;
  sources: number;
  folds: number;
  /** The fitted model on answers held out of its fit, and the model in use on the same answers. */
  heldOut: Agreement;
  current: Agreement;
  model: ScoringModel;
}

function fitCommand(
  file: string,
  labels: Parameters<typeof gradeLabels>[0],
  rubricOf: Parameters<typeof gradeLabels>[1],
  json: boolean,
  io: IO,
): number {
  const items: FitItem[] = [];
  const current: Rated[] = [];
  for (const { line, label } of labels) {
    const { item, score } = fitItemOf(label, line, rubricOf(label, line));
    items.push(item);
    current.push({
      human: item.human,
      ...(label.tier ? { tier: label.tier } : {}),
      scorer: score.total,
      band: score.band,
      group: item.family,
    });
  }
  try {
    assignFolds(items, file);
  } catch (e) {
    if (e instanceof TooFewSources) throw new UsageError(e.message);
    throw e;
  }
  const held = heldOut(items);
  const sources = new Set(items.map((i) => i.source)).size;
  const { model } = fittedModel(items, held.rows, sources);
  const report: FitReport = {
    answers: items.length,
    sources,
    folds: FOLDS,
    heldOut: agreement(held.rows),
    current: agreement(current),
    model,
  };
  if (json) {
    io.out(JSON.stringify(report, null, 2));
    return 0;
  }
  io.out(
    [
      `${report.answers} labelled answers from ${report.sources} sources, ${FOLDS} folds by source`,
      '',
      '              n   Spearman  QW kappa  pairwise',
      agreementRow('fitted', report.heldOut) + '   (held out: each fold graded by weights fitted on the others)',
      agreementRow('in use', report.current) + '   (the model the rubrics use now, on the same answers)',
      '',
      report.heldOut.spearman < report.current.spearman
        ? 'The fitted model agrees less with these labels than the one in use: keep the one in use, or label more answers.'
        : 'To use it, put this in your rubric library (it applies to every rubric there), then run `rehearse validate` on it:',
      '',
      stringify({ model }, { lineWidth: 0 }).trimEnd(),
    ].join('\n'),
  );
  return 0;
}
