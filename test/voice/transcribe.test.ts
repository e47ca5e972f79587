// Transcription through the real openai SDK over HTTP, against the scripted test server.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TimedSpeech } from '../../src/delivery/speech.js';
import { AudioServiceError, FILLER_PROMPT, transcribe, type AudioFailure, type TranscriptionConfig } from '../../src/voice/transcribe.js';
import { toneWav } from '../support/audio.js';
import { startFakeOpenAI, type FakeOpenAI, type Script } from '../support/fake-openai.js';

const KEY = 'sk-test-DO-NOT-LEAK-0123456789';
let dir: string;
let recording: string;
let server: FakeOpenAI | undefined;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rehearse-transcribe-'));
  recording = join(dir, 'answer.wav');
  writeFileSync(recording, toneWav(0.5));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const configFor = (url: string, over: Partial<TranscriptionConfig> = {}): TranscriptionConfig => ({
  apiKey: KEY,
  baseURL: url,
  model: 'whisper-1',
  timeoutMs: 3000,
  ...over,
});

/** The error a call fails with, checked to be the typed one. */
async function failureOf(call: Promise<unknown>): Promise<AudioServiceError> {
  try {
    await call;
  } catch (e) {
    expect(e).toBeInstanceOf(AudioServiceError);
    return e as AudioServiceError;
  }
  throw new Error('the call did not fail');
}

