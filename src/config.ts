// Every setting rehearse reads from its surroundings, in one place: `.env` (dotenv) under the
// process environment, validated with zod. Nothing else in src/ reads an environment variable.
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import * as z from './zod.js';
import { InvalidFileError, type FileIssue } from './errors.js';

const nonEmpty = z.string().trim().min(1, 'is empty');

/** Settings that may come from `.env` as well as the environment. */
const PathSettings = z.object({
  REHEARSE_HOME: nonEmpty.optional(),
  REHEARSE_NO_CACHE: z.string().optional(),
  /** Where the cache is kept instead of the data folder's `cache`: one cache can serve several data folders. */
  REHEARSE_CACHE_DIR: nonEmpty.optional(),
  /** The memory one grading job of `rehearse grade` may use; by default a share of half the machine's. */
  REHEARSE_GRADE_MEMORY_MB: z.coerce
    .number({ message: 'must be a number of megabytes' })
    .int('must be a whole number of megabytes')
    .min(128, 'must be at least 128: a grading job needs about 100 MB before it reads a file')
    .max(65_536, 'must be at most 65536')
    .optional(),
});

const LlmSettings = z.object({
  OPENAI_API_KEY: nonEmpty.optional(),
  OPENAI_BASE_URL: z.url({ message: 'must be a URL such as http://127.0.0.1:11434/v1' }).optional(),
  REHEARSE_MODEL: nonEmpty.default('gpt-4o-mini'),
  REHEARSE_LLM_TIMEOUT_MS: z.coerce
    .number({ message: 'must be a number of milliseconds' })
    .int('must be a whole number of milliseconds')
    .min(200, 'must be at least 200')
    .max(120_000, 'must be at most 120000')
    .default(8000),
  /** Transcription: the model, and a server of its own (a local whisper server) if not OPENAI_BASE_URL's. */
  REHEARSE_TRANSCRIBE_MODEL: nonEmpty.default('whisper-1'),
  REHEARSE_TRANSCRIBE_URL: z.url({ message: 'must be a URL such as http://127.0.0.1:8000/v1' }).optional(),
  REHEARSE_TRANSCRIBE_LANGUAGE: z
    .string()
    .trim()
    .regex(/^[a-z]{2}$/, 'must be a two-letter language code such as en')
    .optional(),
  /** The interviewer's voice: through the API (`api`), espeak-ng (`offline`), or the API when a key is set (`auto`). */
  REHEARSE_SPEECH: z
    .preprocess(
      (v) => (typeof v === 'string' ? v.trim().toLowerCase() : v),
      z.enum(['auto', 'api', 'offline'], { message: 'must be auto, api or offline' }),
    )
    .default('auto'),
  REHEARSE_SPEECH_MODEL: nonEmpty.default('gpt-4o-mini-tts'),
  REHEARSE_SPEECH_VOICE: nonEmpty.default('alloy'),
  /** The espeak-ng voice for offline speech. */
  REHEARSE_ESPEAK_VOICE: nonEmpty.default('en-us'),
  REHEARSE_AUDIO_TIMEOUT_MS: z.coerce
    .number({ message: 'must be a number of milliseconds' })
    .int('must be a whole number of milliseconds')
    .min(200, 'must be at least 200')
    .max(600_000, 'must be at most 600000')
    .default(60_000),
  /** A WAV file that stands in for the microphone: recording plays it in as if it were spoken. */
  REHEARSE_MIC_FILE: nonEmpty.optional(),
});

export interface LlmConfig {
  apiKey: string;
  baseURL?: string;
  model: string;
  timeoutMs: number;
}

/** An OpenAI-compatible audio endpoint. */
export interface AudioApiConfig {
  apiKey: string;
  baseURL?: string;
  model: string;
  timeoutMs: number;
}

export interface VoiceConfig {
  /** Present when transcription is set up: an API key, or a transcription server of its own. */
  transcription?: AudioApiConfig & { language?: string };
  /** Present when the interviewer may speak through the API: a key is set and REHEARSE_SPEECH is not `offline`. */
  speech?: AudioApiConfig & { voice: string };
  /** Use the API only for speech, never espeak-ng (REHEARSE_SPEECH=api). */
  speechApiOnly: boolean;
  /** The espeak-ng voice. */
  espeakVoice: string;
  /** A WAV file that stands in for the microphone (REHEARSE_MIC_FILE), resolved against the working folder. */
  micFile?: string;
  /** Where to look for espeak-ng, players and recorders: PATH. */
  searchPath: string;
}

