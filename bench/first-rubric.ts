// Run in a process of its own by the scoring bench: how long the first rubric of a process takes to
// be ready to score (its phrase lists compiled, or read from the cache folder given), and the first
// answer after it. Prints the times as JSON.
import { loadCatalog } from '../src/scenario/catalog.js';
import { CompiledCache } from '../src/scenario/compiled-cache.js';
import { rubricPhrases } from '../src/scoring/rubric/compiled.js';
import { keepCompiledIn } from '../src/text/phrases.js';
import { score } from '../src/scoring/score.js';
import { cpuSeconds } from './util.js';

const ecommerce = loadCatalog().find((s) => s.scenario.id === 'ecommerce')!;
const q = ecommerce.scenario.questions[0]!;
const rubric = ecommerce.rubrics[q.id]!;
if (process.argv[2]) keepCompiledIn(new CompiledCache(process.argv[2]));
const t0 = performance.now();
const c0 = cpuSeconds();
rubricPhrases(rubric);
const built = performance.now() - t0;
const builtCpu = (cpuSeconds() - c0) * 1000;
const t1 = performance.now();
score(rubric, q.example);
console.log(JSON.stringify({ built, builtCpu, firstAnswer: performance.now() - t1 }));
