// `score --explain`: every step from the answer's sentences to its total, as a model and as text.
import { ownEntry } from '../own.js';
import type { ResolvedRubric } from '../scenario/rubric.js';
import type { Condition } from '../scenario/schema.js';
import { BANDS, type Trace } from '../scoring/score.js';
import type { Rejection } from '../scoring/rubric/signals.js';
import type { SetAside } from '../scoring/rubric/relevance.js';
import { forTerminal } from '../terminal-text.js';

export interface SentenceTrace {
  turn: number;
  start: number;
  end: number;
  text: string;
  prose: boolean;
  /** Signals that counted in this sentence, with the criteria they serve. */
  signals: string[];
  /** For each signal, the titles of the criteria whose levels name it. */
  serves: Record<string, string[]>;
  /** Phrases found here that did not count, with the reason. */
  rejected: { signal: string; phrase: string; why: Rejection }[];
  /** Reasoning features seen here, with the words that showed them. */
  features: { feature: string; words: string }[];
  /** Why the sentence was not read, when it was not: not about the question, or only its headings. */
  setAside?: SetAside;
  /** In a sentence set aside: what it still says that holds the answer down ("I don't see real risks"). */
  holdsDown?: string[];
}

export interface Explanation {
  sentences: SentenceTrace[];
  criteria: { id: string; title: string; level: number; maxLevel: number; condition: string; held: string[]; cappedBy?: string }[];
  antiPatterns: { id: string; condition: string; penalty: number; cap?: string; ceiling?: string }[];
  total: {
    intercept: number;
    terms: { feature: string; label: string; value: number; weight: number; points: number }[];
    sum: number;
    total: number;
    limitedBy?: string;
    /** Why the answer was not graded as an attempt; the total is then 0. */
    nonAnswer?: string;
    band: string;
    /** Where the model's sum enters each band; the total is the sum mapped so these land on `scale`. */
    cuts: { weak: number; adequate: number; strong: number };
    scale: { weak: number; adequate: number; strong: number };
    modelVersion: string;
  };
}

const REASONS: Record<Rejection, string> = {
  negated: 'negated or criticised',
  affirmed: 'affirmed, and this signal looks for a rejection',
  list: 'in a list, not a sentence',
  'not-opening': 'not in the opening sentence',
  'too-far': 'nothing it must be near within reach',
  'too-few': 'too few different phrases',
};

const SET_ASIDE: Record<SetAside, string> = {
  'off-topic': 'not about the question asked',
  unfilled: "names the question's or the rubric's headings without filling them in",
};

/** The criteria whose levels name a signal, by title. */
function servesOf(rubric: ResolvedRubric, id: string): string[] {
  return rubric.criteria
    .filter((c) =>
      c.levels.some((l) => l.when && [...(l.when.all ?? []), ...(l.when.any ?? []), ...(l.when.atLeast?.of ?? [])].includes(id)),
    )
    .map((c) => c.title);
}

function conditionText(c: Condition): string {
  const parts: string[] = [];
  if (c.all) parts.push(`all of ${c.all.join(', ')}`);
  if (c.any) parts.push(`any of ${c.any.join(', ')}`);
  if (c.none) parts.push(`none of ${c.none.join(', ')}`);
  if (c.atLeast) parts.push(`${c.atLeast.count} of ${c.atLeast.of.join(', ')}`);
  return parts.join('; ');
}

export function explain(rubric: ResolvedRubric, t: Trace): Explanation {
  const { analysis, score } = t;
  const present = (id: string) => t.signals.get(id)?.present ?? false;
  const bySentence = new Map<number, string[]>();
  for (const [id, r] of t.signals) {
    if (!r.present) continue;
    for (const i of r.sentences()) bySentence.set(i, [...(bySentence.get(i) ?? []), id]);
  }
  // Every sentence of the answer in order; the read ones carry what was found in them (indexed as read).
  let read = -1;
  const sentences: SentenceTrace[] = t.whole.sentences.map((s, w) => {
    const text = analysis.turns[s.turn]!;
    const where = { turn: s.turn, start: s.start, end: s.end, text: text.slice(s.start, s.end), prose: s.prose };
    if (!t.relevance.relevant[w]) {
      const holds = [...(t.heldDownAside.get(w) ?? [])].sort();
      return {
        ...where,
        signals: [],
        serves: {},
        rejected: [],
        features: [],
        setAside: t.relevance.why[w] ?? 'off-topic',
        ...(holds.length ? { holdsDown: holds } : {}),
      };
    }
    const i = ++read;
    const seen = new Set<string>();
    return {
      ...where,
      signals: (bySentence.get(i) ?? []).sort(),
      serves: Object.fromEntries((bySentence.get(i) ?? []).map((id) => [id, servesOf(rubric, id)])),
      rejected: t.rejected
        .filter((r) => r.sentence === i)
        .filter((r) => {
          const key = `${r.signal}:${r.start}:${r.why}`;
          return seen.has(key) ? false : (seen.add(key), true);
        })
        .map((r) => ({ signal: r.signal, phrase: text.slice(r.start, r.end), why: r.why })),
      features: t.hits.filter((h) => h.sentence === i).map((h) => ({ feature: h.feature, words: text.slice(h.start, h.end) })),
    };
  });
  const criteria = score.criteria.map((c) => {
    const def = rubric.criteria.find((d) => d.id === c.id)!;
    const when = c.level > 0 ? def.levels[c.level]!.when! : undefined;
    const named = when ? [...(when.all ?? []), ...(when.any ?? []), ...(when.atLeast?.of ?? [])] : [];
    return {
      id: c.id,
      title: c.title,
      level: c.level,
      maxLevel: c.maxLevel,
      condition: when ? conditionText(when) : 'level 0: no condition',
      held: named.filter(present),
      ...(c.cappedBy ? { cappedBy: c.cappedBy } : {}),
    };
  });
  const antiPatterns = score.antiPatterns.map((hit) => {
    const a = rubric.antiPatterns.find((x) => x.id === hit.id)!;
    return {
      id: a.id,
      condition: conditionText(a.when),
      penalty: a.penalty,
      ...(a.cap ? { cap: `${a.cap.criterion} at most level ${a.cap.level}` } : {}),
      ...(a.ceiling ? { ceiling: `at most ${a.ceiling}` } : {}),
    };
  });
  const m = score.model!;
  return {
    sentences,
    criteria,
    antiPatterns,
    total: {
      intercept: m.intercept,
      terms: m.terms ?? [],
      sum: m.raw,
      total: score.total,
      ...(m.limitedBy ? { limitedBy: m.limitedBy } : {}),
      ...(score.flags.nonAnswer ? { nonAnswer: score.flags.nonAnswer } : {}),
      band: score.band,
      cuts: rubric.model.bands,
      scale: BANDS,
      modelVersion: m.version,
    },
  };
}

