// Markdown: a section per transcript, then the summary and the files that could not be graded.
import type { Delivery } from '../../delivery/delivery.js';
import { forTerminal } from '../../terminal-text.js';
import { deliveryLines } from '../delivery.js';
import type { Failure, GradedAnswer, GradedTranscript } from '../graded.js';
import { mdCell } from '../md.js';
import { failureSource, sourceOf, summaryLine, type OutputFormat, type Summary } from '../output.js';
import { belowBar, notGraded, remarks, whyNotGraded } from '../view.js';

export const mdHead = () => '# Interview grades\n';

/** A code fence that nothing in the lines can close: longer than any run of backticks in them. */
function fenceFor(lines: readonly string[]): string {
  const runs = lines.flatMap((l) => l.match(/`+/g) ?? []).map((run) => run.length + 1);
  return '`'.repeat(Math.max(3, ...runs));
}

/** A timed answer's delivery as the score card prints it, fenced so its columns stay lined up and nothing quoted renders. */
function deliveryBlock(a: GradedAnswer, delivery: Delivery): string[] {
  const lines = deliveryLines(delivery).map(forTerminal);
  const fence = fenceFor(lines);
  return ['', `Line ${a.line}, “${mdCell(a.prompt)}”:`, '', `${fence}text`, ...lines, fence];
}

export function mdSection(t: GradedTranscript): string {
  const out = [
    ``,
    `## ${mdCell(sourceOf(t))}${t.conversation > 1 ? ` (conversation ${t.conversation})` : ''} — ${mdCell(t.candidate)}`,
    '',
  ];
  const mean = t.answers.length ? ` · mean ${t.total}/100` : '';
  out.push(`Interviewer: ${mdCell(t.interviewer)} · format: ${t.format}${t.scenario ? ` · scenario: ${t.scenario}` : ''}${mean}`, '');
  if (t.setAside.length) out.push(`Also speaking, not graded: ${t.setAside.map(mdCell).join(', ')}`, '');
  out.push('| Line | Question | Score | Band | Below the bar |', '|---|---|---|---|---|');
  for (const a of t.answers) {
    const below = belowBar(a).map((c) => c.title);
    out.push(`| ${a.line} | ${mdCell(a.prompt)} | ${a.total} | ${a.band} | ${mdCell(below.join(', ') || '—')} |`);
  }
  const noted = t.answers.flatMap((a) => remarks(a).map((r) => `- line ${a.line}: ${mdCell(r)}`));
  if (noted.length) out.push('', 'Notes:', ...noted);
  for (const a of t.answers) if (a.delivery) out.push(...deliveryBlock(a, a.delivery));
  const ungraded = notGraded(t);
  if (ungraded.length) {
    out.push('', 'Not graded:');
    for (const n of ungraded) {
      out.push(`- line ${n.line}: “${mdCell(n.prompt)}” — ${mdCell(whyNotGraded(n))}`);
    }
  }
  return `${out.join('\n')}\n`;
}

export const mdTail = (failures: readonly Failure[], summary: Summary) => {
  const out = ['', '## Summary', '', `${summaryLine(summary)}.`];
  if (failures.length) {
    out.push('', '## Files that could not be graded', '');
    for (const f of failures) out.push(`- ${mdCell(failureSource(f))}: ${mdCell(f.reason)}`);
  }
  return `${out.join('\n')}\n`;
};

export const markdown: OutputFormat = {
  head: mdHead,
  render: (t) => [mdSection(t)],
  keepsRows: false,
  tail: ({ failures, summary }) => mdTail(failures, summary),
};
