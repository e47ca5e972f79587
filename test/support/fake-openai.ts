// An OpenAI-compatible server on 127.0.0.1 for tests: chat completions (streams, errors, stalls and
// cuts), transcriptions and speech, each answered as scripted and every request recorded.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { TimedSegment, TimedWord } from '../../src/delivery/speech.js';
import { toneWav } from './audio.js';

export type Reply =
  /** A streamed reply in pieces of `chunk` characters; `cutAfter` characters in, the connection drops. */
  | { kind: 'stream'; content: string; chunk?: number; delayMs?: number; cutAfter?: number }
  /** A streamed refusal, as OpenAI sends it in `delta.refusal`. */
  | { kind: 'refusal'; text: string }
  | { kind: 'status'; status: number; body?: unknown; headers?: Record<string, string> }
  /** Headers never come. */
  | { kind: 'stall' }
  /** The first `after` characters stream, then nothing more. */
  | { kind: 'stall-stream'; content: string; after: number }
  /**
   * A transcription in the `response_format` the request asked for: `verbose_json` as whisper-1
   * sends it (segments carry Whisper's extra fields), `json` as `{ text }`, `text` as plain text.
   */
  | { kind: 'transcript'; text: string; words?: TimedWord[]; segments?: TimedSegment[]; duration?: number; language?: string }
  /** Audio bytes, a short tone in a WAV file unless given. */
  | { kind: 'audio'; bytes?: Buffer; contentType?: string }
  /** Any body at all, for replies a client must refuse. */
  | { kind: 'raw'; status?: number; contentType: string; body: string };

/** A file uploaded in a multipart request. */
export interface UploadedFile {
  name: string;
  type: string;
  size: number;
  bytes: Buffer;
}

export interface RecordedRequest {
  path: string;
  headers: IncomingMessage['headers'];
  /**
   * The JSON body, or a multipart body's text fields (a field sent more than once, such as
   * `timestamp_granularities[]`, as an array). `messages` is empty for requests other than chat.
   */
  body: {
    model: string;
    stream?: boolean;
    messages: { role: string; content: string }[];
    [k: string]: unknown;
  };
  /** The uploaded file of a multipart request. */
  file?: UploadedFile;
}

export type Script = Reply | Reply[] | ((req: RecordedRequest, n: number) => Reply);

