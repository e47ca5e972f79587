// Settings from .env and the environment: precedence, validation messages, platform folders, redaction.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, platformDataHome, redact, type Config, type LoadOptions } from '../src/config.js';
import { InvalidFileError, type FileIssue } from '../src/errors.js';

const HOME = '/home/ana';
const DATA = join(HOME, '.local', 'share', 'rehearse');

/** A folder holding `.env` with these lines, or no `.env` at all. */
function folder(dotenv?: string[]): string {
  const cwd = mkdtempSync(join(tmpdir(), 'rehearse-config-'));
  if (dotenv) writeFileSync(join(cwd, '.env'), `${dotenv.join('\n')}\n`);
  return cwd;
}

function load(env: NodeJS.ProcessEnv, dotenv?: string[], options: LoadOptions = {}, platform: NodeJS.Platform = 'linux'): Config {
  return loadConfig({ env, cwd: folder(dotenv), platform, homedir: HOME }, options);
}

function issuesOf(env: NodeJS.ProcessEnv, dotenv?: string[], options: LoadOptions = { llm: true }): FileIssue[] {
  try {
    load(env, dotenv, options);
  } catch (e) {
    if (e instanceof InvalidFileError) return e.issues;
    throw e;
  }
  throw new Error('expected the settings to be refused');
}

const defaults: Config = {
  home: DATA,
  scenariosDir: join(DATA, 'scenarios'),
  cacheDir: join(DATA, 'cache', 'parsed'),
  color: true,
  secrets: [],
  command: 'rehearse',
};
const llm = { apiKey: 'sk-file-key-123456789', model: 'gpt-4o-mini', timeoutMs: 8000 };
/** The voice settings read with the LLM's: offline speech only, no transcription, unless a key or a server is set. */
const silent = { speechApiOnly: false, espeakVoice: 'en-us', searchPath: '' };
const AUDIO = { timeoutMs: 60_000 };

