// Resolves a rubric against its library into the self-contained form the scorer reads, with its hash.
import { createHash } from 'node:crypto';
import type { AntiPattern, Condition, Criterion, Matcher, RubricLibrary, Signal } from './schema.js';
import type { Path, PathIssue } from './path.js';
import { DEFAULT_MODEL, type ScoringModel } from './model.js';
import { REASONING_LEXICONS } from './cues.js';
import { hasEntry, ownEntry } from '../own.js';
import { compileProblem, termProblem } from './regex.js';
import { cueOf } from '../text/phrases.js';

/** The lexicon a scenario fills with its own context terms. */
export const CONTEXT_LEXICON = 'context';

export interface ResolvedRubric {
  id: string;
  version: number;
  title: string;
  family: string;
  /** What an answer to this rubric's questions is about: phrases (see the schema's `topic`). */
  topic: string[];
  /**
   * What the questions of the library's other families are about, family by family, with a title to
   * name each by: an answer that names far more of another family's concepts answers that question instead.
   */
  contrast: { family: string; title: string; topic: string[] }[];
  /** The scenario's context terms (its company's nouns): words a question shares with every answer to it. */
  context: string[];
  criteria: Criterion[];
  antiPatterns: AntiPattern[];
  /** Every signal the criteria and anti-patterns name, and nothing else. */
  signals: Record<string, Signal>;
  /** Every lexicon those signals name, with the scenario's context terms under `context`. */
  lexicons: Record<string, string[]>;
  /** The weights that turn features into a total, and the bands. */
  model: ScoringModel;
  /** sha256 of the canonical JSON of everything above: same hash, same scoring. */
  hash: string;
}

export function conditionSignals(c: Condition): string[] {
  return [...(c.all ?? []), ...(c.any ?? []), ...(c.none ?? []), ...(c.atLeast?.of ?? [])];
}

function matcherLexicons(m: Matcher | undefined): string[] {
  return m?.lexicon ? [m.lexicon] : [];
}

/** Words to add to named lexicons: a rubric's own `vocabulary`, or a scenario's `context.vocabulary`. */
export type Vocabulary = Record<string, string[]>;

export function resolveRubric(
  library: RubricLibrary,
  rubricId: string,
  contextTerms: string[],
  vocabulary: Vocabulary = {},
): ResolvedRubric | undefined {
  const rubric = library.rubrics.find((r) => r.id === rubricId);
  if (!rubric) return undefined;
  const conditions = [
    ...rubric.criteria.flatMap((c) => c.levels.flatMap((l) => (l.when ? [l.when] : []))),
    ...rubric.antiPatterns.map((a) => a.when),
  ];
  const signals: Record<string, Signal> = {};
  for (const id of [...new Set(conditions.flatMap(conditionSignals))].sort()) {
    const signal = ownEntry(rubric.signals, id) ?? ownEntry(library.signals, id);
    if (signal) signals[id] = signal;
  }
  const lexicons: Record<string, string[]> = {};
  for (const s of Object.values(signals)) {
    for (const name of [...matcherLexicons(s), ...matcherLexicons(s.near)]) {
      const base =
        name === CONTEXT_LEXICON ? contextTerms : (ownEntry(library.lexicons, name) ?? [...(ownEntry(REASONING_LEXICONS, name) ?? [])]);
      // The rubric's own words, then the scenario's: a domain teaches a shared rubric its metrics.
      const added = [...(ownEntry(rubric.vocabulary, name) ?? []), ...(ownEntry(vocabulary, name) ?? [])];
      lexicons[name] = added.length ? [...new Set([...base, ...added])] : base;
    }
  }
  const body = {
    id: rubric.id,
    version: rubric.version,
    title: rubric.title,
    family: rubric.family,
    topic: rubric.topic,
    contrast: contrastOf(library, rubric.family),
    context: contextTerms,
    criteria: rubric.criteria,
    antiPatterns: rubric.antiPatterns,
    signals,
    lexicons,
    model: library.model ?? DEFAULT_MODEL,
  };
  return { ...body, hash: createHash('sha256').update(canonicalJson(body)).digest('hex') };
}

