// `npm run validity [-- labels.jsonl] [--write]`: how well the scorer agrees with human raters, on answers
// its weights never saw. Folds by source: answers from one page are never both fitted and measured.
// With --write, the weights fitted on every answer become the shipped model (src/scoring/model.json).
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { humanScore, sourceKey } from '../src/calibration/labels.js';
import { readLabelled } from '../src/calibration/rubrics.js';
import { agreement, TIERS, type Agreement, type Rated } from '../src/scoring/agreement.js';
import { FEATURES } from '../src/scoring/features.js';
import { fitBands, fitWeights, type Example } from '../src/scoring/fit.js';
import { applyModel, DEFAULT_MODEL, type ScoringModel } from '../src/scoring/model.js';
import { totalOf, trace, type Guards } from '../src/scoring/score.js';
import { bandOf } from '../src/scoring/score.js';
import { PACKAGE_ROOT } from '../src/paths.js';

const FOLDS = 5;
const LAMBDAS = [0.003, 0.01, 0.03, 0.1, 0.3, 1];
/** Below this total an answer is insufficient; not fitted, it separates non-answers from weak ones. */
const WEAK_FLOOR = 20;

interface Item extends Example {
  id: string;
  family: string;
  source: string;
  fold: number;
  flags: Guards;
  rater2?: number;
}

function load(file: string): Item[] {
  const { labels, rubricOf } = readLabelled(file);
  const items = labels.map(({ line, label }) => {
    const rubric = rubricOf(label, line);
    const t = trace(rubric, label.answer);
    const r2 = (label as { rater2?: { score?: number } }).rater2?.score;
    return {
      id: label.id ?? `line ${line}`,
      family: rubric.family,
      source: sourceKey(label, `line ${line}`),
      fold: 0,
      features: t.features,
      human: humanScore(label),
      ...(label.tier ? { tier: TIERS.indexOf(label.tier) } : {}),
      flags: t.guards,
      ...(r2 !== undefined ? { rater2: r2 } : {}),
    };
  });
  // Sources in a fixed pseudo-random order, dealt round the folds so the folds are of like size.
  const sources = [...new Set(items.map((i) => i.source))].sort((a, b) => hash(a).localeCompare(hash(b)));
  const foldOf = new Map(sources.map((s, i) => [s, i % FOLDS]));
  for (const i of items) i.fold = foldOf.get(i.source)!;
  return items;
}

const hash = (s: string) => createHash('sha256').update(s).digest('hex');

function modelFor(train: readonly Item[], lambda: number): ScoringModel {
  const { intercept, weights } = stretch(train, fitWeights(train, lambda));
  const totals = train.map((i) => totalOf({ ...DEFAULT_MODEL, intercept, weights }, i.features, i.flags));
  const withTier = train.filter((i) => i.tier !== undefined);
  const bands = fitBands(
    withTier.map((i) => totals[train.indexOf(i)]!),
    withTier.map((i) => i.tier!),
    WEAK_FLOOR,
  );
  const rounded = Object.fromEntries(Object.entries(weights).map(([k, v]) => [k, Math.round(v * 100) / 100]));
  return { ...DEFAULT_MODEL, intercept: Math.round(intercept * 100) / 100, weights: rounded, bands };
}

function rated(i: Item, model: ScoringModel): Rated {
  const total = totalOf(model, i.features, i.flags);
  return { human: i.human, ...(i.tier !== undefined ? { tier: TIERS[i.tier]! } : {}), scorer: total, band: bandOf(total, model.bands), group: i.family };
}

/**
 * Ridge pulls every prediction towards the mean; scaling the weights about the mean gives the
 * totals the spread of the human scores. The order, and so every rank figure, is unchanged.
 */
function stretch(train: readonly Item[], fit: Pick<ScoringModel, 'intercept' | 'weights'>): Pick<ScoringModel, 'intercept' | 'weights'> {
  const raw = train.map((i) => applyModel({ ...DEFAULT_MODEL, ...fit }, i.features).raw);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = (xs: number[]) => Math.sqrt(mean(xs.map((x) => (x - mean(xs)) ** 2)));
  const human = train.map((i) => i.human);
  const k = sd(raw) > 0 ? sd(human) / sd(raw) : 1;
  const weights = Object.fromEntries(Object.entries(fit.weights).map(([f, w]) => [f, w! * k]));
  return { intercept: mean(human) - k * mean(raw) + k * fit.intercept, weights };
}

/**
 * Lambda chosen on the training folds alone, by an inner cross-validation: the largest whose
 * figure is within TOLERANCE of the best, as more shrinkage spreads weight over features that
 * say the same thing in different words, which is what answers nobody has seen need.
 */
const TOLERANCE = 0.01;
function chooseLambda(train: readonly Item[]): number {
  const folds = [...new Set(train.map((i) => i.fold))];
  const rhos = LAMBDAS.map((lambda) => {
    const out: Rated[] = [];
    for (const f of folds) {
      const model = modelFor(
        train.filter((i) => i.fold !== f),
        lambda,
      );
      out.push(...train.filter((i) => i.fold === f).map((i) => rated(i, model)));
    }
    return agreement(out).spearman;
  });
  const best = Math.max(...rhos);
  return LAMBDAS.filter((_, i) => rhos[i]! >= best - TOLERANCE).at(-1)!;
}

