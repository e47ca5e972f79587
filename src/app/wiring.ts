// The application's wiring, in one place: settings, the session store, the parse cache and the
// probe writers, built once per command and handed to the commands and the terminal UI alike.
import { loadConfig, type Config } from '../config.js';
import type { EngineServices } from '../interview/engine.js';
import type { IO } from '../io.js';
import { withBreaker } from '../probes/breaker.js';
import { offlineWriter } from '../probes/offline.js';
import { loadTemplates } from '../probes/prompt.js';
import { ParseCache } from '../scenario/cache.js';
import { CompiledCache } from '../scenario/compiled-cache.js';
import { keepCompiledIn } from '../text/phrases.js';
import type { CatalogOptions } from '../scenario/catalog.js';
import { SessionStore } from '../store/sessions.js';

/** What reading scenarios needs: the settings, the parse cache, and where the user's own are. */
export interface Reading {
  config: Config;
  cache?: ParseCache;
  /** Options for finding scenarios: the cache, the user's folder, and how a bad file there is reported. */
  scenarios: CatalogOptions;
}

/** Everything an interview needs besides the scenario. */
export interface Wiring extends Reading {
  store: SessionStore;
  engine: EngineServices;
}

function readingOf(config: Config, io: Pick<IO, 'err'>): Reading {
  const cache = config.cacheDir ? new ParseCache(config.cacheDir) : undefined;
  // Each rubric's phrase lists, once compiled, are kept beside the parsed files for the next run.
  keepCompiledIn(config.cacheDir ? new CompiledCache(config.cacheDir) : undefined);
  const told = new Set<string>();
  return {
    config,
    ...(cache ? { cache } : {}),
    scenarios: {
      ...(cache ? { cache } : {}),
      userDir: config.scenariosDir,
      // Said once per file however often the catalog is read.
      onSkip: (file, reason) => {
        if (told.has(file)) return;
        told.add(file);
        io.err(`rehearse: skipped ${file}: ${reason}`);
      },
    },
  };
}

/** For commands that read scenarios but never call a model: LLM settings are not validated. */
export function reading(io: Pick<IO, 'env' | 'cwd' | 'err'>): Reading {
  return readingOf(loadConfig({ env: io.env, cwd: io.cwd }), io);
}

/** The options scenario loading takes, from the settings. */
export function readOptions(io: Pick<IO, 'env' | 'cwd' | 'err'>): CatalogOptions {
  return reading(io).scenarios;
}

/** Everything, from the environment and `.env`. The openai SDK is loaded only when a key is set. */
export async function wire(io: Pick<IO, 'env' | 'cwd' | 'err'>, now: () => Date = () => new Date()): Promise<Wiring> {
  const config = loadConfig({ env: io.env, cwd: io.cwd }, { llm: true });
  const store = new SessionStore(config.home);
  const llm = config.llm ? withBreaker((await import('../probes/openai.js')).openaiWriter(config.llm, loadTemplates())) : undefined;
  return {
    ...readingOf(config, io),
    store,
    engine: { writers: { offline: offlineWriter, ...(llm ? { llm } : {}) }, save: (s) => store.save(s), now },
  };
}