export interface FakeOpenAI {
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

const chunk = (delta: Record<string, unknown>, finish: string | null = null) =>
  `data: ${JSON.stringify({
    id: 'chatcmpl-test',
    object: 'chat.completion.chunk',
    created: 0,
    model: 'test-model',
    choices: [{ index: 0, delta, finish_reason: finish }],
  })}\n\n`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The transcription as the server would send it for the format the request asked for. */
function transcriptBody(reply: Extract<Reply, { kind: 'transcript' }>, format: unknown): { contentType: string; body: string } {
  if (format === 'text') return { contentType: 'text/plain; charset=utf-8', body: reply.text };
  if (format !== 'verbose_json') return { contentType: 'application/json', body: JSON.stringify({ text: reply.text }) };
  const segments = reply.segments?.map((s, id) => ({
    id,
    seek: 0,
    start: s.start,
    end: s.end,
    text: s.text,
    tokens: [50364, 400, 50414],
    temperature: 0,
    avg_logprob: -0.25,
    compression_ratio: 1.3,
    no_speech_prob: 0.02,
  }));
  const lastEnd = Math.max(0, ...(reply.words ?? []).map((w) => w.end), ...(reply.segments ?? []).map((s) => s.end));
  const verbose = {
    task: 'transcribe',
    language: reply.language ?? 'english',
    duration: reply.duration ?? lastEnd,
    text: reply.text,
    ...(reply.words ? { words: reply.words } : {}),
    ...(segments ? { segments } : {}),
  };
  return { contentType: 'application/json', body: JSON.stringify(verbose) };
}

async function send(reply: Reply, req: RecordedRequest, res: ServerResponse, socket: Socket): Promise<void> {
  if (reply.kind === 'status') {
    res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
    res.end(JSON.stringify(reply.body ?? { error: { message: `status ${reply.status}`, type: 'test' } }));
    return;
  }
  if (reply.kind === 'stall') return; // never answer; the client must give up
  if (reply.kind === 'transcript') {
    const { contentType, body } = transcriptBody(reply, req.body.response_format);
    res.writeHead(200, { 'content-type': contentType });
    res.end(body);
    return;
  }
  if (reply.kind === 'audio') {
    res.writeHead(200, { 'content-type': reply.contentType ?? 'audio/wav' });
    res.end(reply.bytes ?? toneWav(0.25));
    return;
  }
  if (reply.kind === 'raw') {
    res.writeHead(reply.status ?? 200, { 'content-type': reply.contentType });
    res.end(reply.body);
    return;
  }
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
  res.write(chunk({ role: 'assistant', content: '' }));
  if (reply.kind === 'refusal') {
    res.write(chunk({ refusal: reply.text }));
    res.write(chunk({}, 'stop'));
    res.end('data: [DONE]\n\n');
    return;
  }
  if (reply.kind === 'stall-stream') {
    res.write(chunk({ content: reply.content.slice(0, reply.after) }));
    return; // and then silence
  }
  const size = reply.chunk ?? 6;
  for (let i = 0; i < reply.content.length; i += size) {
    if (reply.cutAfter !== undefined && i >= reply.cutAfter) {
      socket.destroy();
      return;
    }
    res.write(chunk({ content: reply.content.slice(i, i + size) }));
    if (reply.delayMs) await sleep(reply.delayMs);
  }
  res.write(chunk({}, 'stop'));
  res.end('data: [DONE]\n\n');
}

/** A multipart body read as a browser would read it, through the Web `Request` Node ships. */
async function readMultipart(req: IncomingMessage, raw: Buffer): Promise<Pick<RecordedRequest, 'body' | 'file'>> {
  const headers = Object.entries(req.headers).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v] as [string, string]] : []));
  const form = await new Request(`http://127.0.0.1${req.url ?? '/'}`, { method: 'POST', headers, body: raw }).formData();
  const fields: Record<string, unknown> = { messages: [] };
  let file: UploadedFile | undefined;
  for (const [key, value] of form) {
    if (typeof value !== 'string') {
      const bytes = Buffer.from(await value.arrayBuffer());
      file = { name: value.name, type: value.type, size: bytes.length, bytes };
    } else if (key.endsWith('[]')) fields[key] = [...((fields[key] as string[] | undefined) ?? []), value];
    else fields[key] = value;
  }
  return { body: fields as RecordedRequest['body'], ...(file ? { file } : {}) };
}

async function record(req: IncomingMessage, raw: Buffer): Promise<RecordedRequest> {
  const base = { path: req.url ?? '', headers: req.headers };
  if (req.headers['content-type']?.startsWith('multipart/form-data')) return { ...base, ...(await readMultipart(req, raw)) };
  const body = JSON.parse(raw.toString('utf8') || '{}') as RecordedRequest['body'];
  return { ...base, body: { ...body, messages: body.messages ?? [] } };
}

export async function startFakeOpenAI(script: Script): Promise<FakeOpenAI> {
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (d: Buffer) => parts.push(d));
    req.on('end', () => {
      void record(req, Buffer.concat(parts)).then((recorded) => {
        requests.push(recorded);
        const n = requests.length - 1;
        const reply =
          typeof script === 'function' ? script(recorded, n) : Array.isArray(script) ? script[Math.min(n, script.length - 1)]! : script;
        return send(reply, recorded, res, req.socket);
      });
    });
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

/** The JSON a well-behaved model would send for a probe. */
export const probeJson = (probe: string, criterion: string, basedOn: string) => JSON.stringify({ probe, criterion, based_on: basedOn });
