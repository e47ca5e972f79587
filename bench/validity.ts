// How well the scorer agrees with human raters on answers its weights never saw: k-fold cross-validation
// with folds by source (answers from one page are never both fitted and measured), and the fit that
// becomes the shipped model (src/scenario/model.json). Run by `npm run validity` and `npm run bench`.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sourceKey } from '../src/calibration/labels.js';
import { readLabelled } from '../src/calibration/rubrics.js';
import { agreement, TIERS, type Agreement, type Rated } from '../src/calibration/agreement.js';
import { DEFAULT_MODEL } from '../src/scenario/model.js';
import { assignFolds, FOLDS, fitItemOf, fittedModel, heldOut, rated, TooFewSources, type FitItem } from '../src/calibration/fit-model.js';
import { bandOf } from '../src/scoring/score.js';
import { PACKAGE_ROOT } from '../src/paths.js';
import { withTopicModel } from '../src/scoring/rubric/topic.js';
import type { Example, ModelWeights } from '../src/text/classifier.js';
import { DEV_SET, inLockbox } from './lockbox.js';
import { labelledExamples, topicExamples, trainTopics } from './topic-sets.js';
import type { Figure } from './util.js';

/** How many different fold splits the spread of the figures is measured over. */
const SPLITS = 5;

interface Item extends FitItem {
  id: string;
  rater2?: { score: number; tier?: number };
}

export { TooFewSources };

export { DEV_SET, inLockbox };

export type Part = 'tuning' | 'lockbox' | 'all';

const inPart = (source: string, part: Part) => part === 'all' || inLockbox(source) === (part === 'lockbox');

/** The labelled answers of a part, scored with the shipped topic model or `topics` in its place. */
function load(file: string, salt = '', part: Part = 'tuning', topics?: ModelWeights): Item[] {
  const { labels, rubricOf } = readLabelled(file);
  const kept = labels.filter(({ line, label }) => inPart(sourceKey(label, `line ${line}`), part));
  const items = kept.map(({ line, label }) => {
    const { item } = withTopicModel(topics, () => fitItemOf(label, line, rubricOf(label, line)));
    const r2 = label.rater2;
    return {
      ...item,
      id: label.id ?? `line ${line}`,
      ...(r2?.score !== undefined ? { rater2: { score: r2.score, ...(r2.tier ? { tier: TIERS.indexOf(r2.tier) } : {}) } } : {}),
    };
  });
  assignFolds(items, file, salt);
  return items;
}

const pct = (x: number) => (Number.isNaN(x) ? '  –' : `${Math.round(x * 100)}%`);
const f2 = (x: number) => (Number.isNaN(x) ? '  – ' : x.toFixed(2));

export interface ValidityFigures {
  answers: number;
  sources: number;
  lambdas: number[];
  heldOut: Rated[];
  shipped: Rated[];
  /** The first rater's tier against the second rater's score, where both rated. */
  raters: Rated[];
}

let written: Example[] | undefined;

/**
 * A topic model per fold, trained on the written answers and the part's labelled answers outside the
 * fold: the shipped one was trained on every answer of the tuning part, so it cannot measure them.
 */
function topicModelsByFold(file: string, items: readonly Item[], part: Part): ModelWeights[] {
  written ??= topicExamples();
  const foldOf = new Map(items.map((i) => [i.source, i.fold]));
  return Array.from({ length: FOLDS }, (_, f) =>
    trainTopics([
      ...written!,
      ...labelledExamples(file, (source) => inPart(source, part) && foldOf.get(source) !== undefined && foldOf.get(source) !== f),
    ]),
  );
}

/**
 * `salt` changes which sources share a fold, to see how much the figures depend on one split. Held
 * out, each fold is scored with a topic model trained without it (the lockbox needs none: the
 * shipped model never saw it).
 */
export function crossValidate(
  file: string,
  salt = '',
  part: Part = 'tuning',
): ValidityFigures & { items: Item[]; topicFor: (source: string) => ModelWeights | undefined } {
  const items = load(file, salt, part);
  const topics = part === 'lockbox' ? [] : topicModelsByFold(file, items, part);
  const byFold = topics.map((t) => load(file, salt, part, t));
  const { rows: heldOutRows, lambdas } = heldOut(items, (f) => byFold[f] ?? items);
  const foldOf = new Map(items.map((i) => [i.source, i.fold]));
  const raters = items
    .filter((i) => i.rater2 !== undefined && i.tier !== undefined)
    .map((i): Rated => {
      const other = i.rater2!;
      // The second rater's own tier, read as a band, for kappa; their score for the rank figures.
      const band = other.tier !== undefined ? TIERS[other.tier]! : bandOf(other.score);
      return { human: [15, 50, 85][i.tier!]!, tier: TIERS[i.tier!]!, scorer: other.score, band, group: i.family };
    });
  return {
    items,
    answers: items.length,
    sources: new Set(items.map((i) => i.source)).size,
    lambdas,
    heldOut: heldOutRows,
    shipped: items.map((i) => rated(i, DEFAULT_MODEL)),
    raters,
    topicFor: (source) => topics[foldOf.get(source) ?? -1],
  };
}

