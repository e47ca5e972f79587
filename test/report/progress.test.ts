// Progress over sessions, worked out from saved sessions: order, filters, each criterion's history,
// its trend and the weakest criteria now.
import { describe, expect, it } from 'vitest';
import type { Session } from '../../src/interview/session.js';
import { progressOf, trendOf } from '../../src/report/progress.js';
import { PROGRESS_WIDTH, progressText, sparkline } from '../../src/report/progress-text.js';
import { progressHtml } from '../../src/report/progress-html.js';

type Levels = Record<string, [number, number]>;
/** A saved session with only what progress reads: its scenario, dates, status and each question's criteria. */
function session(id: string, createdAt: string, questions: Record<string, { total: number; levels: Levels }>, more: Partial<Session> = {}) {
  const scores = Object.fromEntries(
    Object.entries(questions).map(([q, { total, levels }]) => [
      q,
      {
        rubricId: `${q}-rubric`,
        total,
        criteria: Object.entries(levels).map(([id, [level, maxLevel]]) => ({ id, title: `The ${id} criterion`, level, maxLevel })),
      },
    ]),
  );
  return {
    id,
    createdAt,
    updatedAt: createdAt,
    scenario: { id: 'fintech', title: 'Fintech' },
    status: 'finished',
    scores,
    ...more,
  } as unknown as Session;
}
const families: Record<string, string> = { 'north-star': 'kpi', guardrails: 'metrics' };
const familyOf = (_: string, q: string, rubric: string) => families[q] ?? rubric;