describe('loadConfig', () => {
  it.each<[string, NodeJS.ProcessEnv, string[] | undefined, LoadOptions, Config]>([
    ['nothing set: the defaults', {}, undefined, {}, defaults],
    [
      'REHEARSE_HOME moves the home and the cache',
      { REHEARSE_HOME: '/data/r' },
      undefined,
      {},
      { ...defaults, home: '/data/r', cacheDir: '/data/r/cache/parsed', scenariosDir: '/data/r/scenarios' },
    ],
    [
      'REHEARSE_HOME from .env moves them too',
      {},
      ['REHEARSE_HOME=/from/file'],
      {},
      { ...defaults, home: '/from/file', cacheDir: '/from/file/cache/parsed', scenariosDir: '/from/file/scenarios' },
    ],
    [
      'the environment wins over .env',
      { REHEARSE_HOME: '/from/env' },
      ['REHEARSE_HOME=/from/file'],
      {},
      { ...defaults, home: '/from/env', cacheDir: '/from/env/cache/parsed', scenariosDir: '/from/env/scenarios' },
    ],
    [
      'an empty variable is unset, so .env still gives it',
      { REHEARSE_HOME: '' },
      ['REHEARSE_HOME=/from/file'],
      {},
      { ...defaults, home: '/from/file', cacheDir: '/from/file/cache/parsed', scenariosDir: '/from/file/scenarios' },
    ],
    ['an empty variable with no .env is the default', { REHEARSE_HOME: '' }, undefined, {}, defaults],
    ['an empty value in .env is unset too', {}, ['REHEARSE_HOME='], {}, defaults],
    [
      'REHEARSE_NO_CACHE removes the cache',
      { REHEARSE_NO_CACHE: '1' },
      undefined,
      {},
      {
        home: DATA,
        scenariosDir: join(DATA, 'scenarios'),
        color: true,
        secrets: [],
        command: 'rehearse',
      },
    ],
    [
      'REHEARSE_NO_CACHE from .env removes it too',
      {},
      ['REHEARSE_NO_CACHE=1'],
      {},
      {
        home: DATA,
        scenariosDir: join(DATA, 'scenarios'),
        color: true,
        secrets: [],
        command: 'rehearse',
      },
    ],
    ['0, false, no or off leave the cache on', { REHEARSE_NO_CACHE: 'false' }, undefined, {}, defaults],
    [
      'REHEARSE_CACHE_DIR moves the cache alone, into a folder of its own',
      { REHEARSE_CACHE_DIR: '/var/cache/shared' },
      undefined,
      {},
      { ...defaults, cacheDir: '/var/cache/shared/rehearse-parsed' },
    ],
    [
      'REHEARSE_CACHE_DIR from .env, with ~',
      {},
      ['REHEARSE_CACHE_DIR=~/.cache/rehearse'],
      {},
      { ...defaults, cacheDir: join(HOME, '.cache', 'rehearse', 'rehearse-parsed') },
    ],
    [
      'REHEARSE_NO_CACHE wins over REHEARSE_CACHE_DIR',
      { REHEARSE_CACHE_DIR: '/c', REHEARSE_NO_CACHE: 'yes' },
      undefined,
      {},
      (({ cacheDir: _, ...rest }) => rest)(defaults),
    ],
    [
      'run through npm start, hints name npm start',
      { npm_lifecycle_event: 'start' },
      undefined,
      {},
      { ...defaults, command: 'npm start --' },
    ],
    ['NO_COLOR turns colour off', { NO_COLOR: '1' }, undefined, {}, { ...defaults, color: false }],
    ['an empty NO_COLOR leaves colour on', { NO_COLOR: '' }, undefined, {}, defaults],
    ['an API key is ignored unless LLM settings are asked for', { OPENAI_API_KEY: 'sk-env-key-123456789' }, undefined, {}, defaults],
    [
      'an API key from .env, with the LLM defaults',
      {},
      [`OPENAI_API_KEY=${llm.apiKey}`],
      { llm: true },
      {
        ...defaults,
        llm,
        secrets: [llm.apiKey],
        voice: {
          ...silent,
          transcription: { apiKey: llm.apiKey, model: 'whisper-1', ...AUDIO },
          speech: { apiKey: llm.apiKey, model: 'gpt-4o-mini-tts', voice: 'alloy', ...AUDIO },
        },
      },
    ],
    [
      'every LLM setting, from both places',
      { REHEARSE_MODEL: 'local-model', REHEARSE_LLM_TIMEOUT_MS: '2500' },
      [`OPENAI_API_KEY=${llm.apiKey}`, 'OPENAI_BASE_URL=http://127.0.0.1:11434/v1', 'REHEARSE_MODEL=file-model'],
      { llm: true },
      {
        ...defaults,
        llm: { apiKey: llm.apiKey, baseURL: 'http://127.0.0.1:11434/v1', model: 'local-model', timeoutMs: 2500 },
        secrets: [llm.apiKey],
        voice: {
          ...silent,
          transcription: { apiKey: llm.apiKey, baseURL: 'http://127.0.0.1:11434/v1', model: 'whisper-1', ...AUDIO },
          speech: { apiKey: llm.apiKey, baseURL: 'http://127.0.0.1:11434/v1', model: 'gpt-4o-mini-tts', voice: 'alloy', ...AUDIO },
        },
      },
    ],
    [
      'no API key: no LLM, even with the other LLM settings',
      { REHEARSE_MODEL: 'm' },
      undefined,
      { llm: true },
      { ...defaults, voice: silent },
    ],
    [
      'a transcription server of its own needs no key; the microphone file is found from the working folder',
      {
        REHEARSE_TRANSCRIBE_URL: 'http://127.0.0.1:8000/v1',
        REHEARSE_TRANSCRIBE_MODEL: 'small',
        REHEARSE_MIC_FILE: '/tmp/a.wav',
        PATH: '/usr/bin',
      },
      ['REHEARSE_TRANSCRIBE_LANGUAGE=en', 'REHEARSE_AUDIO_TIMEOUT_MS=5000'],
      { llm: true },
      {
        ...defaults,
        voice: {
          ...silent,
          searchPath: '/usr/bin',
          micFile: '/tmp/a.wav',
          transcription: { apiKey: 'not-needed', baseURL: 'http://127.0.0.1:8000/v1', model: 'small', timeoutMs: 5000, language: 'en' },
        },
      },
    ],
    [
      'REHEARSE_SPEECH=offline (in any case) keeps the voice off the API',
      { OPENAI_API_KEY: llm.apiKey, REHEARSE_SPEECH: 'Offline' },
      undefined,
      { llm: true },
      {
        ...defaults,
        llm,
        secrets: [llm.apiKey],
        voice: { ...silent, transcription: { apiKey: llm.apiKey, model: 'whisper-1', ...AUDIO } },
      },
    ],
  ])('%s', (_, env, dotenv, options, expected) => {
    expect(load(env, dotenv, options)).toEqual(expected);
  });

  it('a relative REHEARSE_CACHE_DIR is read against the working folder', () => {
    const cwd = folder();
    expect(loadConfig({ env: { REHEARSE_CACHE_DIR: 'cache' }, cwd, platform: 'linux', homedir: HOME }).cacheDir).toBe(
      join(cwd, 'cache', 'rehearse-parsed'),
    );
  });

  it.each<[string, NodeJS.ProcessEnv, string[] | undefined, FileIssue[]]>([
    [
      'a voice setting that is not one of its choices',
      { REHEARSE_SPEECH: 'loud' },
      undefined,
      [{ file: 'environment', path: 'REHEARSE_SPEECH', message: 'must be auto, api or offline' }],
    ],
    [
      'a bad value in .env: the file and its line',
      {},
      ['# settings', 'OPENAI_API_KEY=sk-abc-123456789', '', 'REHEARSE_LLM_TIMEOUT_MS=fast'],
      [{ file: '.env', line: 4, path: 'REHEARSE_LLM_TIMEOUT_MS', message: 'must be a number of milliseconds' }],
    ],
    [
      'a bad value in the environment: no line',
      { OPENAI_BASE_URL: 'not a url' },
      undefined,
      [{ file: 'environment', line: undefined, path: 'OPENAI_BASE_URL', message: 'must be a URL such as http://127.0.0.1:11434/v1' }],
    ],
    [
      'the environment overrides a good .env value with a bad one: the environment is named',
      { REHEARSE_LLM_TIMEOUT_MS: '50' },
      ['REHEARSE_LLM_TIMEOUT_MS=5000'],
      [{ file: 'environment', line: undefined, path: 'REHEARSE_LLM_TIMEOUT_MS', message: 'must be at least 200' }],
    ],
    [
      'an exported line and a blank-only value',
      {},
      ['export REHEARSE_LLM_TIMEOUT_MS=1.5', 'REHEARSE_MODEL="   "'],
      [
        { file: '.env', line: 2, path: 'REHEARSE_MODEL', message: 'is empty' },
        { file: '.env', line: 1, path: 'REHEARSE_LLM_TIMEOUT_MS', message: 'must be a whole number of milliseconds' },
      ],
    ],
  ])('%s', (_, env, dotenv, issues) => {
    expect(issuesOf(env, dotenv)).toEqual(issues);
  });

  it('LLM settings are validated only when asked for', () => {
    const bad = { OPENAI_BASE_URL: 'not a url', REHEARSE_LLM_TIMEOUT_MS: 'soon' };
    expect(load(bad)).toEqual(defaults);
    expect(issuesOf(bad).map((i) => i.path)).toEqual(['OPENAI_BASE_URL', 'REHEARSE_LLM_TIMEOUT_MS']);
  });

  it('a bad REHEARSE_HOME is refused whatever the command', () => {
    expect(issuesOf({ REHEARSE_HOME: '   ' }, undefined, {})).toEqual([
      { file: 'environment', line: undefined, path: 'REHEARSE_HOME', message: 'is empty' },
    ]);
  });

  it('the error message is file:line: field: message, with exit code 2', () => {
    try {
      load({}, ['REHEARSE_LLM_TIMEOUT_MS=999999'], { llm: true });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidFileError);
      expect((e as InvalidFileError).message).toBe('.env:1: REHEARSE_LLM_TIMEOUT_MS: must be at most 120000');
      expect((e as InvalidFileError).exitCode).toBe(2);
    }
  });
});

