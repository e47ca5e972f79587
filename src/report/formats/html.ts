// HTML: one self-contained page, drawn at the end from every transcript kept.
import type { Delivery } from '../../delivery/delivery.js';
import { deliveryLines } from '../delivery.js';
import type { Failure } from '../graded.js';
import { isRoleLabel } from '../../transcripts/labels.js';
import { UNKNOWN_SPEAKER } from '../../transcripts/types.js';
import { failureSource, sourceOf, summaryLine, type Kept, type OutputFormat, type Summary } from '../output.js';
import { firstQuote, notGraded, ratio, remarks, weakest, whyNotGraded } from '../view.js';

const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
/** A question as a row shows it; the evidence quoted beside it. */
const prompt = (s: string) => cut(s, 140);
const quote = (s: string) => cut(s, 200);

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function heatColour(ratio: number): string {
  // red (0) → amber → green (1)
  return `hsl(${Math.round(ratio * 120)}, 65%, ${78 - Math.round(ratio * 18)}%)`;
}

function distribution(totals: readonly number[]): string {
  const bins = Array.from({ length: 10 }, () => 0);
  for (const t of totals) bins[Math.min(9, Math.floor(t / 10))]!++;
  const max = Math.max(1, ...bins);
  const w = 480;
  const h = 160;
  const bw = w / bins.length;
  const bars = bins
    .map((n, i) => {
      const bh = Math.round((n / max) * (h - 44)); // room above the tallest bar for its count
      return `<rect x="${i * bw + 4}" y="${h - 20 - bh}" width="${bw - 8}" height="${bh}" fill="${heatColour(i / 9)}"><title>${i * 10}–${i * 10 + 9}: ${n}</title></rect><text x="${i * bw + bw / 2}" y="${h - 5}" font-size="10" text-anchor="middle">${i * 10}</text><text x="${i * bw + bw / 2}" y="${h - 24 - bh}" font-size="10" text-anchor="middle">${n || ''}</text>`;
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Distribution of answer scores" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">${bars}</svg>`;
}

/** A timed answer's delivery under its row, in the score card's words and layout. */
function deliveryRow(d: Delivery): string {
  return `<tr class="delivery"><td></td><td colspan="5"><pre>${escapeHtml(deliveryLines(d).join('\n'))}</pre></td></tr>`;
}

/**
 * Whom a transcript's answers are grouped under: the candidate by name, or, where the transcript names
 * only a role ("Candidate" in a chat log, "Speaker 2", "Guest", "Unknown"), by where the transcript is:
 * two transcripts that say the same role are not one person.
 */
const personOf = (r: Kept) =>
  isRoleLabel(r.candidate) || r.candidate === UNKNOWN_SPEAKER
    ? `${r.candidate} (${sourceOf(r)}${r.conversation > 1 ? ` #${r.conversation}` : ''})`
    : r.candidate;

export function html(rows: readonly Kept[], failures: readonly Failure[], summary: Summary): string {
  const byCandidate = new Map<string, Kept[]>();
  for (const r of rows) {
    const who = personOf(r);
    byCandidate.set(who, [...(byCandidate.get(who) ?? []), r]);
  }
  // Numbers in order: conversation #2 before #10.
  const candidates = [...byCandidate.keys()].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const titles = [...new Set(rows.flatMap((r) => r.answers.flatMap((a) => a.criteria.map((c) => c.title))))].sort();
  const heat = titles
    .map((title) => {
      const cells = candidates.map((cand) => {
        const xs = byCandidate.get(cand)!.flatMap((r) => r.answers.flatMap((a) => a.criteria.filter((c) => c.title === title).map(ratio)));
        if (!xs.length) return '<td class="na">—</td>';
        const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
        return `<td style="background:${heatColour(mean)}">${Math.round(mean * 100)}%</td>`;
      });
      return `<tr><th scope="row">${escapeHtml(title)}</th>${cells.join('')}</tr>`;
    })
    .join('\n');
  const tables = candidates
    .map((cand) => {
      const body = byCandidate
        .get(cand)!
        .flatMap((r) => {
          const file = `<td>${escapeHtml(sourceOf(r))}${r.conversation > 1 ? ` #${r.conversation}` : ''}</td>`;
          return [
            ...r.answers.map((a) => {
              const q = firstQuote(a);
              return `<tr>${file}<td>${escapeHtml(prompt(a.prompt))}</td><td class="num">${a.total}</td><td>${escapeHtml(a.band)}</td><td>${escapeHtml(weakest(a)?.title ?? '—')}</td><td class="quote">${q ? `“${escapeHtml(quote(q))}”` : ''}</td></tr>${remarks(
                a,
              )
                .map((text) => `\n<tr class="remark"><td></td><td colspan="5">${escapeHtml(text)}</td></tr>`)
                .join('')}${a.delivery ? `\n${deliveryRow(a.delivery)}` : ''}`;
            }),
            ...notGraded(r).map(
              (n) =>
                `<tr class="ungraded">${file}<td>${escapeHtml(prompt(n.prompt))}</td><td class="num">—</td><td>not graded</td><td colspan="2">${escapeHtml(whyNotGraded(n))}</td></tr>`,
            ),
          ];
        })
        .join('\n');
      return `<section><h2>${escapeHtml(cand)}</h2><table><thead><tr><th>File</th><th>Question</th><th>Score</th><th>Band</th><th>Weakest criterion</th><th>Evidence</th></tr></thead><tbody>\n${body}\n</tbody></table></section>`;
    })
    .join('\n');
  const failed = failures.length
    ? `<section><h2>Files that could not be graded</h2><ul>${failures.map((f) => `<li>${escapeHtml(failureSource(f))} — ${escapeHtml(f.reason)}</li>`).join('')}</ul></section>`
    : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Interview grades</title>
<style>
body{font-family:system-ui,sans-serif;margin:2rem;color:#1d1d1f;max-width:70rem}
table{border-collapse:collapse;margin:.5rem 0 1.5rem;width:100%}
th,td{border:1px solid #d0d0d5;padding:.3rem .5rem;text-align:left;vertical-align:top;font-size:.9rem}
td.num{text-align:right}td.quote{color:#444;font-style:italic}td.na{color:#999;text-align:center}
.heat td{text-align:center}tr.ungraded td{color:#6b6b70}
tr.delivery td,tr.remark td{border-top:none;color:#444}tr.delivery pre{margin:0;font-size:.85rem;white-space:pre-wrap}
</style>
</head>
<body>
<h1>Interview grades</h1>
<p>${escapeHtml(summaryLine(summary))}.</p>
<h2>Score distribution</h2>
${distribution(rows.flatMap((r) => r.answers.map((a) => a.total)))}
<h2>Criteria by candidate</h2>
<table class="heat"><thead><tr><th>Criterion</th>${candidates.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('')}</tr></thead><tbody>
${heat}
</tbody></table>
${tables}
${failed}
</body>
</html>
`;
}

export const htmlFormat: OutputFormat = {
  head: () => '',
  render: () => [],
  keepsRows: true,
  tail: ({ rows, failures, summary }) => html(rows, failures, summary),
};
