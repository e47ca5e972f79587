// The scorer's public surface.
export { score, bandOf } from './score.js';
export { SCORER_VERSION, Score, type Evidence, type CriterionScore, type Band } from './types.js';
