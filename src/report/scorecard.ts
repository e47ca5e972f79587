// Renders a score as a plain-text card: total, a bar per criterion, the evidence, what was missing.
import type { Score } from '../scoring/types.js';
import { forTerminal } from '../terminal-text.js';
import { answerView, coachingOf, distinctQuotes, quoted, toReach } from './view.js';

const BAR_WIDTH = 10;

export function bar(level: number, max: number): string {
  const filled = Math.round((BAR_WIDTH * level) / max);
  return '█'.repeat(filled) + '░'.repeat(BAR_WIDTH - filled);
}

/** Words laid out in lines; every text on the card but the criterion titles passes here, so it is cleaned for the terminal here. */
export function wrap(text: string, width: number, indent: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of forTerminal(text).split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width - indent.length) {
      lines.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(indent + line);
  return lines;
}

export function renderScoreCard(score: Score, opts: { title?: string; width?: number } = {}): string {
  const width = Math.max(40, opts.width ?? 80);
  // The facts a report shows of an answer come from its view; the coaching (what each level means, advice) from the score.
  const coaching = coachingOf(score);
  const view = answerView(score, quoted);
  const out: string[] = [];
  if (opts.title) out.push(...wrap(opts.title, width, ''), '');
  out.push(`Score ${view.total}/100 · ${view.band}`);
  out.push(...wrap(score.feedback.summary, width, ''));
  if (score.flags.graderDirected.length) {
    out.push('', 'Ignored (addressed to the grader, not the interviewer):');
    for (const e of score.flags.graderDirected) out.push(...wrap(`"${e.quote}"`, width, '  '));
  }
  out.push('');
  const titleWidth = Math.min(34, Math.max(...view.criteria.map((c) => forTerminal(c.title).length)));
  for (const c of view.criteria) {
    const mark = c.meetsBar ? '✓' : '·';
    out.push(`${mark} ${forTerminal(c.title).padEnd(titleWidth)}  ${bar(c.level, c.maxLevel)}  ${c.level}/${c.maxLevel}`);
    out.push(...wrap(coaching.anchor(c), width, '    '));
    for (const q of distinctQuotes(c)) out.push(...wrap(`“${q}”`, width, '    │ '));
    for (const m of toReach(view, c)) out.push(...wrap(`to reach ${c.level + 1}: ${m}`, width, '    → '));
  }
  if (score.antiPatterns.length) {
    out.push('', 'Anti-patterns');
    for (const a of score.antiPatterns) {
      out.push(...wrap(`✗ ${a.title}: ${a.advice}`, width, '  '));
      for (const e of a.evidence.slice(0, 2)) out.push(...wrap(`“${e.quote}”`, width, '    │ '));
    }
  }
  if (score.feedback.improvements.length) {
    out.push('', 'What would raise the score most');
    score.feedback.improvements.forEach((imp, i) => out.push(...wrap(`${i + 1}. (+${imp.gain}) ${imp.advice}`, width, '  ')));
  }
  out.push('', `rubric ${score.rubricId} ${score.rubricHash.slice(0, 12)} · scorer ${score.scorerVersion} · ${score.words} words`);
  return out.join('\n');
}
