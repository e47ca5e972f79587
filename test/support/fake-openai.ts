// A chat-completions server on 127.0.0.1 for tests: streams, errors, stalls and cuts, as scripted.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type Reply =
  /** A streamed reply in pieces of `chunk` characters; `cutAfter` characters in, the connection drops. */
  | { kind: 'stream'; content: string; chunk?: number; delayMs?: number; cutAfter?: number }
  /** A streamed refusal, as OpenAI sends it in `delta.refusal`. */
  | { kind: 'refusal'; text: string }
  | { kind: 'status'; status: number; body?: unknown; headers?: Record<string, string> }
  /** Headers never come. */
  | { kind: 'stall' }
  /** The first `after` characters stream, then nothing more. */
  | { kind: 'stall-stream'; content: string; after: number };

export interface RecordedRequest {
  path: string;
  headers: IncomingMessage['headers'];
  body: {
    model: string;
    stream?: boolean;
    messages: { role: string; content: string }[];
    [k: string]: unknown;
  };
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

async function send(reply: Reply, res: ServerResponse, socket: Socket): Promise<void> {
  if (reply.kind === 'status') {
    res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
    res.end(JSON.stringify(reply.body ?? { error: { message: `status ${reply.status}`, type: 'test' } }));
    return;
  }
  if (reply.kind === 'stall') return; // never answer; the client must give up
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

export async function startFakeOpenAI(script: Script): Promise<FakeOpenAI> {
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (d: Buffer) => parts.push(d));
    req.on('end', () => {
      const recorded: RecordedRequest = {
        path: req.url ?? '',
        headers: req.headers,
        body: JSON.parse(Buffer.concat(parts).toString('utf8') || '{}'),
      };
      requests.push(recorded);
      const n = requests.length - 1;
      const reply =
        typeof script === 'function' ? script(recorded, n) : Array.isArray(script) ? script[Math.min(n, script.length - 1)]! : script;
      void send(reply, res, req.socket);
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
