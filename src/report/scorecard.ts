// Renders a score as a plain-text card: total, a bar per criterion, the evidence, what was missing.
import stringWidth from 'string-width';
import type { Score } from '../scoring/types.js';
import { forTerminal } from '../terminal-text.js';
import { answerView, coachingOf, distinctQuotes, excerpt, quoted, toReach } from './view.js';

const BAR_WIDTH = 10;

export function bar(level: number, max: number): string {
  const filled = Math.round((BAR_WIDTH * level) / max);
  return '█'.repeat(filled) + '░'.repeat(BAR_WIDTH - filled);
}

/**
 * Words laid out in lines; every text on the card but the criterion titles passes here, so it is
 * cleaned for the terminal here. Widths are the terminal's columns: a CJK character takes two.
 */
export function wrap(text: string, width: number, indent: string): string[] {
  const lines: string[] = [];
  let line = '';
  let used = 0;
  const room = width - stringWidth(indent);
  for (const word of forTerminal(text).split(/\s+/).filter(Boolean)) {
    const w = stringWidth(word);
    if (line && used + 1 + w > room) {
      lines.push(indent + line);
      line = word;
      used = w;
    } else {
      used += line ? 1 + w : w;
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(indent + line);
  return lines;
}

/** The least gain on a question's 0–100 total that is worth suggesting: smaller ones are noise beside the criteria's own hints. */
export const WORTH_MAKING = 3;

/** The improvements worth making, best first. */
export const worthMaking = <T extends { gain: number }>(improvements: readonly T[]): T[] =>
  improvements.filter((i) => i.gain >= WORTH_MAKING);

/**
 * The line under the total, never at odds with it: when every criterion meets the bar but the
 * total is short of strong, it says what holds the total there instead of "with gaps: N of N".
 */
export function cardSummary(score: Score): string {
  const n = score.criteria.length;
  const allMet = n > 0 && score.criteria.every((c) => c.meetsBar);
  const { nonAnswer, listOnly, offTopic } = score.flags;
  // A weak total with every criterion met gets the scorer's own account of the thin reasoning; "adequate … with gaps" has none.
  if (!allMet || score.band !== 'adequate' || nonAnswer || listOnly || offTopic) return score.feedback.summary;
  const all = n === 1 ? 'The one criterion meets' : `All ${n} criteria meet`;
  const top = score.criteria.filter((c) => c.level >= c.maxLevel).length;
  if (top < n) {
    const reach =
      top === 0
        ? n === 1
          ? 'it is not at its top level'
          : 'none is at its top level'
        : `only ${top} of them ${top === 1 ? 'is' : 'are'} at the top level`;
    return `${all} the bar, but ${reach}, so the total is adequate: the hints below say what the next level asks for.`;
  }
  const held = score.antiPatterns.map((a) => a.title.toLowerCase());
  return `${all} the bar at ${n === 1 ? 'its' : 'their'} top level, but the total is held to adequate by ${held.length ? held.join(' and ') : 'how the reasoning is put (--explain shows each step)'}.`;
}

export function renderScoreCard(score: Score, opts: { title?: string; width?: number } = {}): string {
  const width = Math.max(40, opts.width ?? 80);
  // The facts a report shows of an answer come from its view; the coaching (what each level means, advice) from the score.
  const coaching = coachingOf(score);
  const view = answerView(score, quoted);
  const out: string[] = [];
  if (opts.title) out.push(...wrap(opts.title, width, ''), '');
  out.push(`Score ${view.total}/100 · ${view.band}`);
  out.push(...wrap(cardSummary(score), width, ''));
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
      for (const e of a.evidence.slice(0, 2)) out.push(...wrap(`“${excerpt(e)}”`, width, '    │ '));
    }
  }
  const improvements = worthMaking(score.feedback.improvements);
  if (improvements.length) {
    out.push('', 'What would raise the score most');
    improvements.forEach((imp, i) => out.push(...wrap(`${i + 1}. (+${imp.gain}) ${imp.advice}`, width, '  ')));
  }
  out.push('', `rubric ${score.rubricId} ${score.rubricHash.slice(0, 12)} · scorer ${score.scorerVersion} · ${score.words} words`);
  return out.join('\n');
}
