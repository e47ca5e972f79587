// Scores and sessions built by hand for report and store tests: every number is the test's own.
import { newSession, type Session, type Turn } from '../../src/interview/session.js';
import { bandOf } from '../../src/scoring/score.js';
import { Score, type CriterionScore, type Evidence, type Improvement } from '../../src/scoring/types.js';

export function evidence(quote: string, over: Partial<Evidence> = {}): Evidence {
  return { signal: 'metric_any', turn: 0, start: 0, end: quote.length, quote, match: quote, ...over };
}

export function criterion(title: string, level: number, maxLevel: number, over: Partial<CriterionScore> = {}): CriterionScore {
  return {
    id: title.toLowerCase().replace(/[^a-z]+/g, '_'),
    title,
    weight: 10,
    level,
    maxLevel,
    bar: 1,
    meetsBar: level >= 1,
    anchor: `Level ${level} of ${title.toLowerCase()}.`,
    evidence: [],
    missing: level < maxLevel ? [`reach level ${level + 1} of ${title.toLowerCase()}`] : [],
    ...over,
  };
}

/** A valid score (checked by its schema) with the total's band, and whatever the test sets. */
export function aScore(total: number, over: Partial<Score> & { improvements?: Improvement[]; summary?: string } = {}): Score {
  const { improvements = [], summary = `Summary of a ${total}.`, ...rest } = over;
  return Score.parse({
    scorerVersion: '9.9.9',
    rubricId: 'kpi',
    rubricHash: '0123456789abcdef0123',
    total,
    band: bandOf(total),
    criteria: [],
    antiPatterns: [],
    words: 42,
    flags: { listOnly: false, graderDirected: [] },
    feedback: { summary, strengths: [], gaps: [], improvements },
    ...rest,
  });
}

const AT = '2026-03-01T09:00:00.000Z';

export function aSession(over: Partial<Session> = {}): Session {
  return { ...newSession({ id: 'report-test', scenario: { id: 'shedshare', title: 'Shedshare' }, mode: 'practice', at: AT }), ...over };
}

export function turn(t: Partial<Turn> & Pick<Turn, 'role' | 'kind' | 'questionId' | 'text'>): Turn {
  return { at: AT, ...t };
}
