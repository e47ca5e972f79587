// Progress over time: every interview and drill in order, each criterion's level across them, its
// trend, and the criteria that hold the candidate back now. Data in, data out; the command reads
// the sessions and draws the result.
import type { Session } from '../interview/session.js';

export type SessionKind = 'interview' | 'drill';
export type Trend = 'improving' | 'steady' | 'declining' | 'new';

export interface ProgressSession {
  id: string;
  /** When it started (ISO 8601). */
  date: string;
  scenario: string;
  kind: SessionKind;
  /** The mean of its questions' totals; absent when no answer was graded. */
  total?: number;
  finished: boolean;
}

export interface CriterionProgress {
  id: string;
  title: string;
  family: string;
  /** One entry per session that graded the criterion (for a drill, only its drilled one), oldest first: the level of its last answer there. */
  history: { session: string; level: number; maxLevel: number }[];
  trend: Trend;
}

export interface Progress {
  sessions: ProgressSession[];
  criteria: CriterionProgress[];
  /** Weakest first, judged on each criterion's recent sessions; criteria at their top level are not listed. */
  weakest: { id: string; title: string; family: string }[];
}

/** The family of the rubric a session's question was graded by; the rubric id when it cannot be found. */
export type FamilyOf = (scenario: string, questionId: string, rubricId: string) => string;

/** How many of a criterion's latest sessions say where it stands now, and how many the trend compares them with. */
export const RECENT_SESSIONS = 3;
/** A change in the share of the top level smaller than this is no trend: one level of a three-level criterion is 0.33. */
const TREND_STEP = 0.2;
/** How many criteria `weakest` names: a drill works on one, and a list longer than a few is no focus. */
const WEAKEST = 3;

/** `since` is a date (or time) in ISO 8601; sessions that started before it are left out. */
export function progressOf(sessions: readonly Session[], familyOf: FamilyOf, filter: { scenario?: string; since?: string } = {}): Progress {
  const chosen = sessions
    .filter((s) => (!filter.scenario || s.scenario.id === filter.scenario) && (!filter.since || s.createdAt >= filter.since))
    .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1));

  const byKey = new Map<string, CriterionProgress>();
  const out: ProgressSession[] = [];
  for (const s of chosen) {
    const scores = Object.entries(s.scores);
    const total = scores.length ? Math.round(scores.reduce((sum, [, x]) => sum + x.total, 0) / scores.length) : undefined;
    out.push({
      id: s.id,
      date: s.createdAt,
      scenario: s.scenario.id,
      kind: s.kind ?? 'interview',
      ...(total === undefined ? {} : { total }),
      finished: s.status === 'finished',
    });
    // In the order the answers were graded, so a criterion asked twice in one session keeps its last level.
    const levels = new Map<string, { level: number; maxLevel: number }>();
    for (const [questionId, score] of scores) {
      const family = familyOf(s.scenario.id, questionId, score.rubricId);
      for (const c of score.criteria) {
        // A drill works on one criterion: the others its answers happen to be graded on were not practised.
        if (s.drill && (c.id !== s.drill.criterion || family !== s.drill.family)) continue;
        const key = `${family}\u0000${c.id}`;
        if (!byKey.has(key)) byKey.set(key, { id: c.id, title: c.title, family, history: [], trend: 'new' });
        byKey.get(key)!.title = c.title;
        levels.set(key, { level: c.level, maxLevel: c.maxLevel });
      }
    }
    for (const [key, l] of levels) byKey.get(key)!.history.push({ session: s.id, ...l });
  }

  const criteria = [...byKey.values()].sort((a, b) => a.family.localeCompare(b.family) || firstSeen(a, out) - firstSeen(b, out));
  for (const c of criteria) c.trend = trendOf(c.history);
  const weakest = criteria
    .map((c) => ({ c, now: recentShare(c.history), last: share(c.history[c.history.length - 1]!) }))
    .filter((x) => x.now < 1)
    .sort((a, b) => a.now - b.now || a.last - b.last || b.c.history.length - a.c.history.length || a.c.family.localeCompare(b.c.family))
    .slice(0, WEAKEST)
    .map(({ c }) => ({ id: c.id, title: c.title, family: c.family }));
  return { sessions: out, criteria, weakest };
}

const share = (h: { level: number; maxLevel: number }) => (h.maxLevel > 0 ? h.level / h.maxLevel : 0);
const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** The mean share of the top level over a criterion's latest sessions. */
export function recentShare(history: readonly { level: number; maxLevel: number }[]): number {
  return mean(history.slice(-RECENT_SESSIONS).map(share));
}

/** The latest sessions against the ones before them: a change of a fifth of the scale or more is a trend. */
export function trendOf(history: readonly { level: number; maxLevel: number }[]): Trend {
  if (history.length < 2) return 'new';
  const recent = Math.min(RECENT_SESSIONS, history.length - 1);
  const now = mean(history.slice(-recent).map(share));
  const before = mean(history.slice(-recent - RECENT_SESSIONS, -recent).map(share));
  if (now - before >= TREND_STEP) return 'improving';
  if (before - now >= TREND_STEP) return 'declining';
  return 'steady';
}

function firstSeen(c: CriterionProgress, sessions: readonly ProgressSession[]): number {
  const first = c.history[0]?.session;
  return sessions.findIndex((s) => s.id === first);
}
