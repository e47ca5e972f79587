// Which answers of the development set are the lockbox, and where the set is: shared by the validity
// figures, the topic model's training and the boundary model's fit.
import { join } from 'node:path';
import { hash } from '../src/calibration/fit-model.js';
import { PACKAGE_ROOT } from '../src/paths.js';

/**
 * A third of the sources are a lockbox: never fitted, tuned or looked at while the scorer changes,
 * and measured once, at the end (`--lockbox`). Which third is fixed by a hash of the source.
 */
export const inLockbox = (source: string) => parseInt(hash(`lockbox:${source}`).slice(0, 8), 16) % 3 === 0;

/** The development set's default place, beside the project. */
export const DEV_SET = join(PACKAGE_ROOT, '..', 'shared', 'validity', 'dev.jsonl');