/** The topics of the library's rubrics of other families, merged by family, in family order, each named by its first rubric's title. */
function contrastOf(library: RubricLibrary, family: string): { family: string; title: string; topic: string[] }[] {
  const byFamily = new Map<string, { title: string; topic: Set<string> }>();
  for (const r of library.rubrics) {
    if (r.family === family || !r.topic.length) continue;
    const entry = byFamily.get(r.family) ?? { title: r.title, topic: new Set<string>() };
    for (const p of r.topic) entry.topic.add(p);
    byFamily.set(r.family, entry);
  }
  return [...byFamily.keys()].sort().map((f) => ({ family: f, title: byFamily.get(f)!.title, topic: [...byFamily.get(f)!.topic] }));
}

/** JSON with object keys sorted, so equal values always hash alike. */
export function canonicalJson(value: unknown): string {
  const out: string[] = [];
  writeCanonical(value, out);
  return out.join('');
}

/**
 * Writes `value` as canonical JSON in pieces. A list of strings alone (a lexicon, a phrase list: most
 * of a rubric) is written by JSON.stringify in one call, which gives the same text.
 */
function writeCanonical(value: unknown, out: string[]): void {
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v === 'string')) {
      out.push(JSON.stringify(value));
      return;
    }
    out.push('[');
    value.forEach((v, i) => {
      if (i) out.push(',');
      writeCanonical(v, out);
    });
    out.push(']');
    return;
  }
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter((k) => record[k] !== undefined)
      .sort();
    out.push('{');
    keys.forEach((k, i) => {
      out.push(i ? ',' : '', JSON.stringify(k), ':');
      writeCanonical(record[k], out);
    });
    out.push('}');
    return;
  }
  const text = JSON.stringify(value);
  if (text !== undefined) out.push(text);
}

/**
 * The phrases a file's own rubrics write (topic, question cues, vocabulary), each of which must be
 * able to match: checked on the file as written, before `extends` puts a base rubric's phrases in
 * front of them, so that a problem is reported where it is written.
 */
export function checkRubricPhrases(library: RubricLibrary): PathIssue[] {
  return library.rubrics.flatMap((rubric, r) => [
    ...termIssues(rubric.topic, ['rubrics', r, 'topic']),
    // A question cue is reported whole, whichever of its parts is wrong.
    ...rubric.detect.flatMap((cue, i) =>
      cueOf(cue).parts.flatMap((part) => {
        const message = termProblem(part);
        return message ? [{ path: ['rubrics', r, 'detect', i], message }] : [];
      }),
    ),
    ...Object.entries(rubric.vocabulary).flatMap(([name, words]) => termIssues(words, ['rubrics', r, 'vocabulary', name])),
  ]);
}

/** What is wrong with each of a list of terms (a regular expression that does not compile, a phrase that matches nothing), at its place in the list. */
export function termIssues(terms: readonly string[], path: Path): PathIssue[] {
  return terms.flatMap((t, i) => {
    const message = termProblem(t);
    return message ? [{ path: [...path, i], message }] : [];
  });
}