describe('the data folder of each platform', () => {
  it.each<[NodeJS.Platform, NodeJS.ProcessEnv, string]>([
    ['linux', {}, join(HOME, '.local', 'share', 'rehearse')],
    ['linux', { XDG_DATA_HOME: '/xdg' }, '/xdg/rehearse'],
    ['linux', { XDG_DATA_HOME: '' }, join(HOME, '.local', 'share', 'rehearse')],
    ['freebsd', { XDG_DATA_HOME: '/xdg' }, '/xdg/rehearse'],
    ['darwin', { XDG_DATA_HOME: '/xdg' }, join(HOME, 'Library', 'Application Support', 'rehearse')],
    ['win32', { APPDATA: '/c/Users/ana/AppData/Roaming' }, join('/c/Users/ana/AppData/Roaming', 'rehearse')],
    ['win32', {}, join(HOME, 'AppData', 'Roaming', 'rehearse')],
  ])('%s with %j: %s', (platform, env, home) => {
    expect(platformDataHome(env, platform, HOME)).toBe(home);
    const config = load(env, undefined, {}, platform);
    expect(config).toEqual({ ...defaults, home, cacheDir: join(home, 'cache', 'parsed'), scenariosDir: join(home, 'scenarios') });
  });
});

describe('redact', () => {
  it.each<[string, string, string[], string]>([
    ['a given secret, wherever it is', 'key=my-secret-key; again my-secret-key', ['my-secret-key'], 'key=[redacted]; again [redacted]'],
    [
      'keys that look like OpenAI’s, even ones not given',
      'Incorrect API key provided: sk-proj-AbC123_xyz-99.',
      [],
      'Incorrect API key provided: sk-[redacted].',
    ],
    ['secrets shorter than 4 characters are left (they would blank ordinary words)', 'the abc of it', ['abc'], 'the abc of it'],
    ['"sk-" with too little after it is not a key', 'ask-me and sk-short', [], 'ask-me and sk-short'],
    ['nothing secret: unchanged', 'plain text', ['my-secret-key'], 'plain text'],
  ])('%s', (_, text, secrets, expected) => {
    expect(redact(text, secrets)).toBe(expected);
  });
});
