// The terminal table: a row per answer, streamed, with the questions that were not graded.
import { bandOf } from '../../scoring/score.js';
import { forTerminal } from '../../terminal-text.js';
import type { GradedTranscript } from '../graded.js';
import { asIs, notGraded, summaryLine, type OutputFormat, type Summary } from '../output.js';

const questionWidth = (width: number) => Math.max(16, width - 46);
/** Quoted text on one line, with nothing in it that acts on the terminal; cleaned before it is measured. */
const flat = (s: string) => forTerminal(s).replace(/\s+/g, ' ');
const fit = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s).padEnd(n);
const fileCell = (file: string) => (file.length > 24 ? `…${file.slice(-23)}` : file).padEnd(24);

export function tableRows(t: GradedTranscript, width: number): string {
  const q = questionWidth(width);
  const file = fileCell(flat(t.file));
  const rows = t.answers.map((a) => `${file} ${fit(flat(a.prompt), q)} ${String(a.total).padStart(3)} ${a.band}`);
  for (const n of notGraded(t)) {
    rows.push(`${file} ${fit(flat(n.prompt), q)}   — not graded`);
    rows.push(
      `${' '.repeat(25)}${fit(`↳ ${flat(n.reason)}${n.answers ? ` (${n.answers} answer(s) not graded)` : ''}`, Math.max(20, width - 25)).trimEnd()}`,
    );
  }
  return rows.length ? `${rows.join('\n')}\n` : '';
}

export const tableHead = (width: number) => `${'file'.padEnd(24)} ${'question'.padEnd(questionWidth(width))} pts band\n`;

export function tableTail(summary: Summary): string {
  const band = summary.meanAnswer === undefined ? '' : ` · ${bandOf(summary.meanAnswer)}`;
  return `\n${summaryLine(summary)}${band}${summary.failures ? '; the reasons are listed above' : ''}\n`;
}

export const table: OutputFormat = {
  head: tableHead,
  render: tableRows,
  place: asIs,
  keepsRows: false,
  tail: ({ summary }) => tableTail(summary),
};