export interface Config {
  /** Present when an API key is set: probes are written by the LLM. */
  llm?: LlmConfig;
  /** Speech and transcription; present only when the LLM settings were read (`{ llm: true }`). */
  voice?: VoiceConfig;
  /** Where rehearse keeps its data: REHEARSE_HOME, else the platform's user data folder. */
  home: string;
  /**
   * Where parsed scenario files and compiled rubrics are cached: `rehearse-parsed` in REHEARSE_CACHE_DIR,
   * else in the data folder's `cache`; absent when REHEARSE_NO_CACHE is set.
   */
  cacheDir?: string;
  /** The user's own scenarios, found by id beside the shipped ones. */
  scenariosDir: string;
  /** The memory one grading job may use, when set (REHEARSE_GRADE_MEMORY_MB). */
  gradeMemoryMb?: number;
  /** False when NO_COLOR is set (https://no-color.org). */
  color: boolean;
  /** Values that must never be written anywhere: the API key. */
  secrets: string[];
  /** How this user runs rehearse, for hints: `rehearse`, or `npm start --` from a clone. */
  command: string;
}

/** What the settings are read from; the defaults are this process's. */
export interface Surroundings {
  env: NodeJS.ProcessEnv;
  cwd: string;
  platform?: NodeJS.Platform;
  homedir?: string;
}

export interface LoadOptions {
  /**
   * Validate the LLM settings too. Commands that never call a model leave this off, so a
   * malformed OPENAI_BASE_URL does not stop `rehearse scenarios`.
   */
  llm?: boolean;
}

/** Reads `.env` in `cwd` (if any) and the environment; the environment wins, as dotenv does. */
export function loadConfig(where: Surroundings, options: LoadOptions = {}): Config {
  const { env, cwd } = where;
  const file = join(cwd, '.env');
  let fromFile: Record<string, string> = {};
  let text = '';
  if (existsSync(file)) {
    text = readFileSync(file, 'utf8');
    fromFile = parseDotenv(text);
  }
  const schema = options.llm ? PathSettings.extend(LlmSettings.shape) : PathSettings;
  const merged: Record<string, string | undefined> = {};
  // An empty variable means "not set", as in most tools, so `.env` may still give it.
  const fromEnv = (key: string) => (env[key] === '' ? undefined : env[key]);
  for (const key of Object.keys(schema.shape)) {
    const value = fromEnv(key) ?? fromFile[key];
    merged[key] = value === '' ? undefined : value;
  }
  const result = schema.safeParse(merged);
  if (!result.success) {
    const issues: FileIssue[] = result.error.issues.map((issue) => {
      const key = String(issue.path[0]);
      const inFile = fromEnv(key) === undefined && key in fromFile;
      const line = inFile ? lineOfKey(text, key) : undefined;
      return { file: inFile ? '.env' : 'environment', line, path: key, message: issue.message.replace(/^Invalid input: /, '') };
    });
    throw new InvalidFileError(issues);
  }
  const v = result.data as z.infer<typeof PathSettings> & Partial<z.infer<typeof LlmSettings>>;
  const userHome = where.homedir ?? homedir();
  // `.env` is not read by a shell, so `~/…` there would otherwise name a folder called "~".
  const tilde = (path: string) => path.replace(/^~(?=$|[\\/])/, userHome);
  const home = v.REHEARSE_HOME ? tilde(v.REHEARSE_HOME) : platformDataHome(env, where.platform ?? process.platform, userHome);
  // A cache folder of the user's choosing holds rehearse's files in a folder of rehearse's own, so a
  // folder shared with other tools (~/.cache, /tmp) is neither narrowed nor filled.
  const cacheDir = v.REHEARSE_CACHE_DIR
    ? join(resolve(cwd, tilde(v.REHEARSE_CACHE_DIR)), 'rehearse-parsed')
    : join(home, 'cache', 'parsed');
  return {
    ...(v.OPENAI_API_KEY
      ? {
          llm: {
            apiKey: v.OPENAI_API_KEY,
            ...(v.OPENAI_BASE_URL ? { baseURL: v.OPENAI_BASE_URL } : {}),
            model: v.REHEARSE_MODEL!,
            timeoutMs: v.REHEARSE_LLM_TIMEOUT_MS!,
          },
        }
      : {}),
    ...(options.llm ? { voice: voiceOf(v as z.infer<typeof LlmSettings>, cwd, env.PATH ?? '') } : {}),
    home,
    scenariosDir: join(home, 'scenarios'),
    ...(v.REHEARSE_GRADE_MEMORY_MB ? { gradeMemoryMb: v.REHEARSE_GRADE_MEMORY_MB } : {}),
    ...(isOn(v.REHEARSE_NO_CACHE) ? {} : { cacheDir }),
    color: !env.NO_COLOR,
    secrets: v.OPENAI_API_KEY ? [v.OPENAI_API_KEY] : [],
    // Run through `npm start`, `rehearse` is not on the PATH: hints name the command that works.
    command: env.npm_lifecycle_event === 'start' ? 'npm start --' : 'rehearse',
  };
}

