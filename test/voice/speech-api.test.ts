// Speech through the real openai SDK over HTTP, against the scripted test server.
import { afterEach, describe, expect, it } from 'vitest';
import { AudioServiceError, isWav, synthesize, type AudioFailure, type SpeechConfig } from '../../src/voice/speech-api.js';
import { toneWav } from '../support/audio.js';
import { startFakeOpenAI, type FakeOpenAI, type Script } from '../support/fake-openai.js';

const KEY = 'sk-test-DO-NOT-LEAK-0123456789';
const question = 'Walk me through how you would decide what to build first for Shedshare.';
let server: FakeOpenAI | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const configFor = (url: string, over: Partial<SpeechConfig> = {}): SpeechConfig => ({
  apiKey: KEY,
  baseURL: url,
  model: 'gpt-4o-mini-tts',
  voice: 'alloy',
  timeoutMs: 3000,
  ...over,
});

/** The loudest 16-bit sample after a plain 44-byte WAV header. */
function peak(wav: Buffer): number {
  let max = 0;
  for (let i = 44; i + 1 < wav.length; i += 2) max = Math.max(max, Math.abs(wav.readInt16LE(i)));
  return max;
}

describe('synthesize', () => {
  it('asks for the text in the voice and model, as WAV, and gives back the audio', async () => {
    server = await startFakeOpenAI({ kind: 'audio' });
    const audio = await synthesize(question, configFor(server.url));
    const sent = server.requests[0]!;
    expect(sent.path).toBe('/v1/audio/speech');
    expect(sent.headers.authorization).toBe(`Bearer ${KEY}`);
    const { messages: _, ...fields } = sent.body;
    expect(fields).toEqual({ model: 'gpt-4o-mini-tts', voice: 'alloy', input: question, response_format: 'wav' });
    expect(isWav(audio)).toBe(true);
    expect(audio.equals(toneWav(0.25))).toBe(true);
    expect(peak(audio)).toBeGreaterThan(1000);
  });

  it('one server answers chat and speech apart, by path', async () => {
    const long = toneWav(1, { freq: 220 });
    server = await startFakeOpenAI((req) => (req.path.endsWith('/audio/speech') ? { kind: 'audio', bytes: long } : { kind: 'stall' }));
    expect((await synthesize(question, configFor(server.url, { voice: 'verse' }))).equals(long)).toBe(true);
    expect(server.requests[0]!.body.voice).toBe('verse');
  });

  it.each<[string, Script, AudioFailure, RegExp, number]>([
    [
      'audio that is not WAV',
      { kind: 'audio', bytes: Buffer.from('ID3\u0004\u0000\u0000not a wav at all'), contentType: 'audio/mpeg' },
      'malformed',
      /^the speech server at 127\.0\.0\.1:\d+ sent audio that is not a WAV file$/,
      1,
    ],
    [
      'JSON where audio should be',
      { kind: 'raw', contentType: 'application/json', body: '{"ok":true}' },
      'malformed',
      /sent audio that is not a WAV file$/,
      1,
    ],
    ['no bytes at all', { kind: 'audio', bytes: Buffer.alloc(0) }, 'empty', /^the speech server at 127\.0\.0\.1:\d+ sent no audio$/, 1],
    [
      'a 500, retried once',
      { kind: 'status', status: 500, headers: { 'retry-after-ms': '10' } },
      'status',
      /^the speech server at 127\.0\.0\.1:\d+ answered HTTP 500: status 500$/,
      2,
    ],
    [
      'a 401 whose message holds the key',
      { kind: 'status', status: 401, body: { error: { message: `Incorrect API key provided: ${KEY}` } } },
      'status',
      /answered HTTP 401: Incorrect API key provided: (?:sk-)?\[redacted\]$/,
      1,
    ],
    ['a stall', { kind: 'stall' }, 'timeout', /^the speech server at 127\.0\.0\.1:\d+ did not answer within 0\.3 s$/, 1],
  ])('%s', async (_name, script, reason, message, tries) => {
    server = await startFakeOpenAI(script);
    let failure: unknown;
    await synthesize(question, configFor(server.url, { timeoutMs: reason === 'timeout' ? 300 : 3000 })).catch(
      (e: unknown) => (failure = e),
    );
    expect(failure).toBeInstanceOf(AudioServiceError);
    expect(failure).toMatchObject({ reason, message: expect.stringMatching(message) });
    expect((failure as Error).message).not.toContain(KEY);
    expect(server.requests).toHaveLength(tries);
  });
});
