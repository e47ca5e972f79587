// A scenario with each question's rubric resolved: what the interview, the scorer and the aligner read.
import { hasEntry } from '../own.js';
import { REASONING_LEXICONS } from './cues.js';
import type { Path, PathIssue } from './path.js';
import { resolveRubric, termIssues, type ResolvedRubric } from './rubric.js';
import type { RubricLibrary, Scenario } from './schema.js';

export interface LoadedScenario {
  file: string;
  scenario: Scenario;
  /** The line of a field in the file, for messages about it. */
  lineOf: (path: Path) => number | undefined;
  /** The resolved rubric of each question, by question id. */
  rubrics: Record<string, ResolvedRubric>;
  /** The rubric libraries the scenario uses, for grading questions it does not have. */
  libraries: RubricLibrary[];
  /**
   * Narrowed to one question for a drill: the words of the earlier question it builds on (its `follows`),
   * which the drill does not ask but shows first.
   */
  follows?: string;
}

/**
 * Resolves each question's rubric in the libraries the scenario uses, and checks what the schema
 * cannot: duplicate ids, follow-ups that target criteria their rubric does not have, and a question
 * that builds on one not asked before it.
 */
export function resolveQuestions(
  scenario: Scenario,
  libraries: readonly RubricLibrary[],
): { rubrics: Record<string, ResolvedRubric>; issues: PathIssue[] } {
  const issues: PathIssue[] = [];
  const rubrics: Record<string, ResolvedRubric> = {};
  issues.push(...termIssues(scenario.context.terms, ['context', 'terms']));
  for (const [name, words] of Object.entries(scenario.context.vocabulary))
    issues.push(...termIssues(words, ['context', 'vocabulary', name]));
  // Words for a lexicon no library has would be silently unused: say so.
  for (const name of Object.keys(scenario.context.vocabulary)) {
    if (!libraries.some((lib) => hasEntry(lib.lexicons, name)) && !hasEntry(REASONING_LEXICONS, name)) {
      issues.push({ path: ['context', 'vocabulary', name], message: `no rubric library this scenario uses has a lexicon "${name}"` });
    }
  }
  const questionIds = new Set<string>();
  scenario.questions.forEach((q, i) => {
    if (questionIds.has(q.id)) issues.push({ path: ['questions', i, 'id'], message: `duplicate question id "${q.id}"` });
    // What a question builds on is asked before it.
    if (q.follows !== undefined && !questionIds.has(q.follows)) {
      const later = scenario.questions.some((x, k) => k > i && x.id === q.follows);
      issues.push({
        path: ['questions', i, 'follows'],
        message:
          q.follows === q.id
            ? 'a question cannot follow itself: name an earlier question'
            : later
              ? `"${q.follows}" is asked after this question, not before it`
              : `no question "${q.follows}" in this scenario`,
      });
    }
    questionIds.add(q.id);
    let rubric: ResolvedRubric | undefined;
    for (const lib of libraries) {
      rubric = resolveRubric(lib, q.rubric, scenario.context.terms, scenario.context.vocabulary);
      if (rubric) break;
    }
    if (!rubric) {
      const where = scenario.uses.length ? `in ${scenario.uses.join(', ')}` : '(the scenario lists no rubric files under `uses`)';
      issues.push({ path: ['questions', i, 'rubric'], message: `unknown rubric "${q.rubric}" ${where}` });
      return;
    }
    rubrics[q.id] = rubric;
    const followUpIds = new Set<string>();
    q.followUps.forEach((f, j) => {
      if (followUpIds.has(f.id)) issues.push({ path: ['questions', i, 'followUps', j, 'id'], message: `duplicate follow-up id "${f.id}"` });
      followUpIds.add(f.id);
      f.targets.forEach((t, k) => {
        if (!rubric.criteria.some((c) => c.id === t)) {
          issues.push({
            path: ['questions', i, 'followUps', j, 'targets', k],
            message: `unknown criterion "${t}" in rubric "${rubric.id}"`,
          });
        }
      });
    });
  });
  return { rubrics, issues };
}
