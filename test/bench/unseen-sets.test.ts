// The unseen sets, written after the recognition rules were last changed, are well-formed and reach the bench.
import { UNSEEN_SETS } from '../../bench/precision.js';
import { describeSets } from './question-sets.js';

describeSets('unseen sets written after the rules were last changed', UNSEEN_SETS, {
  'podcast-otter.txt': 'Marisol Vega',
  'hiring-loop.srt': 'Amara Nwosu',
  'kpi-miss-standup.vtt': 'Sofia Marques',
  'ai-practice.json': 'assistant',
});
