// The blind sets, written after the recognition rules were last changed, are well-formed and reach the bench.
import { BLIND_SETS } from '../../bench/precision.js';
import { describeSets } from './question-sets.js';

describeSets('blind sets written after the rules were last changed', BLIND_SETS, {
  'podcast-episode.vtt': 'Jules Ortega',
  'hiring-loop.txt': 'Kwame Asante',
  'kpi-review-otter.txt': 'Ingrid Holm',
  'ai-interviewer.json': 'assistant',
});