describe('progress over saved sessions', () => {
  const sessions = [
    session('c', '2026-03-03T10:00:00.000Z', { 'north-star': { total: 70, levels: { choice: [3, 3], definition: [1, 2] } } }),
    session('a', '2026-03-01T10:00:00.000Z', {
      'north-star': { total: 30, levels: { choice: [1, 3], definition: [1, 2] } },
      guardrails: { total: 40, levels: { guardrails: [1, 3] } },
    }),
    session(
      'b',
      '2026-03-02T10:00:00.000Z',
      { 'north-star': { total: 50, levels: { choice: [2, 3], definition: [2, 2] } } },
      { status: 'in-progress' },
    ),
    session('d', '2026-03-04T10:00:00.000Z', {}, { status: 'quit', kind: 'drill' }),
  ];
  const p = progressOf(sessions, familyOf);

  it('lists every session oldest first, with its kind, total and whether it finished', () => {
    expect(p.sessions).toEqual([
      { id: 'a', date: '2026-03-01T10:00:00.000Z', scenario: 'fintech', kind: 'interview', total: 35, finished: true },
      { id: 'b', date: '2026-03-02T10:00:00.000Z', scenario: 'fintech', kind: 'interview', total: 50, finished: false },
      { id: 'c', date: '2026-03-03T10:00:00.000Z', scenario: 'fintech', kind: 'interview', total: 70, finished: true },
      { id: 'd', date: '2026-03-04T10:00:00.000Z', scenario: 'fintech', kind: 'drill', finished: false },
    ]);
  });

  it("keeps each criterion's level per session under its family, with its trend", () => {
    const choice = p.criteria.find((c) => c.id === 'choice')!;
    expect(choice).toMatchObject({ family: 'kpi', trend: 'improving' });
    expect(choice.history).toEqual([
      { session: 'a', level: 1, maxLevel: 3 },
      { session: 'b', level: 2, maxLevel: 3 },
      { session: 'c', level: 3, maxLevel: 3 },
    ]);
    expect(p.criteria.find((c) => c.id === 'guardrails')).toMatchObject({ family: 'metrics', trend: 'new' });
    expect(p.criteria.map((c) => c.family)).toEqual(['kpi', 'kpi', 'metrics']);
  });

  it('names the weakest criteria on recent sessions, weakest first, and never one at its top level', () => {
    expect(p.weakest.map((w) => w.id)).toEqual(['guardrails', 'definition', 'choice']);
    const allTop = progressOf(
      [session('x', '2026-01-01T00:00:00Z', { 'north-star': { total: 90, levels: { choice: [3, 3] } } })],
      familyOf,
    );
    expect(allTop.weakest).toEqual([]);
  });

  it('a drill adds only its drilled criterion to the history, and its total stays off the interviews’ line', () => {
    const drill = session(
      'e',
      '2026-03-05T10:00:00.000Z',
      { 'north-star': { total: 95, levels: { choice: [0, 3], definition: [2, 2] } } },
      { kind: 'drill', drill: { criterion: 'definition', family: 'kpi', questionId: 'north-star' } },
    );
    const q = progressOf([...sessions, drill], familyOf);
    const of = (id: string) => q.criteria.find((c) => c.id === id && c.family === 'kpi')!.history.map((h) => h.session);
    expect(of('definition')).toEqual(['a', 'b', 'c', 'e']);
    expect(of('choice')).toEqual(['a', 'b', 'c']);
    const text = progressText(q, 'here').join('\n');
    expect(text).toContain('Finished interviews');
    expect(text).toMatch(/first 35, latest 70 of 100/u);
  });

  it('the interviews’ line charts finished interviews: an unfinished one’s total is of the questions it reached', () => {
    const unfinished = session(
      'f',
      '2026-03-06T10:00:00.000Z',
      { 'north-star': { total: 99, levels: { choice: [3, 3] } } },
      { status: 'quit' },
    );
    const text = progressText(progressOf([...sessions, unfinished], familyOf), 'here').join('\n');
    expect(text).toMatch(/Finished interviews +\S+ +first 35, latest 70 of 100/u);
    // As `sessions` shows it: no total beside an unfinished interview (its mean is of the questions it reached).
    expect(text).toMatch(/ +— +unfinished/u);
    expect(text).not.toMatch(/ 99 /u);
    // The page's table says the same; its chart marks the partial total as a hollow point, labelled unfinished.
    const page = progressHtml(progressOf([...sessions, unfinished], familyOf));
    expect(page).toMatch(/<td>interview<\/td><td>—<\/td><td>unfinished<\/td>/u);
    expect(page).not.toMatch(/<td>99<\/td>/u);
  });

  it('says what it was asked for when no session matches it, not that there are none', () => {
    const none = progressOf(sessions, familyOf, { scenario: 'saas' });
    expect(progressText(none, 'here', 'of scenario "saas"')).toEqual(['No interviews or drills of scenario "saas" in here.']);
    expect(progressText(none, 'here').join('\n')).toMatch(/yet in here[^]*rehearse interview/u);
  });

  it('filters by scenario and by date', () => {
    expect(progressOf(sessions, familyOf, { since: '2026-03-02T00:00:00.000Z' }).sessions.map((s) => s.id)).toEqual(['b', 'c', 'd']);
    expect(progressOf(sessions, familyOf, { scenario: 'saas' }).sessions).toEqual([]);
  });

  it('reads a trend from the latest sessions against the ones before, not from one step', () => {
    const h = (...levels: number[]) => levels.map((level) => ({ level, maxLevel: 3 }));
    expect(trendOf(h(1))).toBe('new');
    expect(trendOf(h(0, 3))).toBe('improving');
    expect(trendOf(h(3, 3, 3, 0, 0, 0))).toBe('declining');
    expect(trendOf(h(1, 2, 1, 2, 1, 2))).toBe('steady');
  });

  it('draws at most 80 columns, a bar per session, and says what to work on', () => {
    const lines = progressText(p, '/data/sessions');
    for (const l of lines) expect([...l].length).toBeLessThanOrEqual(PROGRESS_WIDTH);
    expect(sparkline([0, 0.5, 1])).toBe('▁▅█');
    expect(lines.join('\n')).toMatch(/The choice criterion\s+▃▆█\s+3\/3 {2}↑ improving/u);
    expect(lines.join('\n')).toContain('1. The guardrails criterion (metrics): 33% of the top level');
    const long = progressOf(
      [session('l', '2026-01-01T00:00:00Z', { 'north-star': { total: 10, levels: { ['x'.repeat(120)]: [0, 2] } } })],
      familyOf,
    );
    for (const l of progressText(long, '/data')) expect([...l].length).toBeLessThanOrEqual(PROGRESS_WIDTH);
  });
});
