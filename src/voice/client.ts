// The one way voice calls an OpenAI-compatible audio server: the client, a deadline over the whole
// call, and what a failure means, as a typed reason with a one-line message that never holds the key.
import OpenAI from 'openai';
import { redact, type AudioApiConfig } from '../config.js';

export type AudioFailure = 'unreachable' | 'timeout' | 'status' | 'malformed' | 'empty' | 'file';

export class AudioServiceError extends Error {
  override readonly name = 'AudioServiceError';

  constructor(
    readonly reason: AudioFailure,
    message: string,
  ) {
    super(message);
  }
}

/** Which endpoint a message speaks of. */
export type AudioService = 'transcription' | 'speech';

/** The server by its host (and port), which is all a message needs to say where the call went. */
export function serverName(service: AudioService, config: Pick<AudioApiConfig, 'baseURL'>): string {
  let host: string;
  try {
    host = new URL(config.baseURL ?? 'https://api.openai.com/v1').host;
  } catch {
    host = config.baseURL ?? 'api.openai.com';
  }
  return `the ${service} server at ${host}`;
}

const SERVER_TEXT_LIMIT = 120;

/** What the server said about an HTTP error, on one line and cut short. */
function serverText(error: InstanceType<typeof OpenAI.APIError>): string {
  const body = error.error as { message?: unknown } | undefined;
  const said = typeof body?.message === 'string' ? body.message : error.message.replace(/^\d{3}\s*/, '');
  // The SDK's wording when the body said nothing it could read.
  if (/^status code \(no body\)$/.test(said)) return '';
  const line = said.replace(/\s+/g, ' ').trim();
  return line.length > SERVER_TEXT_LIMIT ? `${line.slice(0, SERVER_TEXT_LIMIT - 1)}…` : line;
}

const CONNECTION_CODES: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ENOTFOUND: 'no such host',
  EAI_AGAIN: 'the host name could not be looked up',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  CERT_HAS_EXPIRED: 'its certificate has expired',
  // Something listens there but hung up before taking the upload: often not a transcription server at all.
  EPIPE: 'it closed the connection before taking the audio; is it a transcription server?',
  UND_ERR_SOCKET: 'it closed the connection',
};

/** The system's reason for a failed connection, found down the chain of causes. */
function connectionCode(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code in CONNECTION_CODES) return CONNECTION_CODES[code];
  }
  return undefined;
}

/** A failed call as a typed reason. */
function describeFailure(error: unknown, service: AudioService, config: AudioApiConfig): AudioServiceError {
  const where = serverName(service, config);
  let failure: AudioServiceError;
  if (error instanceof AudioServiceError) failure = error;
  else if (error instanceof OpenAI.APIConnectionTimeoutError) failure = timedOut(service, config);
  else if (error instanceof OpenAI.APIError && error.status) {
    const text = serverText(error);
    failure = new AudioServiceError('status', `${where} answered HTTP ${error.status}${text ? `: ${text}` : ''}`);
  } else if (error instanceof SyntaxError) failure = new AudioServiceError('malformed', `${where} sent JSON that cannot be read`);
  else if (error instanceof OpenAI.APIConnectionError) {
    const code = connectionCode(error);
    failure = new AudioServiceError('unreachable', `could not reach ${where}${code ? ` (${code})` : ''}`);
  } else {
    // What is left is the body breaking off after the headers: the connection, not the reply, failed.
    const code = connectionCode(error);
    failure = new AudioServiceError('unreachable', `lost the connection to ${where}${code ? ` (${code})` : ''}`);
  }
  return new AudioServiceError(failure.reason, redact(failure.message, [config.apiKey]));
}

function timedOut(service: AudioService, config: AudioApiConfig): AudioServiceError {
  return new AudioServiceError('timeout', `${serverName(service, config)} did not answer within ${(config.timeoutMs / 1000).toFixed(1)} s`);
}

function clientFor(config: AudioApiConfig): OpenAI {
  return new OpenAI({
    apiKey: config.apiKey,
    ...(config.baseURL ? { baseURL: config.baseURL } : {}),
    // One retry for a dropped connection or a busy server; more would make a long upload a long wait.
    maxRetries: 1,
    timeout: config.timeoutMs,
  });
}

/**
 * Runs one call on a fresh client, within `config.timeoutMs` from start to end (retries and the
 * reading of the body included). A failure becomes an `AudioServiceError`; when the caller's
 * signal aborts, the call rejects with the signal's reason, as `fetch` does.
 */
export async function callAudio<T>(
  service: AudioService,
  config: AudioApiConfig,
  signal: AbortSignal | undefined,
  work: (client: OpenAI, signal: AbortSignal) => Promise<T>,
): Promise<T> {
  signal?.throwIfAborted();
  const deadline = new AbortController();
  const stop = signal ? AbortSignal.any([deadline.signal, signal]) : deadline.signal;
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  // The SDK's pause between retries does not heed the signal, so the deadline is raced, not only signalled.
  const timeUp = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      deadline.abort();
      reject(timedOut(service, config));
    }, config.timeoutMs);
  });
  const cancelled = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
  const call = work(clientFor(config), stop).catch((error: unknown): never => {
    if (signal?.aborted) throw signal.reason;
    if (deadline.signal.aborted) throw timedOut(service, config);
    throw describeFailure(error, service, config);
  });
  try {
    return await Promise.race([call, timeUp, cancelled]);
  } finally {
    clearTimeout(timer);
    if (onAbort) signal?.removeEventListener('abort', onAbort);
    deadline.abort();
  }
}
