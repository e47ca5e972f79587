// `rehearse progress --html FILE`: one self-contained page, no scripts, with SVG charts: the total
// across sessions, and each criterion's level across the sessions that graded it.
import { escapeHtml } from './formats/html.js';
import { recentShare, type CriterionProgress, type Progress } from './progress.js';

const CHART_W = 560;
const CHART_H = 160;
const SMALL_W = 220;
const SMALL_H = 44;

/**
 * The interviews' totals as a line over them, with a dot per interview and the band lines behind it. A
 * drill's total is one question's, worked on one criterion: it is no point on the same line.
 */
function totalsChart(p: Progress): string {
  const interviews = p.sessions.filter((s) => s.kind === 'interview');
  const points = interviews.flatMap((s, i) => (s.total === undefined ? [] : [{ i, total: s.total, s }]));
  if (!points.length) return '<p>No interview answer has been graded yet.</p>';
  const n = Math.max(1, interviews.length - 1);
  const x = (i: number) => 30 + (i / n) * (CHART_W - 50);
  const y = (t: number) => CHART_H - 20 - (t / 100) * (CHART_H - 40);
  const grid = [0, 20, 45, 70, 100]
    .map(
      (t) =>
        `<line x1="30" x2="${CHART_W - 20}" y1="${y(t)}" y2="${y(t)}" stroke="#ddd"/><text x="4" y="${y(t) + 4}" font-size="10">${t}</text>`,
    )
    .join('');
  const line = points.map((q) => `${x(q.i).toFixed(1)},${y(q.total).toFixed(1)}`).join(' ');
  const dots = points
    .map(
      (q) =>
        `<circle cx="${x(q.i).toFixed(1)}" cy="${y(q.total).toFixed(1)}" r="4" fill="${q.s.finished ? '#2b6cb0' : '#fff'}" stroke="#2b6cb0"><title>${escapeHtml(`${q.s.date.slice(0, 10)} ${q.s.scenario} ${q.s.kind}: ${q.total}${q.s.finished ? '' : ' (unfinished)'}`)}</title></circle>`,
    )
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Total per interview" width="${CHART_W}" height="${CHART_H}" viewBox="0 0 ${CHART_W} ${CHART_H}">${grid}<polyline points="${line}" fill="none" stroke="#2b6cb0" stroke-width="2"/>${dots}</svg>`;
}

/** One bar per session that graded the criterion, as tall as its level's share of the top level. */
function criterionChart(c: CriterionProgress): string {
  const bw = SMALL_W / Math.max(6, c.history.length);
  const bars = c.history
    .map((h, i) => {
      const share = h.maxLevel ? h.level / h.maxLevel : 0;
      const bh = Math.max(2, Math.round(share * (SMALL_H - 4)));
      return `<rect x="${(i * bw + 1).toFixed(1)}" y="${SMALL_H - bh}" width="${(bw - 2).toFixed(1)}" height="${bh}" fill="hsl(${Math.round(share * 120)}, 60%, 50%)"><title>${escapeHtml(`${h.session}: ${h.level}/${h.maxLevel}`)}</title></rect>`;
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeHtml(`${c.title} per session`)}" width="${SMALL_W}" height="${SMALL_H}" viewBox="0 0 ${SMALL_W} ${SMALL_H}">${bars}</svg>`;
}

export function progressHtml(p: Progress): string {
  const families = [...new Set(p.criteria.map((c) => c.family))];
  const rows = families
    .map((f) => {
      const body = p.criteria
        .filter((c) => c.family === f)
        .map((c) => {
          const last = c.history[c.history.length - 1]!;
          return `<tr><th scope="row">${escapeHtml(c.title)}</th><td>${criterionChart(c)}</td><td>${last.level}/${last.maxLevel}</td><td>${c.trend}</td></tr>`;
        })
        .join('\n');
      return `<h3>${escapeHtml(f)}</h3>\n<table><thead><tr><th>Criterion</th><th>Level per session</th><th>Latest</th><th>Trend</th></tr></thead><tbody>\n${body}\n</tbody></table>`;
    })
    .join('\n');
  const sessions = p.sessions
    .map(
      (s) =>
        `<tr><td>${escapeHtml(s.date.slice(0, 16).replace('T', ' '))}</td><td>${escapeHtml(s.scenario)}</td><td>${s.kind}</td><td>${s.finished && s.total !== undefined ? s.total : '—'}</td><td>${s.finished ? 'finished' : 'unfinished'}</td></tr>`,
    )
    .join('\n');
  const weakest = p.weakest.length
    ? `<ol>${p.weakest
        .map((w) => {
          const c = p.criteria.find((x) => x.id === w.id && x.family === w.family)!;
          return `<li>${escapeHtml(w.title)} (${escapeHtml(w.family)}): ${Math.round(recentShare(c.history) * 100)}% of the top level lately</li>`;
        })
        .join('')}</ol>`
    : '<p>Every criterion graded lately is at its top level.</p>';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>rehearse progress</title>
<style>body{font:14px/1.4 system-ui,sans-serif;margin:2em;max-width:60em}table{border-collapse:collapse;margin-bottom:1em}th,td{border-bottom:1px solid #eee;padding:4px 8px;text-align:left;vertical-align:middle}</style>
</head><body>
<h1>Progress</h1>
<p>${p.sessions.length} session(s)${p.sessions.length ? ` since ${escapeHtml(p.sessions[0]!.date.slice(0, 10))}` : ''}.</p>
<h2>Total per interview</h2>
${totalsChart(p)}
<h2>Work on next</h2>
${weakest}
<h2>By criterion</h2>
${rows || '<p>No criterion graded yet.</p>'}
<h2>Sessions</h2>
<table><thead><tr><th>Started</th><th>Scenario</th><th>Kind</th><th>Total</th><th>Status</th></tr></thead><tbody>
${sessions}
</tbody></table>
</body></html>
`;
}