/** The key sent to a transcription server of one's own that wants none (the SDK needs one): no secret. */
export const NO_KEY = 'not-needed';

function voiceOf(v: z.infer<typeof LlmSettings>, cwd: string, searchPath: string): VoiceConfig {
  const key = v.OPENAI_API_KEY;
  const timeoutMs = v.REHEARSE_AUDIO_TIMEOUT_MS;
  // A transcription server of its own (whisper.cpp, faster-whisper) usually wants no key; the SDK wants one.
  const transcribeUrl = v.REHEARSE_TRANSCRIBE_URL ?? v.OPENAI_BASE_URL;
  const transcription =
    key || v.REHEARSE_TRANSCRIBE_URL
      ? {
          apiKey: key ?? NO_KEY,
          ...(transcribeUrl ? { baseURL: transcribeUrl } : {}),
          model: v.REHEARSE_TRANSCRIBE_MODEL,
          timeoutMs,
          ...(v.REHEARSE_TRANSCRIBE_LANGUAGE ? { language: v.REHEARSE_TRANSCRIBE_LANGUAGE } : {}),
        }
      : undefined;
  const speech =
    key && v.REHEARSE_SPEECH !== 'offline'
      ? {
          apiKey: key,
          ...(v.OPENAI_BASE_URL ? { baseURL: v.OPENAI_BASE_URL } : {}),
          model: v.REHEARSE_SPEECH_MODEL,
          voice: v.REHEARSE_SPEECH_VOICE,
          timeoutMs,
        }
      : undefined;
  return {
    ...(transcription ? { transcription } : {}),
    ...(speech ? { speech } : {}),
    speechApiOnly: v.REHEARSE_SPEECH === 'api',
    espeakVoice: v.REHEARSE_ESPEAK_VOICE,
    ...(v.REHEARSE_MIC_FILE ? { micFile: resolve(cwd, v.REHEARSE_MIC_FILE) } : {}),
    searchPath,
  };
}

/** This process's environment, for `IO`: read here so that config.ts stays the one reader. */
export function processEnv(): NodeJS.ProcessEnv {
  return process.env;
}

/** The platform's user data folder for rehearse. */
export function platformDataHome(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, home: string): string {
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'rehearse');
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), 'rehearse');
  return join(env.XDG_DATA_HOME || join(home, '.local', 'share'), 'rehearse');
}

/** A switch in the environment: set to anything but 0, false, no or off. */
const isOn = (v: string | undefined) => !!v && !/^(?:0|false|no|off)$/i.test(v.trim());

function lineOfKey(text: string, key: string): number | undefined {
  const lines = text.split(/\r?\n/);
  const i = lines.findIndex((l) => new RegExp(`^\\s*(?:export\\s+)?${key}\\s*=`).test(l));
  return i >= 0 ? i + 1 : undefined;
}

/** Replaces every secret in a text, so an error message cannot carry the API key anywhere. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (s.length >= 4) out = out.split(s).join('[redacted]');
  // Keys that look like OpenAI's, even ones we were not given.
  return out.replace(/\bsk-[A-Za-z0-9_-]{8,}/g, 'sk-[redacted]');
}
