// The fresh sets, written after the recognition rules were last changed, are well-formed and reach the bench.
import { FRESH_SETS } from '../../bench/precision.js';
import { describeSets } from './question-sets.js';

describeSets('fresh sets written after the rules were last changed', FRESH_SETS, {
  'product-podcast.txt': 'Rafa Lindqvist',
  'final-round.srt': 'Grace Liu',
  'weekly-sync.vtt': 'Priya Shah',
  'practice-chat.jsonl': 'assistant',
});