/** Quoted text on one line, cut to length; cleaned for the terminal before it is measured. */
const short = (s: string, n = 100) => {
  const flat = forTerminal(s).replace(/\s+/g, ' ').trim();
  return flat.length > n ? `${flat.slice(0, n - 1)}…` : flat;
};

export function renderExplanation(e: Explanation): string {
  const out: string[] = ['Sentences'];
  e.sentences.forEach((s, i) => {
    out.push(`  [${i + 1}]${s.turn ? ` (answer ${s.turn + 1})` : ''}${s.prose ? '' : ' (fragment)'} “${short(s.text)}”`);
    if (s.setAside) out.push(`      set aside: ${SET_ASIDE[s.setAside]}; it earns nothing`);
    for (const id of s.holdsDown ?? []) out.push(`      holds the answer down all the same: ${id}`);
    for (const id of s.signals) {
      const serves = ownEntry(s.serves, id) ?? [];
      out.push(`      counted: ${id}${serves.length ? ` (${forTerminal(serves.join(', '))})` : ''}`);
    }
    const groups = new Map<string, string[]>();
    for (const r of s.rejected) {
      const key = `“${short(r.phrase, 40)}” (${REASONS[r.why]})`;
      groups.set(key, [...(groups.get(key) ?? []), r.signal]);
    }
    for (const [what, signals] of groups) out.push(`      not counted: ${what} for ${signals.join(', ')}`);
    if (s.features.length) out.push(`      reasoning: ${s.features.map((f) => `${f.feature} “${short(f.words, 40)}”`).join(' · ')}`);
  });
  out.push('', 'Criteria');
  for (const c of e.criteria) {
    out.push(`  ${forTerminal(c.title)}: level ${c.level}/${c.maxLevel}${c.cappedBy ? ` (held down by ${c.cappedBy})` : ''}`);
    out.push(`      ${c.level ? `earned by ${c.condition}${c.held.length ? `; present: ${c.held.join(', ')}` : ''}` : c.condition}`);
  }
  out.push('', 'Anti-patterns');
  if (!e.antiPatterns.length) out.push('  none');
  for (const a of e.antiPatterns) {
    out.push(
      `  ${a.id}: when ${a.condition}; ${[a.penalty ? `penalty ${a.penalty} (in the "rubric anti-patterns" term below)` : '', a.cap, a.ceiling].filter(Boolean).join('; ')}`,
    );
  }
  const t = e.total;
  out.push('', `Total (model ${t.modelVersion})`);
  out.push(`  ${"start (the model's intercept)".padEnd(58)} ${t.intercept.toFixed(1).padStart(6)}`);
  if (t.nonAnswer) {
    out.push(`  not an answer (${t.nonAnswer}): the total is 0 whatever the sum`);
    return out.join('\n');
  }
  out.push(`  ${'feature'.padEnd(40)} ${'value'.padStart(5)}   ${'weight'.padStart(6)}   ${'points'.padStart(6)}`);
  for (const term of t.terms) {
    const points = `${term.points > 0 ? '+' : term.points < 0 ? '−' : ' '}${Math.abs(term.points).toFixed(1)}`;
    out.push(
      `  ${term.label.padEnd(40)} ${term.value.toFixed(2).padStart(5)} × ${term.weight.toFixed(1).padStart(6)} = ${points.padStart(6)}`,
    );
  }
  out.push(`  ${'sum'.padEnd(58)} ${t.sum.toFixed(1).padStart(6)}`);
  out.push(
    `  on the 0–100 scale: the sum's band cut points ${t.cuts.weak} / ${t.cuts.adequate} / ${t.cuts.strong} become ${t.scale.weak} / ${t.scale.adequate} / ${t.scale.strong}`,
  );
  if (t.limitedBy) out.push(`  limited by ${t.limitedBy}`);
  out.push(`  total ${t.total}: ${t.band} (weak from ${t.scale.weak}, adequate from ${t.scale.adequate}, strong from ${t.scale.strong})`);
  return out.join('\n');
}