/** Checks what the schema cannot: references between signals, lexicons and criteria, and duplicates. */
export function checkLibrary(library: RubricLibrary): PathIssue[] {
  const issues: PathIssue[] = [];
  const issueAt = (path: Path, message: string) => ({ path, message });
  const checkTerms = (terms: readonly string[], path: Path) => issues.push(...termIssues(terms, path));
  for (const [id, terms] of Object.entries(library.lexicons)) checkTerms(terms, ['lexicons', id]);
  const checkMatcher = (m: Matcher, path: Path) => {
    if (m.terms) checkTerms(m.terms, [...path, 'terms']);
    if (m.lexicon && m.lexicon !== CONTEXT_LEXICON && !hasEntry(library.lexicons, m.lexicon) && !hasEntry(REASONING_LEXICONS, m.lexicon)) {
      issues.push(issueAt([...path, 'lexicon'], `unknown lexicon "${m.lexicon}"`));
    }
    const problem = m.pattern === undefined ? undefined : compileProblem(m.pattern);
    if (problem) issues.push(issueAt([...path, 'pattern'], problem));
  };
  const checkSignal = (s: Signal, path: Path) => {
    checkMatcher(s, path);
    if (s.near) checkMatcher(s.near, [...path, 'near']);
  };
  for (const [id, s] of Object.entries(library.signals)) checkSignal(s, ['signals', id]);

  const rubricIds = new Set<string>();
  library.rubrics.forEach((rubric, r) => {
    const at = (...rest: PropertyKey[]): Path => ['rubrics', r, ...rest];
    if (rubricIds.has(rubric.id)) issues.push(issueAt(at('id'), `duplicate rubric id "${rubric.id}"`));
    rubricIds.add(rubric.id);
    for (const [id, s] of Object.entries(rubric.signals)) checkSignal(s, at('signals', id));
    for (const name of Object.keys(rubric.vocabulary)) {
      if (!hasEntry(library.lexicons, name) && !hasEntry(REASONING_LEXICONS, name) && name !== CONTEXT_LEXICON) {
        issues.push(issueAt(at('vocabulary', name), `no lexicon "${name}" here or in the libraries this one uses`));
      }
    }

    const known = (id: string) => hasEntry(rubric.signals, id) || hasEntry(library.signals, id);
    const checkCondition = (c: Condition, path: Path) => {
      for (const key of ['all', 'any', 'none'] as const) {
        c[key]?.forEach((id, i) => {
          if (!known(id)) issues.push(issueAt([...path, key, i], `unknown signal "${id}"`));
        });
      }
      c.atLeast?.of.forEach((id, i) => {
        if (!known(id)) issues.push(issueAt([...path, 'atLeast', 'of', i], `unknown signal "${id}"`));
      });
      if (c.atLeast && c.atLeast.count > c.atLeast.of.length) {
        issues.push(issueAt([...path, 'atLeast', 'count'], 'count is larger than the signals listed'));
      }
    };

    const criterionIds = new Set<string>();
    rubric.criteria.forEach((c, i) => {
      if (criterionIds.has(c.id)) issues.push(issueAt(at('criteria', i, 'id'), `duplicate criterion id "${c.id}"`));
      criterionIds.add(c.id);
      if (c.bar >= c.levels.length) {
        issues.push(issueAt(at('criteria', i, 'bar'), `bar ${c.bar} is above the top level ${c.levels.length - 1}`));
      }
      c.levels.forEach((l, j) => {
        if (j > 0 && !l.when) issues.push(issueAt(at('criteria', i, 'levels', j, 'when'), 'levels above 0 need a `when`'));
        if (l.when) checkCondition(l.when, at('criteria', i, 'levels', j, 'when'));
      });
    });
    const antiIds = new Set<string>();
    rubric.antiPatterns.forEach((a, i) => {
      if (antiIds.has(a.id)) issues.push(issueAt(at('antiPatterns', i, 'id'), `duplicate anti-pattern id "${a.id}"`));
      antiIds.add(a.id);
      checkCondition(a.when, at('antiPatterns', i, 'when'));
      if (a.cap) {
        const target = rubric.criteria.find((c) => c.id === a.cap!.criterion);
        if (!target) issues.push(issueAt(at('antiPatterns', i, 'cap', 'criterion'), `unknown criterion "${a.cap.criterion}"`));
        else if (a.cap.level >= target.levels.length) {
          issues.push(issueAt(at('antiPatterns', i, 'cap', 'level'), `level ${a.cap.level} does not exist`));
        }
      }
    });
  });
  return issues;
}

/** Replaces items by id, appends new ones: what a rubric that `extends` another gives of its own. */
function byId<T extends { id: string }>(base: readonly T[], own: readonly T[]): T[] {
  const mine = new Map(own.map((x) => [x.id, x]));
  return [...base.map((x) => mine.get(x.id) ?? x), ...own.filter((x) => !base.some((b) => b.id === x.id))];
}

/**
 * A library with the libraries it `uses` folded in, so it stands alone: their lexicons, signals
 * and rubrics are available by name, and each rubric that `extends` another is written out whole.
 * An id defined here that a used library defines too is an error, unless listed in `overrides`.
 */
