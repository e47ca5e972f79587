// The sets written after the recognition rules were settled are well-formed and reach the bench.
import { LATER_SETS } from '../../bench/precision.js';
import { describeSets } from './question-sets.js';

describeSets('sets written after the rules were settled', LATER_SETS, {
  'podcast-otter.txt': 'Nadia Osei',
  'hiring-loop.vtt': 'Kenji Watanabe',
  'kpi-miss-meeting.srt': 'Hannah Kowalski',
  'ai-interviewer.json': 'assistant',
});