export function agreementRows(rows: readonly Rated[]): [string, Agreement][] {
  return [
    ['overall', agreement(rows)],
    ...[...new Set(rows.map((r) => r.group))].sort().map((f): [string, Agreement] => [f, agreement(rows.filter((r) => r.group === f))]),
  ];
}

export function renderAgreement(rows: readonly Rated[], indent = '  '): string {
  const lines = [`${indent}               n   Spearman    kappa   pairwise`];
  for (const [name, a] of agreementRows(rows)) {
    lines.push(
      `${indent}${name.padEnd(11)} ${String(a.n).padStart(4)}   ${f2(a.spearman).padStart(6)}   ${f2(a.kappa).padStart(6)}   ${pct(a.pairwise).padStart(5)} of ${a.pairs}`,
    );
  }
  return lines.join('\n');
}

/** Fits on every answer and writes the shipped model; returns its path and version. */
export function writeModel(figures: ReturnType<typeof crossValidate>): { path: string; version: string } {
  const { model } = fittedModel(figures.items, figures.heldOut, figures.sources);
  const path = join(PACKAGE_ROOT, 'src', 'scenario', 'model.json');
  writeFileSync(path, `${JSON.stringify(model, null, 2)}\n`);
  return { path, version: model.version };
}

export { FOLDS, SPLITS };

/** The held-out figures over several fold splits: how much they depend on which sources share a fold. */
export function overSplits(file: string, splits: number): { spearman: number[]; kappa: number[]; pairwise: number[] } {
  const out = { spearman: [] as number[], kappa: [] as number[], pairwise: [] as number[] };
  for (let k = 0; k < splits; k++) {
    const a = agreement(crossValidate(file, k ? `split ${k}:` : '').heldOut);
    out.spearman.push(a.spearman);
    out.kappa.push(a.kappa);
    out.pairwise.push(a.pairwise);
  }
  return out;
}

export const spread = (xs: readonly number[], f: (x: number) => string) =>
  `${f(xs.reduce((a, b) => a + b, 0) / xs.length)} (${f(Math.min(...xs))}–${f(Math.max(...xs))})`;

/** The bench section: held-out agreement with the raters, overall and per family, against the targets. */
export function benchValidity(): Figure[] {
  const file = process.env.REHEARSE_VALIDITY_SET ?? DEV_SET;
  if (!existsSync(file)) {
    return [
      { name: 'agreement with raters', value: 0, unit: '', detail: `not measured: no labelled set at ${file} (set REHEARSE_VALIDITY_SET)` },
    ];
  }
  let v: ReturnType<typeof crossValidate>;
  try {
    v = crossValidate(file);
  } catch (e) {
    if (e instanceof TooFewSources) return [{ name: 'agreement with raters', value: 0, unit: '', detail: `not measured: ${e.message}` }];
    throw e;
  }
  const splits = overSplits(file, SPLITS);
  const rows = agreementRows(v.heldOut);
  const overall = rows[0]![1];
  const raters = v.raters.length ? agreement(v.raters) : undefined;
  const weakest = rows.slice(1).reduce((a, b) => (b[1].spearman < a[1].spearman ? b : a), rows[1] ?? rows[0]!);
  const families = rows
    .slice(1)
    .map(([f, a]) => `${f} ${f2(a.spearman)}/${pct(a.pairwise)}`)
    .join(', ');
  return [
    {
      name: `held-out Spearman with the raters' consensus (${v.answers} answers, ${FOLDS} folds by source)`,
      value: Number(overall.spearman.toFixed(2)),
      unit: '',
      target: '>= 0.75',
      ok: overall.spearman >= 0.75,
      detail: `per family (Spearman/pairwise): ${families}`,
    },
    {
      name: 'held-out Spearman of the weakest family',
      value: Number(weakest[1].spearman.toFixed(2)),
      unit: weakest[0],
      target: '>= 0.55',
      ok: weakest[1].spearman >= 0.55,
    },
    {
      name: 'held-out pairwise order agreement (same family)',
      value: Math.round(overall.pairwise * 100),
      unit: `% of ${overall.pairs} pairs`,
      target: '>= 82%',
      ok: overall.pairwise >= 0.82,
      ...(raters
        ? {
            detail: `the two raters with each other: Spearman ${f2(raters.spearman)}, kappa ${f2(raters.kappa)}, pairwise ${pct(raters.pairwise)}`,
          }
        : {}),
    },
    { name: 'held-out quadratic-weighted kappa (tiers against bands)', value: Number(overall.kappa.toFixed(2)), unit: '' },
    {
      name: `the same over ${SPLITS} fold splits, mean (min–max)`,
      value: Number((splits.spearman.reduce((a, b) => a + b, 0) / SPLITS).toFixed(2)),
      unit: 'Spearman',
      detail: `Spearman ${spread(splits.spearman, f2)}, kappa ${spread(splits.kappa, f2)}, pairwise ${spread(splits.pairwise, pct)}`,
    },
  ];
}
