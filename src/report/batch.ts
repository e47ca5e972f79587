// Batch results rendered as they stream: JSON, CSV and Markdown a transcript at a time; the
// terminal table and the HTML page from compact rows kept to the end.
import type { Failure, GradedTranscript } from './graded.js';
import { bandOf } from '../scoring/score.js';

export type BatchFormat = 'table' | 'json' | 'csv' | 'md' | 'html';

/** What is kept of a transcript until the end, for the table and the HTML page. */
export interface Compact {
  file: string;
  conversation: number;
  candidate: string;
  total: number;
  answers: {
    question: string;
    prompt: string;
    total: number;
    band: string;
    criteria: { title: string; ratio: number }[];
    weakest?: string;
    quote?: string;
  }[];
}

export function compact(t: GradedTranscript): Compact {
  return {
    file: t.file,
    conversation: t.conversation,
    candidate: t.candidate,
    total: t.total,
    answers: t.answers.map((a) => {
      const weakest = [...a.criteria].sort((x, y) => x.level / x.maxLevel - y.level / y.maxLevel)[0];
      const quote = a.criteria.flatMap((c) => c.evidence)[0]?.quote;
      return {
        question: a.question,
        prompt: a.prompt.length > 140 ? `${a.prompt.slice(0, 139)}…` : a.prompt,
        total: a.total,
        band: a.band,
        criteria: a.criteria.map((c) => ({ title: c.title, ratio: c.level / c.maxLevel })),
        ...(weakest && weakest.level < weakest.maxLevel ? { weakest: weakest.title } : {}),
        ...(quote ? { quote: quote.length > 200 ? `${quote.slice(0, 199)}…` : quote } : {}),
      };
    }),
  };
}

export interface Summary {
  files: number;
  transcripts: number;
  answers: number;
  failures: number;
  meanAnswer: number;
}

/** The summary from the running counts of a batch: it never needs the rows themselves. */
export function summarise(counts: { files: number; transcripts: number; answers: number; points: number; failures: number }): Summary {
  const { files, transcripts, answers, points, failures } = counts;
  return { files, transcripts, answers, failures, meanAnswer: answers ? Math.round(points / answers) : 0 };
}

// ---- JSON: {"transcripts": [...], "failures": [...], "summary": {...}} ----

export const jsonHead = () => '{\n  "transcripts": [';
/** One transcript as it stands in the array: indented to its place. Made where it is graded. */
export const jsonText = (t: GradedTranscript) => JSON.stringify(t, null, 2).replace(/^/gm, '    ');
/** Places one transcript's text (from jsonText) in the array. */
export const jsonItem = (text: string, first: boolean) => `${first ? '\n' : ',\n'}${text}`;
export const jsonTail = (failures: readonly Failure[], summary: Summary) =>
  `\n  ],\n  "failures": ${JSON.stringify(failures, null, 2).replace(/\n/g, '\n  ')},\n  "summary": ${JSON.stringify(summary)}\n}\n`;

// ---- CSV: a row per answer ----

