// The LLM probe writer: the official openai SDK, streaming; the only file that imports it.
import OpenAI from 'openai';
import { redact } from '../config.js';
import { checkReply, ProbeFieldStream } from './check.js';
import { renderMessages, type Templates } from './prompt.js';
import { RedactingStream } from './redacting-stream.js';
import type { ProbeRequest, ProbeResult, ProbeWriter, WriteOptions } from './types.js';

export interface OpenAIWriterConfig {
  apiKey: string;
  baseURL?: string;
  model: string;
  /** The whole time one probe may take, retries included. */
  timeoutMs: number;
}

/** Why a call failed, in words fit for the candidate's screen: no server text, so no secrets. */
function describe(error: unknown): string {
  if (error instanceof OpenAI.APIError && error.status) {
    if (error.status === 401 || error.status === 403) return `the server rejected the API key (HTTP ${error.status})`;
    if (error.status === 429) return 'the server kept saying it was busy (HTTP 429)';
    return `the server answered HTTP ${error.status}`;
  }
  if (error instanceof OpenAI.APIConnectionError) return 'could not reach the server';
  return error instanceof Error ? error.message : String(error);
}

export function openaiWriter(config: OpenAIWriterConfig, templates: Templates): ProbeWriter {
  const client = new OpenAI({
    apiKey: config.apiKey,
    ...(config.baseURL ? { baseURL: config.baseURL } : {}),
    // The SDK retries 429 and 5xx with exponential backoff (and honours Retry-After);
    // the deadline below bounds the whole, retries included.
    maxRetries: 3,
    timeout: config.timeoutMs,
  });
  return {
    async write(req: ProbeRequest, options?: WriteOptions): Promise<ProbeResult> {
      const { system, user } = renderMessages(templates, req);
      const controller = new AbortController();
      const timeout: ProbeResult = { ok: false, error: `no reply within ${(config.timeoutMs / 1000).toFixed(1)} s` };
      let settled = false;
      let timer: NodeJS.Timeout | undefined;
      // A hard deadline over the whole call: the SDK's own retry pauses do not all heed the abort.
      const deadline = new Promise<ProbeResult>((resolve) => {
        timer = setTimeout(() => {
          controller.abort();
          resolve(timeout);
        }, config.timeoutMs);
      });
      const work = (async (): Promise<ProbeResult> => {
        const stream = await client.chat.completions.create(
          {
            model: config.model,
            stream: true,
            temperature: 0.4,
            max_tokens: 300,
            messages: [
              { role: 'system', content: system },
              { role: 'user', content: user },
            ],
          },
          { signal: controller.signal },
        );
        // A key the server echoes (a proxy, a compromised server) is never drawn or kept.
        const shown = new RedactingStream([config.apiKey], (t) => {
          if (!settled) options?.onToken?.(t);
        });
        const field = new ProbeFieldStream((t) => shown.push(t));
        let text = '';
        let refused = false;
        for await (const chunk of stream) {
          const delta = chunk.choices[0]?.delta;
          if (delta && 'refusal' in delta && delta.refusal) refused = true;
          const piece = delta?.content ?? '';
          text += piece;
          field.push(piece);
        }
        shown.end();
        if (controller.signal.aborted) return timeout;
        if (refused) return { ok: false, error: 'the model refused' };
        return checkReply(redact(text, [config.apiKey]), req);
      })().catch((error: unknown): ProbeResult => {
        if (controller.signal.aborted) return timeout;
        return { ok: false, error: redact(describe(error), [config.apiKey]) };
      });
      try {
        return await Promise.race([work, deadline]);
      } finally {
        settled = true;
        clearTimeout(timer);
        controller.abort();
      }
    },
  };
}
