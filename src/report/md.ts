// Text from a candidate, an interviewer or a transcript, made safe to put in Markdown: it reads
// as written, no HTML in it renders (many Markdown viewers render raw HTML), and nothing in it acts
// on the terminal of someone who runs `cat report.md`.
import { forTerminal } from '../terminal-text.js';

/**
 * Escapes what a Markdown renderer would take for HTML (tags, comments, entities, `<http://…>`
 * autolinks) or for a link or an image (`[x](…)`, `![x](…)`, `[x]: …`): an image in a report would
 * be fetched as soon as it is opened. Backslashes are escaped first, so that one in the text cannot
 * undo the escape of what follows it; control characters before all, so that removing one can never
 * undo an escape (`ESC [ \|` would leave `|`).
 */
export function mdText(s: string): string {
  return forTerminal(s)
    .replace(/\\/g, '\\\\')
    .replace(/!(?=\[)/g, '\\!')
    .replace(/[[\]]/g, '\\$&')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** Text for a heading or a list line: one line, HTML escaped. */
export function mdLine(s: string): string {
  return mdText(s).replace(/\s+/g, ' ').trim();
}

/** Text for one table cell or one list line: no line breaks, no pipe that ends the cell. */
export function mdCell(s: string): string {
  return mdText(s).replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();
}

/** A block quote of several lines. */
export function mdQuote(s: string): string {
  return mdText(s)
    .split('\n')
    .map((l) => `> ${l}`)
    .join('\n');
}
