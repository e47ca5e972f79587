// The application's wiring, in one place: settings, the session store, the parse cache and the
// probe writers, built once per command and handed to the commands and the terminal UI alike.
import { loadConfig, type Config } from '../config.js';
import type { EngineServices } from '../interview/engine.js';
import type { IO } from '../io.js';
import { withBreaker } from '../probes/breaker.js';
import { offlineWriter } from '../probes/offline.js';
import { loadTemplates } from '../probes/prompt.js';
import { ParseCache } from '../scenario/cache.js';
import type { ReadOptions } from '../scenario/load.js';
import { SessionStore } from '../store/sessions.js';

/** What reading scenarios needs: the settings and the parse cache they name. */
export interface Reading {
  config: Config;
  cache?: ParseCache;
}

/** Everything an interview needs besides the scenario. */
export interface Wiring extends Reading {
  store: SessionStore;
  engine: EngineServices;
}

/** For commands that read scenarios but never call a model: LLM settings are not validated. */
export function reading(io: Pick<IO, 'env' | 'cwd'>): Reading {
  const config = loadConfig({ env: io.env, cwd: io.cwd });
  return { config, ...(config.cacheDir ? { cache: new ParseCache(config.cacheDir) } : {}) };
}

/** The options scenario loading takes, from the settings: the parse cache when there is one. */
export function readOptions(io: Pick<IO, 'env' | 'cwd'>): ReadOptions {
  const { cache } = reading(io);
  return cache ? { cache } : {};
}

/** Everything, from the environment and `.env`. The openai SDK is loaded only when a key is set. */
export async function wire(io: Pick<IO, 'env' | 'cwd'>, now: () => Date = () => new Date()): Promise<Wiring> {
  const config = loadConfig({ env: io.env, cwd: io.cwd }, { llm: true });
  const store = new SessionStore(config.home);
  const llm = config.llm ? withBreaker((await import('../probes/openai.js')).openaiWriter(config.llm, loadTemplates())) : undefined;
  return {
    config,
    ...(config.cacheDir ? { cache: new ParseCache(config.cacheDir) } : {}),
    store,
    engine: { writers: { offline: offlineWriter, ...(llm ? { llm } : {}) }, save: (s) => store.save(s), now },
  };
}
