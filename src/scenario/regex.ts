// Whether a regular expression a rubric or scenario author wrote is one rehearse will run.
import { createRequire } from 'node:module';
import { phraseProblem } from '../text/phrases.js';
import type { Path, PathIssue } from './path.js';
import type { Matcher, RubricLibrary, Scenario } from './schema.js';
import { ambiguousLoop } from './ambiguity.js';

/** A phrase written /between slashes/ is a regular expression. */
export const isRegexTerm = (t: string) => t.length > 2 && t.startsWith('/') && t.endsWith('/');

/** Why a regular expression does not compile with the flags the scorer gives it, or undefined. */
export function compileProblem(source: string): string | undefined {
  try {
    new RegExp(source, 'iu');
    return undefined;
  } catch (e) {
    return `invalid regular expression: ${(e as Error).message}`;
  }
}

/** The same for a term: one written /between slashes/ is a regular expression that must compile; any other is a phrase that must be able to match. */
export function termProblem(term: string): string | undefined {
  return isRegexTerm(term) ? compileProblem(term.slice(1, -1)) : phraseProblem(term);
}

/** Every regular expression a file writes itself, with where: terms and patterns of its own matchers. */
export interface WrittenRegex {
  path: Path;
  source: string;
}

function termsAt(terms: readonly string[] | undefined, path: Path): WrittenRegex[] {
  return (terms ?? []).flatMap((t, i) => (isRegexTerm(t) ? [{ path: [...path, i], source: t.slice(1, -1) }] : []));
}

function matcherRegexes(m: Matcher, path: Path): WrittenRegex[] {
  return [...termsAt(m.terms, [...path, 'terms']), ...(m.pattern ? [{ path: [...path, 'pattern'], source: m.pattern }] : [])];
}

function signalRegexes(signals: RubricLibrary['signals'], path: Path): WrittenRegex[] {
  return Object.entries(signals).flatMap(([id, s]) => [
    ...matcherRegexes(s, [...path, id]),
    ...(s.near ? matcherRegexes(s.near, [...path, id, 'near']) : []),
  ]);
}

/** The regular expressions of a library file, not counting those of the libraries it uses. */
export function libraryRegexes(library: RubricLibrary): WrittenRegex[] {
  return [
    ...Object.entries(library.lexicons).flatMap(([id, terms]) => termsAt(terms, ['lexicons', id])),
    ...signalRegexes(library.signals, ['signals']),
    ...library.rubrics.flatMap((r, i) => [
      ...signalRegexes(r.signals, ['rubrics', i, 'signals']),
      ...Object.entries(r.vocabulary).flatMap(([name, terms]) => termsAt(terms, ['rubrics', i, 'vocabulary', name])),
    ]),
  ];
}

/** The regular expressions of a scenario file: its context terms and vocabulary. */
export function scenarioRegexes(scenario: Scenario): WrittenRegex[] {
  return [
    ...termsAt(scenario.context.terms, ['context', 'terms']),
    ...Object.entries(scenario.context.vocabulary).flatMap(([name, terms]) => termsAt(terms, ['context', 'vocabulary', name])),
  ];
}

/** Those that could keep the scorer busy for minutes, each with why. */
export function slowRegexes(found: readonly WrittenRegex[]): PathIssue[] {
  return found.flatMap(({ path, source }) => {
    const message = compileProblem(source) ? undefined : backtrackingProblem(source);
    return message ? [{ path, message }] : [];
  });
}

type Analyse = typeof import('scslre').analyse;
type Parser = typeof import('@eslint-community/regexpp').RegExpParser;
type ToUnicodeSet = typeof import('regexp-ast-analysis').toUnicodeSet;
let analysis: { analyse: Analyse; parser: InstanceType<Parser>; toUnicodeSet: ToUnicodeSet } | undefined;
/**
 * The analysis is loaded on first use: most runs read only the shipped files, whose patterns the
 * tests check, and should not pay for loading it.
 */
function analyser() {
  if (!analysis) {
    const load = createRequire(import.meta.url);
    const { analyse } = load('scslre') as { analyse: Analyse };
    const { RegExpParser } = load('@eslint-community/regexpp') as { RegExpParser: Parser };
    const { toUnicodeSet } = load('regexp-ast-analysis') as { toUnicodeSet: ToUnicodeSet };
    analysis = { analyse, parser: new RegExpParser({ ecmaVersion: 2025 }), toUnicodeSet };
  }
  return analysis;
}

const verdicts = new Map<string, string | undefined>();

/**
 * Why a regular expression that compiles could still backtrack without end, or undefined.
 * JavaScript's engine cannot be stopped once it has started, and a pattern such as `(a+)+$`
 * takes minutes on thirty letters (a longer answer only makes it worse), so such a pattern is
 * refused when its file is read, saying where the trouble is, rather than run under a clock.
 */
export function backtrackingProblem(source: string): string | undefined {
  if (!verdicts.has(source)) verdicts.set(source, analyseBacktracking(source));
  return verdicts.get(source);
}

function analyseBacktracking(source: string): string | undefined {
  const { analyse, parser, toUnicodeSet } = analyser();
  let result;
  try {
    // Checked as the scorer compiles it: the author's pattern followed by the end of a word.
    result = analyse(parser.parseLiteral(`/(?:${source})(?![\\p{L}\\p{N}])/iu`), { reportTypes: { Move: false } });
  } catch {
    // A syntax the analysis does not know yet: the engine accepted it, so it is not refused for that.
    return undefined;
  }
  const worst = result.reports.find((r) => r.exponential) ?? result.reports[0];
  // The analysis above finds quantifiers in quantifiers; a loop over alternatives that overlap is found here.
  const loop = worst?.exponential
    ? undefined
    : ambiguousLoop(result.parsed.pattern, (node) => toUnicodeSet(node, result.parsed.flags).chars);
  if (loop) {
    return (
      `regular expression can take exponential time: "${loop}" can match the same text in more than one way, ` +
      'so every repetition doubles the work when a match fails; rewrite it so that each character can be matched in one way only'
    );
  }
  if (!worst) return undefined;
  const growth = worst.exponential ? 'exponential' : 'polynomial';
  const parts =
    worst.type === 'Trade'
      ? `"${worst.startQuant.raw}" and "${worst.endQuant.raw}" can share it`
      : worst.type === 'Self'
        ? `"${worst.parentQuant.raw}" and the "${worst.quant.raw}" it repeats can share it`
        : `"${worst.quant.raw}" can take it`;
  const run = JSON.stringify(worst.character.pick.toLowerCase().repeat(3) + '…');
  return (
    `regular expression can take ${growth} time: on a long run like ${run}, ${parts} out in very many ways; ` +
    'rewrite it so that each character can be matched in one way only'
  );
}
