// The environment, read once: .env (dotenv) under the process environment, validated with zod.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { z } from 'zod';
import { InvalidFileError, type FileIssue } from './errors.js';

const EnvSchema = z.object({
  OPENAI_API_KEY: z.string().trim().min(1, 'is empty').optional(),
  OPENAI_BASE_URL: z.url({ message: 'must be a URL such as http://127.0.0.1:11434/v1' }).optional(),
  REHEARSE_MODEL: z.string().trim().min(1, 'is empty').default('gpt-4o-mini'),
  REHEARSE_LLM_TIMEOUT_MS: z.coerce
    .number({ message: 'must be a number of milliseconds' })
    .int('must be a whole number of milliseconds')
    .min(200, 'must be at least 200')
    .max(120_000, 'must be at most 120000')
    .default(8000),
  REHEARSE_HOME: z.string().trim().min(1, 'is empty').optional(),
});

export interface Config {
  llm?: { apiKey: string; baseURL?: string; model: string; timeoutMs: number };
  timeoutMs: number;
  home?: string;
  /** Values that must never be written anywhere: the API key. */
  secrets: string[];
}

const KEYS = Object.keys(EnvSchema.shape);

/** Reads `.env` in `cwd` (if any) and `env`; `env` wins, as dotenv does by default. */
export function loadConfig(env: NodeJS.ProcessEnv, cwd: string): Config {
  const file = join(cwd, '.env');
  let fromFile: Record<string, string> = {};
  let text = '';
  if (existsSync(file)) {
    text = readFileSync(file, 'utf8');
    fromFile = parseDotenv(text);
  }
  const merged: Record<string, string | undefined> = {};
  for (const key of KEYS) {
    const value = env[key] ?? fromFile[key];
    // An empty variable means "not set", as in most tools.
    merged[key] = value === '' ? undefined : value;
  }
  const result = EnvSchema.safeParse(merged);
  if (!result.success) {
    const issues: FileIssue[] = result.error.issues.map((issue) => {
      const key = String(issue.path[0]);
      const inFile = env[key] === undefined && key in fromFile;
      const line = inFile ? lineOfKey(text, key) : undefined;
      return { file: inFile ? '.env' : 'environment', line, path: key, message: issue.message.replace(/^Invalid input: /, '') };
    });
    throw new InvalidFileError(issues);
  }
  const v = result.data;
  return {
    ...(v.OPENAI_API_KEY
      ? { llm: { apiKey: v.OPENAI_API_KEY, baseURL: v.OPENAI_BASE_URL, model: v.REHEARSE_MODEL, timeoutMs: v.REHEARSE_LLM_TIMEOUT_MS } }
      : {}),
    timeoutMs: v.REHEARSE_LLM_TIMEOUT_MS,
    ...(v.REHEARSE_HOME ? { home: v.REHEARSE_HOME } : {}),
    secrets: v.OPENAI_API_KEY ? [v.OPENAI_API_KEY] : [],
  };
}

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