/** A port on which nothing listens. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((r) => probe.close(() => r()));
  return port;
}

const answer = {
  text: ' Um, so I would start with the renters.',
  words: [
    { word: 'Um', start: 0, end: 0.42 },
    { word: 'so', start: 0.9, end: 1.05 },
    { word: 'I', start: 1.1, end: 1.2 },
    { word: 'would', start: 1.2, end: 1.4 },
    { word: 'start', start: 1.4, end: 1.75 },
    { word: 'with', start: 1.75, end: 1.9 },
    { word: 'the', start: 1.9, end: 2 },
    { word: 'renters', start: 2, end: 2.5 },
  ],
  segments: [{ text: ' Um, so I would start with the renters.', start: 0, end: 2.5 }],
  duration: 2.6,
};

describe('transcribe', () => {
  it('uploads the whole file with verbose_json, both granularities, the language and a filler prompt; reads words and segments', async () => {
    server = await startFakeOpenAI({ kind: 'transcript', ...answer });
    const speech = await transcribe(recording, configFor(server.url, { language: 'en' }));
    expect(speech).toEqual({
      text: 'Um, so I would start with the renters.',
      duration: 2.6,
      words: answer.words,
      segments: [{ text: 'Um, so I would start with the renters.', start: 0, end: 2.5 }],
    });
    const sent = server.requests[0]!;
    expect(sent.path).toBe('/v1/audio/transcriptions');
    expect(sent.headers.authorization).toBe(`Bearer ${KEY}`);
    const { messages: _, ...fields } = sent.body;
    expect(fields).toEqual({
      model: 'whisper-1',
      response_format: 'verbose_json',
      'timestamp_granularities[]': ['word', 'segment'],
      language: 'en',
      prompt: FILLER_PROMPT,
    });
    expect(FILLER_PROMPT).toMatch(/\bum\b.*\buh\b/i);
    expect(sent.file).toMatchObject({ name: 'answer.wav', size: toneWav(0.5).length });
    expect(sent.file!.bytes.equals(toneWav(0.5))).toBe(true);
  });

  it.each<[string, Partial<TranscriptionConfig>, Record<string, unknown>, TimedSpeech]>([
    [
      'no language: none sent, the prompt still is',
      {},
      { model: 'whisper-1', response_format: 'verbose_json', 'timestamp_granularities[]': ['word', 'segment'], prompt: FILLER_PROMPT },
      {
        text: 'Hello there.',
        duration: 1,
        words: [{ word: 'Hello', start: 0, end: 0.5 }],
        segments: [{ text: 'Hello there.', start: 0, end: 1 }],
      },
    ],
    [
      'another language: sent, without the English prompt',
      { language: 'de' },
      { model: 'whisper-1', response_format: 'verbose_json', 'timestamp_granularities[]': ['word', 'segment'], language: 'de' },
      {
        text: 'Hello there.',
        duration: 1,
        words: [{ word: 'Hello', start: 0, end: 0.5 }],
        segments: [{ text: 'Hello there.', start: 0, end: 1 }],
      },
    ],
    [
      'a gpt transcribe model: json only, so no timings',
      { model: 'gpt-4o-mini-transcribe' },
      { model: 'gpt-4o-mini-transcribe', response_format: 'json', prompt: FILLER_PROMPT },
      { text: 'Hello there.' },
    ],
  ])('%s', async (_name, over, fields, expected) => {
    server = await startFakeOpenAI({
      kind: 'transcript',
      text: ' Hello there.',
      words: [{ word: 'Hello', start: 0, end: 0.5 }],
      segments: [{ text: ' Hello there.', start: 0, end: 1 }],
      duration: 1,
    });
    expect(await transcribe(recording, configFor(server.url, over))).toEqual(expected);
    const { messages: _, ...sent } = server.requests[0]!.body;
    expect(sent).toEqual(fields);
  });

  it.each<[string, string, TimedSpeech]>([
    ['only { text }', '{"text":"  I would ask the renters first.  "}', { text: 'I would ask the renters first.' }],
    ['timings given as null', '{"text":"Yes.","duration":null,"words":null,"segments":null}', { text: 'Yes.' }],
    [
      'words inside segments, with the spaces whisper.cpp leaves, and the duration as a string',
      JSON.stringify({
        text: ' Uh, yes.',
        duration: '1.5',
        segments: [
          {
            text: ' Uh, yes.',
            start: 0,
            end: 1.4,
            words: [
              { word: ' Uh,', start: 0, end: 0.6, probability: 0.8 },
              { word: ' yes.', start: 0.9, end: 1.4, probability: 0.9 },
            ],
          },
        ],
      }),
      {
        text: 'Uh, yes.',
        duration: 1.5,
        words: [
          { word: 'Uh,', start: 0, end: 0.6 },
          { word: 'yes.', start: 0.9, end: 1.4 },
        ],
        segments: [{ text: 'Uh, yes.', start: 0, end: 1.4 }],
      },
    ],
    ['empty timing lists left out', '{"text":"Fine.","words":[],"segments":[]}', { text: 'Fine.' }],
  ])('reads a reply with %s', async (_name, body, expected) => {
    server = await startFakeOpenAI({ kind: 'raw', contentType: 'application/json', body });
    expect(await transcribe(recording, configFor(server.url))).toEqual(expected);
  });

  const longMessage = `The audio could not be decoded ${'because the header is wrong '.repeat(12)}`;
  it.each<[string, Script, AudioFailure, RegExp, number]>([
    [
      'a 500, retried once',
      { kind: 'status', status: 500, headers: { 'retry-after-ms': '10' }, body: { error: { message: 'The model is overloaded.' } } },
      'status',
      /^the transcription server at 127\.0\.0\.1:\d+ answered HTTP 500: The model is overloaded\.$/,
      2,
    ],
    [
      'a 400, not retried, its long message cut short',
      { kind: 'status', status: 400, body: { error: { message: longMessage } } },
      'status',
      /answered HTTP 400: The audio could not be decoded because the header is wrong .{20,}…$/,
      1,
    ],
    [
      'a 401 whose message holds the key',
      { kind: 'status', status: 401, body: { error: { message: `Incorrect API key provided: ${KEY}.` } } },
      'status',
      /answered HTTP 401: Incorrect API key provided: (?:sk-)?\[redacted\]\.$/,
      1,
    ],
    [
      'a 500 from a server with its own error shape',
      { kind: 'status', status: 503, headers: { 'retry-after-ms': '10' }, body: { detail: 'loading the model' } },
      'status',
      /answered HTTP 503$/,
      2,
    ],
    [
      'JSON cut off',
      { kind: 'raw', contentType: 'application/json', body: '{"text": "I would' },
      'malformed',
      /^the transcription server at 127\.0\.0\.1:\d+ sent JSON that cannot be read$/,
      1,
    ],
    [
      'the wrong shape',
      { kind: 'raw', contentType: 'application/json', body: '{"text": "Hi.", "words": 3}' },
      'malformed',
      /sent a reply that is not a transcription \(words: .+\)$/,
      1,
    ],
    [
      'plain text',
      { kind: 'raw', contentType: 'text/plain', body: 'Hi.' },
      'malformed',
      /sent a reply that is not a transcription \(.+\)$/,
      1,
    ],
    [
      'no words heard',
      { kind: 'transcript', text: '   ', segments: [] },
      'empty',
      /^the transcription server at 127\.0\.0\.1:\d+ heard no speech in the recording$/,
      1,
    ],
  ])('%s', async (_name, script, reason, message, tries) => {
    server = await startFakeOpenAI(script);
    const failure = await failureOf(transcribe(recording, configFor(server.url)));
    expect(failure.reason).toBe(reason);
    expect(failure.message).toMatch(message);
    expect(failure.message).not.toContain(KEY);
    expect(failure.message).not.toContain('\n');
    expect(server.requests).toHaveLength(tries);
  });

  // A busy server may ask for a pause longer than the deadline; the SDK would sleep through it.
  const busy: Script = { kind: 'status', status: 503, headers: { 'retry-after': '5' } };
  it.each<[string, Script]>([
    ['never answers', { kind: 'stall' }],
    ['asks to wait longer than the deadline', busy],
  ])('a server that %s → timeout, within the configured time', async (_name, script) => {
    server = await startFakeOpenAI(script);
    const started = performance.now();
    const failure = await failureOf(transcribe(recording, configFor(server.url, { timeoutMs: 300 })));
    const took = performance.now() - started;
    expect(failure).toMatchObject({
      reason: 'timeout',
      message: expect.stringMatching(/^the transcription server at 127\.0\.0\.1:\d+ did not answer within 0\.3 s$/),
    });
    expect(took).toBeGreaterThanOrEqual(290);
    expect(took).toBeLessThan(800);
  });

  it('nothing listening → unreachable, naming the host, without the key', async () => {
    const port = await closedPort();
    const failure = await failureOf(transcribe(recording, configFor(`http://127.0.0.1:${port}/v1`)));
    expect(failure.reason).toBe('unreachable');
    expect(failure.message).toBe(`could not reach the transcription server at 127.0.0.1:${port} (connection refused)`);
  });

  it.each<[string, () => string, RegExp]>([
    ['missing', () => join(dir, 'nowhere.wav'), /^cannot read the recording .*nowhere\.wav: no such file$/],
    ['empty', () => (writeFileSync(join(dir, 'silent.wav'), ''), join(dir, 'silent.wav')), /^the recording .*silent\.wav is empty$/],
    ['a folder', () => dir, /^cannot read the recording .*: is a folder, not a file$/],
  ])('a %s recording → file, and nothing is sent', async (_name, path, message) => {
    server = await startFakeOpenAI({ kind: 'transcript', text: 'Hi.' });
    const failure = await failureOf(transcribe(path(), configFor(server.url)));
    expect(failure.reason).toBe('file');
    expect(failure.message).toMatch(message);
    expect(server.requests).toHaveLength(0);
  });

  it("a recording over OpenAI's 25 MB → file, before any upload; a server of one's own is sent it", async () => {
    const big = join(dir, 'long.wav');
    writeFileSync(big, Buffer.alloc(26 * 1024 * 1024, 1));
    const failure = await failureOf(transcribe(big, { apiKey: 'sk-test-key-123456789', model: 'whisper-1', timeoutMs: 300 }));
    expect(failure.reason).toBe('file');
    expect(failure.message).toMatch(/is 26\.0 MB and OpenAI takes up to 25 MB/);
    server = await startFakeOpenAI({ kind: 'transcript', text: 'A long answer.' });
    // 26 MB over loopback: the time limit is for a stalled service, not for a slow machine.
    expect((await transcribe(big, configFor(server.url, { timeoutMs: 20_000 }))).text).toBe('A long answer.');
  });

  it.each<[string, Script]>([
    ['a stalled call', { kind: 'stall' }],
    ['the pause before a retry', busy],
  ])("the caller's abort ends %s at once, with the signal's reason", async (_name, script) => {
    server = await startFakeOpenAI(script);
    const controller = new AbortController();
    const call = transcribe(recording, configFor(server.url, { timeoutMs: 10_000 }), { signal: controller.signal });
    await expect.poll(() => server!.requests.length).toBe(1);
    const started = performance.now();
    controller.abort();
    await expect(call).rejects.toMatchObject({ name: 'AbortError' });
    expect(performance.now() - started).toBeLessThan(500);
  });
});