export function composeLibrary(own: RubricLibrary, used: readonly RubricLibrary[]): { library: RubricLibrary; issues: PathIssue[] } {
  const issues: PathIssue[] = [];
  const allowed = new Set(own.overrides);
  const inherited = {
    // The first library listed wins a shared id, for lexicons and signals as for rubrics.
    lexicons: Object.assign({}, ...[...used].reverse().map((u) => u.lexicons)) as RubricLibrary['lexicons'],
    signals: Object.assign({}, ...[...used].reverse().map((u) => u.signals)) as RubricLibrary['signals'],
    rubrics: used.flatMap((u) => u.rubrics),
  };
  const clash = (kind: string, id: string, path: Path) => {
    if (!allowed.has(id)) {
      issues.push({
        path,
        message: `${kind} "${id}" is also in a library this one uses; rename it, or list it under \`overrides\` to replace that one`,
      });
    }
  };
  for (const id of Object.keys(own.lexicons)) if (hasEntry(inherited.lexicons, id)) clash('lexicon', id, ['lexicons', id]);
  for (const id of Object.keys(own.signals)) if (hasEntry(inherited.signals, id)) clash('signal', id, ['signals', id]);
  const everyRubric = [...own.rubrics, ...inherited.rubrics];
  const rubrics = own.rubrics.map((r, i) => {
    if (inherited.rubrics.some((x) => x.id === r.id)) clash('rubric', r.id, ['rubrics', i, 'id']);
    if (!r.extends) return r;
    const base = everyRubric.find((x) => x.id === r.extends && x !== r);
    if (!base) {
      issues.push({ path: ['rubrics', i, 'extends'], message: `no rubric "${r.extends}" here or in the libraries this one uses` });
      return r;
    }
    if (base.extends && own.rubrics.includes(base)) {
      issues.push({
        path: ['rubrics', i, 'extends'],
        message: `"${r.extends}" extends another rubric itself; extend the one it is built on`,
      });
    }
    const vocabulary: Vocabulary = { ...base.vocabulary };
    for (const [name, words] of Object.entries(r.vocabulary)) vocabulary[name] = [...(ownEntry(vocabulary, name) ?? []), ...words];
    return {
      ...base,
      id: r.id,
      version: r.version,
      title: r.title,
      family: r.family,
      detect: r.detect.length ? r.detect : base.detect,
      topic: [...new Set([...base.topic, ...r.topic])],
      criteria: byId(base.criteria, r.criteria),
      antiPatterns: byId(base.antiPatterns, r.antiPatterns),
      signals: { ...base.signals, ...r.signals },
      vocabulary,
    };
  });
  const ownIds = new Set(own.rubrics.map((r) => r.id));
  return {
    library: {
      ...own,
      lexicons: { ...inherited.lexicons, ...own.lexicons },
      signals: { ...inherited.signals, ...own.signals },
      rubrics: [...rubrics, ...inherited.rubrics.filter((r) => !ownIds.has(r.id))],
      ...((own.model ?? used.find((u) => u.model)?.model) ? { model: own.model ?? used.find((u) => u.model)!.model! } : {}),
    },
    issues,
  };
}

/**
 * What is allowed but probably a mistake, for `validate` to warn about: a signal no rubric of
 * this library uses (a library others build on may mean it for them), a `when` on level 0 (never
 * read for the level).
 */
export function lintLibrary(own: RubricLibrary): PathIssue[] {
  const warnings: PathIssue[] = [];
  const used = new Set(
    own.rubrics.flatMap((r) => [
      ...r.criteria.flatMap((c) => c.levels.flatMap((l) => (l.when ? conditionSignals(l.when) : []))),
      ...r.antiPatterns.flatMap((a) => conditionSignals(a.when)),
    ]),
  );
  for (const id of Object.keys(own.signals)) {
    if (!used.has(id)) warnings.push({ path: ['signals', id], message: `signal "${id}" is used by no rubric of this library` });
  }
  own.rubrics.forEach((r, i) => {
    for (const id of Object.keys(r.signals)) {
      if (!used.has(id))
        warnings.push({ path: ['rubrics', i, 'signals', id], message: `signal "${id}" is used by no condition of rubric "${r.id}"` });
    }
    r.criteria.forEach((c, j) => {
      if (c.levels[0]?.when) {
        warnings.push({
          path: ['rubrics', i, 'criteria', j, 'levels', 0, 'when'],
          message: 'level 0 is where a criterion lands when nothing else holds; its `when` is never read',
        });
      }
    });
  });
  return warnings;
}
