// Run once the CLI is bundled (`npm run bundle`): writes the shipped scenarios, loaded, beside it.
import { BUILT_IN_DIR, scenarioFiles } from './scenario/catalog.js';
import { writePrebuilt } from './scenario/prebuilt.js';

writePrebuilt(BUILT_IN_DIR, scenarioFiles(BUILT_IN_DIR));
