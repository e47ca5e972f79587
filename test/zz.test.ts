import { it } from 'vitest';
import { recognition, PARAPHRASES } from '../bench/recognition.js';
it('x', () => {
  for (const f of ['/tmp/fresh-wrapped.json', PARAPHRASES])
    for (const r of recognition(f)) {
      console.log('RESULT', r.set, r.recognised, r.total);
      for (const m of r.misses) console.log('MISS', m.family, '→', m.got ?? 'none', '|', m.question);
    }
});
