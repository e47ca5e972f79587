// The terminal table: a row per answer, streamed, with the questions that were not graded.
import { bandOf } from '../../scoring/score.js';
import { forTerminal } from '../../terminal-text.js';
import type { Delivery } from '../../delivery/delivery.js';
import type { GradedTranscript } from '../graded.js';
import { deliveryFigures } from '../delivery.js';
import { sourceOf, summaryLine, type OutputFormat, type Summary } from '../output.js';
import { notGraded, remarks, whyNotGraded } from '../view.js';

const questionWidth = (width: number) => Math.max(16, width - 46);
/** Quoted text on one line, with nothing in it that acts on the terminal; cleaned before it is measured. */
const flat = (s: string) => forTerminal(s).replace(/\s+/g, ' ');
const fit = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s).padEnd(n);

/**
 * What an interviewer's turn asks, for a column too narrow for all of it: from the sentence with its
 * first question mark on ("Thanks for joining. Let's start: what is…?" is shown from "Let's start").
 * A turn that asks without one is shown whole.
 */
export function askingPart(turn: string): string {
  // A sentence ends where a capital starts the next: "e.g. a cohort" and "Dr. Rao" stay whole.
  const sentences = turn.split(/(?<=[.!?…])\s+(?=[\p{Lu}“"‘'(])/u);
  const at = sentences.findIndex((s) => s.includes('?'));
  return at > 0 ? sentences.slice(at).join(' ') : turn;
}
const fileCell = (file: string) => (file.length > 24 ? `…${file.slice(-23)}` : file).padEnd(24);

/** Words laid out in lines of at most `width` characters (a longer word gets a line of its own). */
function wrap(words: readonly string[], width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return line ? [...lines, line] : lines;
}

/** An answer's delivery in a few figures, "152 wpm · 2.1 fillers/min · pause 3.2 s", each kept whole when the line wraps. */
function deliveryWords(d: Delivery): string[] {
  const figures = deliveryFigures(d);
  return ['delivery:', ...figures.map((f, i) => (i < figures.length - 1 ? `${f} ·` : f))];
}

export function tableRows(t: GradedTranscript, width: number): string {
  const q = questionWidth(width);
  const file = fileCell(flat(sourceOf(t)));
  const indent = ' '.repeat(25);
  /** Lines under a row, indented under the question and wrapped to the width. */
  const under = (words: readonly string[]) => wrap(words, Math.max(20, width - 27)).map((l, i) => `${indent}${i ? '  ' : ''}${l}`);
  // Graded and ungraded questions in the order they were asked, each ungraded one with its reason in full.
  const rows = [
    ...t.answers.map((a) => ({
      line: a.line,
      text: [
        `${file} ${fit(flat(askingPart(a.prompt)), q)} ${String(a.total).padStart(3)} ${a.band}`,
        ...remarks(a).flatMap((r) => under(`↳ ${flat(r)}`.split(' '))),
        ...(a.delivery ? under(deliveryWords(a.delivery)) : []),
      ],
    })),
    ...notGraded(t).map((n) => ({
      line: n.line,
      text: [`${file} ${fit(flat(askingPart(n.prompt)), q)}   — not graded`, ...under(`↳ ${flat(whyNotGraded(n))}`.split(' '))],
    })),
  ].sort((a, b) => a.line - b.line);
  return rows.length ? `${rows.flatMap((r) => r.text).join('\n')}\n` : '';
}

export const tableHead = (width: number) => `${'file'.padEnd(24)} ${'question'.padEnd(questionWidth(width))} pts band\n`;

export function tableTail(summary: Summary): string {
  const band = summary.meanAnswer === undefined ? '' : ` · ${bandOf(summary.meanAnswer)}`;
  return `\n${summaryLine(summary)}${band}${summary.failures ? '; the reasons are listed above' : ''}\n`;
}

export const table: OutputFormat = {
  head: tableHead,
  headOverRows: true,
  render: (t, width) => [tableRows(t, width)],
  keepsRows: false,
  tail: ({ summary }) => tableTail(summary),
};
