import { it } from 'vitest';
import { sourceKey } from '../../src/calibration/labels.js';
import { readLabelled } from '../../src/calibration/rubrics.js';
import { trace } from '../../src/scoring/score.js';
import { unpunctuated } from '../support/metamorphic.js';
import { inLockbox, DEV_SET } from '../../bench/validity.js';
it('unp', () => {
  const { labels, rubricOf } = readLabelled(DEV_SET);
  const agg: Record<string, number[]> = {}; let n=0; const moves: string[] = [];
  for (const { line, label } of labels) {
    if (inLockbox(sourceKey(label, `line ${line}`))) continue;
    if (typeof label.answer !== 'string') continue;
    const rubric = rubricOf(label, line); const asked = label.asked ? { question: label.asked } : {};
    const a = trace(rubric, label.answer, { asked }); const b = trace(rubric, unpunctuated(label.answer), { asked });
    const d = b.score.total - a.score.total;
    if (Math.abs(d) <= 5) continue; n++;
    const w = rubric.model.weights as Record<string, number>;
    const parts = Object.keys(w).map(k => [k, (w[k]! * ((b.features as any)[k] - (a.features as any)[k]))] as const).filter(([,v]) => Math.abs(v) >= 1.5).map(([k,v]) => `${k}${v>0?'+':''}${v.toFixed(1)}`);
    moves.push(`line ${line} ${rubric.family} ${a.score.total}->${b.score.total} rel ${a.score.flags.relevance}->${b.score.flags.relevance} off ${!!a.score.flags.offTopic}->${!!b.score.flags.offTopic} sents ${a.analysis.sentences.length}->${b.analysis.sentences.length}: ${parts.join(' ')}`);
  }
  console.log(moves.join('\n')); console.log('N', n);
});
