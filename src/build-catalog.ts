// Run once the CLI is bundled (`npm run bundle`): writes the shipped scenarios, loaded, beside it.
import { BUILT_IN_DIR, loadCatalogAndLibraries } from './scenario/catalog.js';
import { writePrebuilt } from './scenario/prebuilt.js';

// Loaded as a catalogue is (so two shipped scenarios with one id fail the build), from the files themselves.
writePrebuilt(BUILT_IN_DIR, loadCatalogAndLibraries({ dirs: [BUILT_IN_DIR], fresh: true }));
