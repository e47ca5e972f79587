// `rehearse progress` on the terminal: the sessions, a line per criterion with a sparkline of its
// level across them, and what to work on. Plain characters, no colour, at most 80 columns.
import { recentShare, type CriterionProgress, type Progress, type ProgressSession } from './progress.js';

/** The widest line drawn: a terminal of 80 columns shows every line whole. */
export const PROGRESS_WIDTH = 80;
/** Eight heights, lowest first: a level's share of the top level, 0 to 1. */
const BARS = '▁▂▃▄▅▆▇█';
/** At most this many sessions are drawn in a sparkline: the latest ones; the history itself is kept whole. */
const SPARK_POINTS = 24;
/** At most this many sessions are listed one per line; older ones are counted. */
const LISTED_SESSIONS = 12;

const TRENDS: Record<CriterionProgress['trend'], string> = {
  improving: '↑ improving',
  steady: '→ steady',
  declining: '↓ declining',
  new: '· once',
};

/** Shares of the top level as a row of bars, one per session. */
export function sparkline(shares: readonly number[]): string {
  return shares
    .slice(-SPARK_POINTS)
    .map((s) => BARS[Math.max(0, Math.min(BARS.length - 1, Math.round(s * (BARS.length - 1))))]!)
    .join('');
}

/** A text cut to `width` characters, ending in "…" when cut. */
function fit(text: string, width: number): string {
  const chars = [...text];
  return chars.length <= width ? text.padEnd(width) : `${chars.slice(0, width - 1).join('')}…`;
}

const day = (iso: string) => iso.slice(0, 16).replace('T', ' ');

function sessionLine(s: ProgressSession): string {
  // As `sessions` shows it: an unfinished interview's mean of the questions it reached does not compare with a total.
  const total = s.total === undefined || !s.finished ? '  —' : String(s.total).padStart(3);
  return `  ${day(s.date)}  ${fit(s.scenario, 12)} ${s.kind.padEnd(9)} ${total}  ${s.finished ? 'finished' : 'unfinished'}`;
}

/** `filter` says in words what the sessions were chosen by ("of scenario fintech since 2026-01-01"), when they were. */
export function progressText(p: Progress, where: string, filter?: string): string[] {
  if (!p.sessions.length && filter) return [`No interviews or drills ${filter} in ${where}.`];
  if (!p.sessions.length) return [`No interviews or drills yet in ${where}.`, 'Start one with: rehearse interview'];
  const lines: string[] = [];
  const interviews = p.sessions.filter((s) => s.kind === 'interview').length;
  const drills = p.sessions.length - interviews;
  // The trend of whole interviews, finished: a drill's total is one question's, on one criterion, and
  // an unfinished interview's is of the questions it reached.
  const totals = p.sessions.flatMap((s) => (s.kind !== 'interview' || !s.finished || s.total === undefined ? [] : [s.total]));
  lines.push(`${p.sessions.length} session(s): ${interviews} interview(s), ${drills} drill(s), since ${p.sessions[0]!.date.slice(0, 10)}`);
  if (totals.length)
    lines.push(
      `Finished interviews  ${sparkline(totals.map((t) => t / 100))}  first ${totals[0]}, latest ${totals[totals.length - 1]} of 100`,
    );
  lines.push('');
  const older = p.sessions.length - LISTED_SESSIONS;
  if (older > 0) lines.push(`  … ${older} older session(s)`);
  for (const s of p.sessions.slice(-LISTED_SESSIONS)) lines.push(sessionLine(s));

  // A criterion line: title, sparkline, latest level, trend. The title takes what the rest leaves.
  const sparkWidth = Math.min(SPARK_POINTS, Math.max(1, ...p.criteria.map((c) => c.history.length)));
  const tail = 2 + sparkWidth + 2 + 5 + 2 + 12;
  const titleWidth = PROGRESS_WIDTH - 2 - tail;
  let family = '';
  for (const c of p.criteria) {
    if (c.family !== family) {
      family = c.family;
      lines.push('', `${family}`);
    }
    const last = c.history[c.history.length - 1]!;
    const spark = sparkline(c.history.map((h) => (h.maxLevel ? h.level / h.maxLevel : 0))).padEnd(sparkWidth);
    const level = `${last.level}/${last.maxLevel}`.padStart(5);
    lines.push(`  ${fit(c.title, titleWidth)}  ${spark}  ${level}  ${TRENDS[c.trend]}`.trimEnd());
  }

  lines.push('');
  if (!p.weakest.length) lines.push('Every criterion graded lately is at its top level.');
  else {
    lines.push('Work on next (weakest in recent sessions):');
    p.weakest.forEach((w, i) => {
      const c = p.criteria.find((x) => x.id === w.id && x.family === w.family)!;
      const share = Math.round(recentShare(c.history) * 100);
      lines.push(`  ${i + 1}. ${fit(`${w.title} (${w.family})`, PROGRESS_WIDTH - 30).trimEnd()}: ${share}% of the top level`);
    });
  }
  return lines;
}