const pct = (x: number) => (Number.isNaN(x) ? '  –' : `${Math.round(x * 100)}%`);
const f2 = (x: number) => (Number.isNaN(x) ? '  – ' : x.toFixed(2));
function row(name: string, a: Agreement): string {
  return `  ${name.padEnd(11)} ${String(a.n).padStart(4)}   ${f2(a.spearman).padStart(6)}   ${f2(a.kappa).padStart(6)}   ${pct(a.pairwise).padStart(5)} of ${a.pairs}`;
}
function table(title: string, rows: readonly Rated[]): void {
  console.log(`\n${title}`);
  console.log('                 n   Spearman    kappa   pairwise');
  console.log(row('overall', agreement(rows)));
  for (const family of [...new Set(rows.map((r) => r.group))].sort()) console.log(row(family, agreement(rows.filter((r) => r.group === family))));
}

export async function runValidity(file: string, write: boolean): Promise<void> {
  const items = load(file);
  console.log(`${items.length} labelled answers from ${new Set(items.map((i) => i.source)).size} sources, ${FOLDS} folds by source`);

  const heldOut: Rated[] = [];
  const chosen: number[] = [];
  for (let f = 0; f < FOLDS; f++) {
    const train = items.filter((i) => i.fold !== f);
    const lambda = chooseLambda(train);
    chosen.push(lambda);
    const model = modelFor(train, lambda);
    heldOut.push(...items.filter((i) => i.fold === f).map((i) => rated(i, model)));
  }
  table(`Held out (each fold scored by weights fitted on the other ${FOLDS - 1}; ridge λ per fold ${chosen.join(', ')})`, heldOut);
  table(`The shipped model (version ${DEFAULT_MODEL.version}), on every answer`, items.map((i) => rated(i, DEFAULT_MODEL)));

  const both = items.filter((i) => i.rater2 !== undefined && i.tier !== undefined);
  if (both.length) {
    const r: Rated[] = both.map((i) => {
      const t = i.rater2!;
      return { human: [15, 50, 85][i.tier!]!, tier: TIERS[i.tier!]!, scorer: t, band: bandOf(t, DEFAULT_MODEL.bands), group: i.family };
    });
    table('For reference: the first rater against the second (tier against score)', r);
  }

  if (process.env.VALIDITY_DEBUG) {
    const { spearman } = await import('../src/scoring/agreement.js');
    for (const f of FEATURES) console.log(`  ${f.padEnd(12)} rho ${f2(spearman(items.map((i) => i.features[f]), items.map((i) => i.human)))}  mean ${(items.reduce((s, i) => s + i.features[f], 0) / items.length).toFixed(2)}`);
    const m = modelFor(items, 0.1);
    console.log(JSON.stringify(m.weights), m.intercept, m.bands);
    const errs = items.map((i, k) => ({ i, k, d: heldOut[k]!.scorer - i.human })).sort((a, b) => Math.abs(b.d) - Math.abs(a.d)).slice(0, 25);
    for (const e of errs) console.log(`  ${e.i.id} ${e.i.family} human ${e.i.human} scorer ${heldOut[e.k]!.scorer} :: ${FEATURES.map((f) => `${f.slice(0, 5)}=${e.i.features[f].toFixed(2)}`).join(' ')}`);
  }
  if (write) {
    const lambda = chooseLambda(items);
    const model = modelFor(items, lambda);
    const all = agreement(items.map((i) => rated(i, model)));
    const held = agreement(heldOut);
    const version = hash(JSON.stringify([model.intercept, model.weights, model.bands])).slice(0, 8);
    const out: ScoringModel = {
      version,
      intercept: model.intercept,
      weights: Object.fromEntries(FEATURES.filter((f) => model.weights[f] !== undefined).map((f) => [f, model.weights[f]!])),
      bands: model.bands,
      listCap: DEFAULT_MODEL.listCap,
      fitted: `ridge (λ ${lambda}) with fixed signs on ${items.length} labelled answers from ${new Set(items.map((i) => i.source)).size} sources; held out over ${FOLDS} folds by source: Spearman ${f2(held.spearman)}, kappa ${f2(held.kappa)}, pairwise ${pct(held.pairwise)}; in sample: Spearman ${f2(all.spearman)}`,
    };
    const path = join(PACKAGE_ROOT, 'src', 'scoring', 'model.json');
    writeFileSync(path, `${JSON.stringify(out, null, 2)}\n`);
    console.log(`\nwrote ${path} (version ${version}); rebuild for it to take effect`);
  }
}

const args = process.argv.slice(2);
await runValidity(args.find((a) => !a.startsWith('--')) ?? join(PACKAGE_ROOT, '..', 'shared', 'validity', 'dev.jsonl'), args.includes('--write'));