const csvCell = (v: string | number | undefined) => {
  const s = v === undefined ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export const CSV_COLUMNS = [
  'file',
  'conversation',
  'format',
  'interviewer',
  'candidate',
  'question',
  'question_id',
  'family',
  'matched_by',
  'line',
  'follow_ups',
  'total',
  'band',
  'criteria',
  'missing',
] as const;

export const csvHead = () => `${CSV_COLUMNS.join(',')}\n`;
export function csvRows(t: GradedTranscript): string {
  return t.answers
    .map((a) =>
      [
        t.file,
        t.conversation,
        t.format,
        t.interviewer,
        t.candidate,
        a.question,
        a.questionId,
        a.family,
        a.matchedBy,
        a.line,
        a.followUps,
        a.total,
        a.band,
        a.criteria.map((c) => `${c.id}=${c.level}/${c.maxLevel}`).join(' '),
        a.criteria.filter((c) => !c.meetsBar).map((c) => c.missing[0] ?? '').filter(Boolean).join('; '),
      ]
        .map(csvCell)
        .join(','),
    )
    .join('\n')
    .concat(t.answers.length ? '\n' : '');
}

// ---- Markdown: a section per transcript ----

const mdCell = (s: string) => s.replace(/\|/g, '\\|').replace(/\s+/g, ' ');

export const mdHead = () => '# Interview grades\n';
export function mdSection(t: GradedTranscript): string {
  const out = [``, `## ${mdCell(t.file)}${t.conversation > 1 ? ` (conversation ${t.conversation})` : ''} — ${mdCell(t.candidate)}`, ''];
  out.push(`Interviewer: ${mdCell(t.interviewer)} · format: ${t.format}${t.scenario ? ` · scenario: ${t.scenario}` : ''} · mean ${t.total}/100`, '');
  out.push('| Line | Question | Score | Band | Below the bar |', '|---|---|---|---|---|');
  for (const a of t.answers) {
    const below = a.criteria.filter((c) => !c.meetsBar).map((c) => c.title);
    out.push(`| ${a.line} | ${mdCell(a.prompt)} | ${a.total} | ${a.band} | ${mdCell(below.join(', ') || '—')} |`);
  }
  if (t.unaligned.length) {
    out.push('', 'Not graded:');
    for (const u of t.unaligned) out.push(`- line ${u.line}: “${mdCell(u.text)}” — ${u.reason}`);
  }
  return `${out.join('\n')}\n`;
}
export const mdTail = (failures: readonly Failure[], summary: Summary) => {
  const out = ['', '## Summary', '', `${summary.transcripts} transcript(s), ${summary.answers} answer(s), mean ${summary.meanAnswer}/100.`];
  if (failures.length) {
    out.push('', '## Files that could not be graded', '');
    for (const f of failures) out.push(`- ${mdCell(f.file)}${f.line ? `:${f.line}` : ''}: ${mdCell(f.reason)}`);
  }
  return `${out.join('\n')}\n`;
};

// ---- The terminal table ----

export function tableRows(c: Compact, width: number): string {
  const qWidth = Math.max(16, width - 46);
  return c.answers
    .map((a) => {
      const q = a.prompt.length > qWidth ? `${a.prompt.slice(0, qWidth - 1)}…` : a.prompt;
      const file = c.file.length > 24 ? `…${c.file.slice(-23)}` : c.file;
      return `${file.padEnd(24)} ${q.padEnd(qWidth)} ${String(a.total).padStart(3)} ${a.band}`;
    })
    .join('\n');
}
export const tableHead = (width: number) => `${'file'.padEnd(24)} ${'question'.padEnd(Math.max(16, width - 46))} ${'score'} band`;
export function tableTail(summary: Summary): string {
  return `\n${summary.transcripts} transcript(s), ${summary.answers} answer(s), mean ${summary.meanAnswer}/100 · ${bandOf(summary.meanAnswer)}${summary.failures ? ` · ${summary.failures} failure(s), listed above` : ''}`;
}

// ---- HTML: one self-contained page ----

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

export function html(rows: readonly Compact[], failures: readonly Failure[], summary: Summary): string {
  const byCandidate = new Map<string, Compact[]>();
  for (const r of rows) byCandidate.set(r.candidate, [...(byCandidate.get(r.candidate) ?? []), r]);
  const candidates = [...byCandidate.keys()].sort();
  const titles = [...new Set(rows.flatMap((r) => r.answers.flatMap((a) => a.criteria.map((c) => c.title))))].sort();
  const heat = titles
    .map((title) => {
      const cells = candidates.map((cand) => {
        const xs = byCandidate.get(cand)!.flatMap((r) => r.answers.flatMap((a) => a.criteria.filter((c) => c.title === title).map((c) => c.ratio)));
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
        .flatMap((r) =>
          r.answers.map(
            (a) =>
              `<tr><td>${escapeHtml(r.file)}${r.conversation > 1 ? ` #${r.conversation}` : ''}</td><td>${escapeHtml(a.prompt)}</td><td class="num">${a.total}</td><td>${escapeHtml(a.band)}</td><td>${escapeHtml(a.weakest ?? '—')}</td><td class="quote">${a.quote ? `“${escapeHtml(a.quote)}”` : ''}</td></tr>`,
          ),
        )
        .join('\n');
      return `<section><h2>${escapeHtml(cand)}</h2><table><thead><tr><th>File</th><th>Question</th><th>Score</th><th>Band</th><th>Weakest criterion</th><th>Evidence</th></tr></thead><tbody>\n${body}\n</tbody></table></section>`;
    })
    .join('\n');
  const failed = failures.length
    ? `<section><h2>Files that could not be graded</h2><ul>${failures.map((f) => `<li>${escapeHtml(f.file)}${f.line ? `:${f.line}` : ''} — ${escapeHtml(f.reason)}</li>`).join('')}</ul></section>`
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
.heat td{text-align:center}
</style>
</head>
<body>
<h1>Interview grades</h1>
<p>${summary.transcripts} transcript(s), ${summary.answers} answer(s), mean ${summary.meanAnswer}/100${summary.failures ? `, ${summary.failures} file(s) not graded` : ''}.</p>
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
