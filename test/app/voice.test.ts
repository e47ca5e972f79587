// The interviewer's voice as the screens get it: the API's speech over real HTTP, espeak-ng when the
// API fails or is not set, and each missing piece said once. Players and espeak-ng are stand-ins on
// a search path of the test's own, so the test hears nothing and needs no sound card.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createVoice, type Voice, type VoiceNotice } from '../../src/app/voice.js';
import type { VoiceConfig } from '../../src/config.js';
import { fakeProgram, toneWav } from '../support/audio.js';
import { startFakeOpenAI, type FakeOpenAI, type Reply } from '../support/fake-openai.js';

/**
 * A player that keeps a copy of what it was asked to play, renamed into place once whole: the test
 * reads it as soon as it exists.
 */
const KEEPS_WHAT_IT_PLAYS = `const fs = require('node:fs');
const file = process.argv[process.argv.length - 1];
fs.copyFileSync(file, __dirname + '/played.wav.part');
fs.renameSync(__dirname + '/played.wav.part', __dirname + '/played.wav');`;

/** An espeak-ng that writes a short tone to the file after -w, and keeps the text it was given. */
const SPEAKS_A_TONE = `const fs = require('node:fs');
const out = process.argv[process.argv.indexOf('-w') + 1];
fs.writeFileSync(out, Buffer.from('${toneWav(0.2, { freq: 200 }).toString('base64')}', 'base64'));
let text = ''; process.stdin.on('data', (d) => (text += d)); process.stdin.on('end', () => fs.writeFileSync(__dirname + '/said.txt', text));`;

const ESPEAK_TONE = toneWav(0.2, { freq: 200 });

let servers: FakeOpenAI[] = [];
let voices: Voice[] = [];
afterEach(async () => {
  for (const v of voices) v.close();
  for (const s of servers) await s.close();
  servers = [];
  voices = [];
});

function voiceWith(settings: Partial<VoiceConfig>, tools: ('aplay' | 'espeak-ng')[]) {
  const dir = mkdtempSync(join(tmpdir(), 'rehearse-voice-tools-'));
  if (tools.includes('aplay')) fakeProgram('aplay', KEEPS_WHAT_IT_PLAYS, dir);
  if (tools.includes('espeak-ng')) fakeProgram('espeak-ng', SPEAKS_A_TONE, dir);
  const notices: VoiceNotice[] = [];
  const voice = createVoice({ speechApiOnly: false, espeakVoice: 'en-us', searchPath: dir, ...settings }, (n) => notices.push(n));
  voices.push(voice);
  return { voice, notices, dir, played: join(dir, 'played.wav') };
}

async function until(test: () => boolean, what: string) {
  const end = Date.now() + 5000;
  while (!test()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function speechServer(reply: Reply) {
  const s = await startFakeOpenAI(reply);
  servers.push(s);
  return { apiKey: 'sk-test-key-123456789', baseURL: s.url, model: 'tts-test', voice: 'verse', timeoutMs: 1000, server: s };
}

describe('the interviewer speaks', () => {
  it('through the API when it is set: the question goes to the speech endpoint, its audio to the player', async () => {
    const audio = toneWav(0.3, { freq: 500 });
    const { server, ...speech } = await speechServer({ kind: 'audio', bytes: audio });
    const { voice, notices, played } = voiceWith({ speech }, ['aplay', 'espeak-ng']);
    voice.say('Which number would you watch first?');
    await until(() => existsSync(played), 'the player');
    expect(readFileSync(played).equals(audio)).toBe(true);
    expect(server.requests[0]!.body).toMatchObject({ model: 'tts-test', voice: 'verse', input: 'Which number would you watch first?' });
    expect(notices).toEqual([]);
  });

  it('with espeak-ng when the API fails, said once, and the API is not asked again', async () => {
    const { server, ...speech } = await speechServer({ kind: 'status', status: 500 });
    const { voice, notices, dir } = voiceWith({ speech }, ['aplay', 'espeak-ng']);
    voice.say('First question?');
    await until(() => existsSync(join(dir, 'said.txt')), 'espeak-ng');
    const asked = server.requests.length;
    voice.say('Second question?');
    await until(() => readFileSync(join(dir, 'said.txt'), 'utf8').includes('Second'), 'the second question');
    expect(server.requests.length).toBe(asked);
    expect(notices.map((n) => n.reason)).toEqual(['speech-failed']);
    expect(notices[0]!.text).toMatch(/espeak-ng/);
    expect(notices[0]!.text).not.toContain('sk-test-key');
  });

  it('offline with espeak-ng when no API is set', async () => {
    const { voice, notices, dir, played } = voiceWith({}, ['aplay', 'espeak-ng']);
    voice.say('How would you know it worked?');
    await until(() => existsSync(played), 'the player');
    expect(readFileSync(played).equals(ESPEAK_TONE)).toBe(true);
    expect(readFileSync(join(dir, 'said.txt'), 'utf8')).toContain('How would you know it worked?');
    expect(notices).toEqual([]);
  });

  it.each<[string, ('aplay' | 'espeak-ng')[], VoiceNotice['reason']]>([
    ['no player: said once, and the interview goes on silent', ['espeak-ng'], 'no-player'],
    ['no espeak-ng and no API: said once', ['aplay'], 'no-speech'],
  ])('%s', (_, tools, reason) => {
    const { voice, notices } = voiceWith({}, tools);
    // Both are found missing as soon as a question is to be said.
    voice.say('One?');
    voice.say('Two?');
    expect(notices.map((n) => n.reason)).toEqual([reason]);
  });
});
