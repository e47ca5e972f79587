// A drill: a short round on one criterion. Which criterion (the weakest lately, unless named), which
// question asks for it (one not asked recently, from any scenario whose rubric has it), and the
// scenario narrowed to that question, so the interview engine runs it as it runs any interview.
import { UsageError } from '../errors.js';
import type { Session } from '../interview/session.js';
import type { FamilyOf, Progress } from '../report/progress.js';
import type { LoadedScenario } from '../scenario/loaded.js';
import type { Question } from '../scenario/schema.js';

export interface DrillTarget {
  criterion: string;
  family: string;
  title: string;
}

export interface DrillChoice {
  target: DrillTarget;
  /** The scenario the question comes from, whole. */
  from: LoadedScenario;
  question: Question;
}

/** Which family each question of each scenario is graded in, for reading saved sessions. */
export function familiesOf(catalog: readonly LoadedScenario[]): FamilyOf {
  const byScenario = new Map(catalog.map((s) => [s.scenario.id, s.rubrics]));
  return (scenario, question, rubricId) => byScenario.get(scenario)?.[question]?.family ?? rubricId;
}

/** Every criterion of every rubric the scenarios use, by family: id → title. */
function criteriaByFamily(catalog: readonly LoadedScenario[]): Map<string, Map<string, { title: string; weight: number }>> {
  const out = new Map<string, Map<string, { title: string; weight: number }>>();
  for (const s of catalog)
    for (const r of Object.values(s.rubrics)) {
      const family = out.get(r.family) ?? new Map<string, { title: string; weight: number }>();
      for (const c of r.criteria) if (!family.has(c.id)) family.set(c.id, { title: c.title, weight: c.weight });
      out.set(r.family, family);
    }
  return out;
}

/**
 * The criterion to drill: the one named (its family named too when several families have a
 * criterion of that id), else the weakest lately (of the family named, if one is), else, with no
 * history of that family, its heaviest criterion.
 */
export function chooseTarget(
  catalog: readonly LoadedScenario[],
  progress: Progress,
  asked: { criterion?: string; family?: string },
  usage: string,
): DrillTarget {
  const all = criteriaByFamily(catalog);
  const { criterion, family } = asked;
  if (family && !all.has(family))
    throw new UsageError(
      `--family: no rubric of the family "${family}"; the families are ${[...all.keys()].sort().join(', ')}\nusage: ${usage}`,
    );
  if (criterion) {
    // By its id, or by the title progress and the score card show ("Defines the metric").
    const idIn = (cs: NonNullable<ReturnType<typeof all.get>>) =>
      cs.has(criterion) ? criterion : [...cs].find(([, c]) => c.title.trim().toLowerCase() === criterion.trim().toLowerCase())?.[0];
    const families = [...all].filter(([f, cs]) => (!family || f === family) && idIn(cs) !== undefined).map(([f]) => f);
    if (!families.length) {
      const where = family ? [family] : [...all.keys()].sort();
      const known = where.map((f) => `${f}: ${[...all.get(f)!.keys()].join(', ')}`).join('; ');
      throw new UsageError(
        `--criterion: no criterion "${criterion}"${family ? ` in ${family}` : ''}; the criteria are ${known}\nusage: ${usage}`,
      );
    }
    if (families.length > 1)
      throw new UsageError(
        `--criterion: "${criterion}" is a criterion of ${families.join(' and ')}; say which with --family\nusage: ${usage}`,
      );
    const f = families[0]!;
    const id = idIn(all.get(f)!)!;
    return { criterion: id, family: f, title: all.get(f)!.get(id)!.title };
  }
  const weakest = progress.weakest.find((w) => (!family || w.family === family) && all.get(w.family)?.has(w.id));
  if (weakest) return { criterion: weakest.id, family: weakest.family, title: weakest.title };
  if (!family)
    throw new UsageError(
      `no interview graded yet to find your weakest criterion; name one with --criterion <id> --family <family>, or run an interview first\nusage: ${usage}`,
    );
  const [id, c] = [...all.get(family)!].sort((a, b) => b[1].weight - a[1].weight)[0]!;
  return { criterion: id, family, title: c.title };
}

/**
 * A question whose rubric has the criterion: one with a follow-up on it first, then the one asked
 * least recently (never asked first), then in catalog order.
 */
export function chooseQuestion(
  catalog: readonly LoadedScenario[],
  sessions: readonly Session[],
  target: DrillTarget,
): { from: LoadedScenario; question: Question } {
  const lastAsked = new Map<string, string>();
  for (const s of sessions)
    for (const t of s.turns)
      if (t.kind === 'question') {
        const key = `${s.scenario.id}\u0000${t.questionId}`;
        if ((lastAsked.get(key) ?? '') < t.at) lastAsked.set(key, t.at);
      }
  const candidates = catalog.flatMap((from, order) =>
    from.scenario.questions.flatMap((question, q) => {
      const rubric = from.rubrics[question.id];
      if (rubric?.family !== target.family || !rubric.criteria.some((c) => c.id === target.criterion)) return [];
      const probes = question.followUps.some((f) => f.targets.includes(target.criterion));
      return [{ from, question, probes, last: lastAsked.get(`${from.scenario.id}\u0000${question.id}`) ?? '', order: order * 1000 + q }];
    }),
  );
  const best = candidates.sort(
    (a, b) => Number(b.probes) - Number(a.probes) || (a.last < b.last ? -1 : a.last > b.last ? 1 : 0) || a.order - b.order,
  )[0];
  if (!best) throw new UsageError(`no question of any scenario is graded on "${target.criterion}" (${target.family})`);
  return { from: best.from, question: best.question };
}

/**
 * The scenario with only the drilled question, its follow-ups on the criterion first, and the words of
 * the earlier question it builds on, when it names one.
 */
export function narrowTo(loaded: LoadedScenario, questionId: string, criterion: string): LoadedScenario {
  const question = loaded.scenario.questions.find((q) => q.id === questionId);
  if (!question) throw new UsageError(`the drilled question "${questionId}" is no longer in ${loaded.scenario.id}`);
  const on = (f: Question['followUps'][number]) => (f.targets.includes(criterion) ? 0 : 1);
  const followUps = [...question.followUps].sort((a, b) => on(a) - on(b));
  const follows = loaded.scenario.questions.find((q) => q.id === question.follows)?.prompt;
  return { ...loaded, scenario: { ...loaded.scenario, questions: [{ ...question, followUps }] }, ...(follows ? { follows } : {}) };
}
