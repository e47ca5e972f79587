// The report as Markdown: what a candidate keeps after the interview.
import type { Report } from './build.js';
import { mdCell, mdLine, mdQuote } from './md.js';
import { bar, cardSummary } from './scorecard.js';
import { deliveryLines } from './delivery.js';
import { answerView, coachingOf, distinctQuotes, quoted, toReach } from './view.js';
import { forTerminal } from '../terminal-text.js';

export function renderMarkdown(report: Report): string {
  const out: string[] = [];
  out.push(`# ${mdLine(report.scenario.title)}`, '');
  out.push(`**Total: ${report.total}/100 · ${report.band}**${report.complete ? '' : ' (unfinished: unanswered questions count 0)'}`, '');
  out.push('| # | Question | Score | Band | Probes |', '|---|---|---|---|---|');
  report.questions.forEach((q, i) => {
    out.push(`| ${i + 1} | ${mdCell(q.prompt)} | ${q.answered ? q.total : '—'} | ${q.answered ? q.band : 'not answered'} | ${q.probes} |`);
  });
  if (report.improvements.length) {
    out.push('', '## What would raise your score most', '');
    report.improvements.forEach((imp, i) =>
      out.push(`${i + 1}. ${mdLine(imp.advice)} (about +${imp.questionGain} on question \`${imp.question}\`)`),
    );
  }
  if (report.criteria.length) {
    out.push('', '## By criterion', '');
    for (const c of report.criteria) out.push(`- \`${bar(c.percent, 100)}\` ${c.percent}% — ${mdLine(c.title)}`);
  }
  report.questions.forEach((q, i) => {
    out.push('', `## ${i + 1}. ${mdLine(q.prompt)}`, '');
    if (!q.score) {
      out.push('Not answered.');
      return;
    }
    out.push(`**${q.total}/100 · ${q.band}.** ${mdLine(cardSummary(q.score))}`, '');
    q.answers.forEach((a, j) =>
      out.push(j === 0 ? '**Your answer**' : `**Your answer to follow-up ${j}**`, '', a.trim() ? mdQuote(a.trim()) : '_(skipped)_', ''),
    );
    // What was said aloud, when it is not what was sent: corrected in the editor, or typed instead.
    const unsent = (q.spoken ?? []).filter((t) => !q.answers.some((a) => a.trim() === t));
    if (unsent.length) out.push('**What you said (transcribed)**', '', ...unsent.flatMap((t) => [mdQuote(t), '']));
    // The facts a report shows of an answer come from its view; the coaching (what each level means, advice) from the score.
    const coaching = coachingOf(q.score);
    const view = answerView(q.score, quoted, q.delivery);
    for (const c of view.criteria) {
      out.push(`- **${mdLine(c.title)}** ${c.level}/${c.maxLevel}${c.meetsBar ? '' : ' (below the bar)'}: ${mdLine(coaching.anchor(c))}`);
      for (const quote of distinctQuotes(c)) out.push(`  - “${mdCell(quote)}”`);
      const missing = toReach(view, c);
      if (missing.length) out.push(`  - To improve: ${missing.map(mdLine).join('; ')}`);
    }
    for (const a of view.antiPatterns) out.push(`- ✗ **${mdLine(a.title)}**: ${mdLine(coaching.advice(a))}`);
    if (view.delivery) {
      const [title, ...lines] = deliveryLines(view.delivery);
      out.push('', `**${mdLine(title ?? 'Delivery')}**`, '', ...lines.map((l) => `- ${mdCell(l)}`));
    }
  });
  if (report.notices.length) {
    out.push('', '## Notices', '');
    for (const n of report.notices) out.push(`- ${mdLine(n.text)}`);
  }
  // Every text from a file went through mdText already; this catches what the report adds itself.
  return forTerminal(`${out.join('\n')}\n`);
}
