// Offline speech: espeak-ng renders a question to a WAV file that holds speech, not silence; and its failures.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EspeakError, espeakArgs, renderOffline } from '../../src/voice/espeak.js';
import { findCommand } from '../../src/voice/tools.js';
import { durationOf, parseWav, speechShare } from '../../src/voice/wav.js';
import { fakeProgram } from '../support/audio.js';

const SEARCH_PATH = process.env.PATH ?? '';
const ESPEAK = findCommand('espeak-ng', SEARCH_PATH);
const SOX = findCommand('sox', SEARCH_PATH);
// CI installs both (.ci/run): there a missing one fails the test instead of skipping it.
const IN_CI = !!process.env.CI;

const tmp = () => mkdtempSync(join(tmpdir(), 'rehearse-espeak-'));

function espeakNg(): string {
  if (!ESPEAK) throw new Error('espeak-ng is not on the PATH; CI installs it in .ci/run');
  return ESPEAK;
}

const QUESTION = 'Tell me about a product you launched, and how you knew whether it had worked.';
const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

async function render(text: string, wordsPerMinute = 175) {
  const file = join(tmp(), 'question.wav');
  await renderOffline(text, file, { espeak: espeakNg(), voice: 'en-us', wordsPerMinute });
  return { file, wav: parseWav(readFileSync(file)) };
}

describe.skipIf(!ESPEAK && !IN_CI)('espeak-ng', () => {
  it('renders a question as speech, not silence, about as long as the words take to say', async () => {
    const { wav } = await render(QUESTION);
    const seconds = durationOf(wav);
    const expected = (words(QUESTION) / 175) * 60;
    expect({ sampleRate: wav.sampleRate, channels: wav.channels }).toEqual({ sampleRate: 22050, channels: 1 });
    expect(speechShare(wav)).toBeGreaterThan(0.4);
    expect(seconds).toBeGreaterThan(expected * 0.6);
    expect(seconds).toBeLessThan(expected * 1.8);
  });

  it.skipIf(!SOX && !IN_CI)('sox measures the same file as sound', async () => {
    if (!SOX) throw new Error('sox is not on the PATH; CI installs it in .ci/run');
    const { file } = await render(QUESTION);
    const stat = spawnSync(SOX, [file, '-n', 'stat'], { encoding: 'utf8' });
    expect(stat.status).toBe(0);
    const rms = Number(/RMS\s+amplitude:\s+([\d.]+)/.exec(stat.stderr)?.[1]);
    expect(rms).toBeGreaterThan(0.03);
  });

  it('speaks every line of a long text, slower when asked', async () => {
    const line = 'Walk me through how you would decide what the team builds next quarter.';
    const once = durationOf((await render(line)).wav);
    const many = durationOf((await render(Array.from({ length: 20 }, () => line).join('\n'))).wav);
    const slow = durationOf((await render(line, 100)).wav);
    expect(many / once).toBeGreaterThan(15);
    expect(slow / once).toBeGreaterThan(1.4);
  });

  it('takes a text that begins with a dash as words, not options', async () => {
    const dir = tmp();
    const { wav } = await render(`-w ${join(dir, 'other.wav')} -v xx what would you cut first?`);
    expect(speechShare(wav)).toBeGreaterThan(0.3);
    expect(existsSync(join(dir, 'other.wav'))).toBe(false);
  });

  it('an unknown voice is a typed failure with espeak-ng’s line and the voice', async () => {
    const error = await renderOffline(QUESTION, join(tmp(), 'q.wav'), { espeak: espeakNg(), voice: 'nosuchvoice' }).catch((e) => e);
    expect(error).toBeInstanceOf(EspeakError);
    expect({ reason: error.reason, message: error.message }).toEqual({
      reason: 'unknown-voice',
      message: 'espeak-ng: The specified espeak-ng voice does not exist. (voice "nosuchvoice")',
    });
  });
});

it('passes the text on standard input, never as an argument', () => {
  expect(espeakArgs('/tmp/q.wav', 'en-gb', 162.4)).toEqual(['-v', 'en-gb', '-s', '162', '-b', '1', '-w', '/tmp/q.wav', '--stdin']);
});

describe.skipIf(process.platform === 'win32')('failures, with a stand-in espeak', () => {
  it.each([
    [
      'its last line on standard error',
      `process.stderr.write('Error: cannot write /x.wav\\n'); process.exitCode = 1;`,
      'espeak-ng: cannot write /x.wav',
    ],
    ['its exit code when it says nothing', `process.exitCode = 4;`, 'espeak-ng: exit code 4'],
  ])('a failure says %s', async (_, script, message) => {
    const dir = fakeProgram('espeak-ng', script);
    const error = await renderOffline(QUESTION, join(tmp(), 'q.wav'), { espeak: join(dir, 'espeak-ng'), voice: 'en-us' }).catch((e) => e);
    expect({ type: error.constructor.name, reason: error.reason, message: error.message }).toEqual({
      type: 'EspeakError',
      reason: 'failed',
      message,
    });
  });

  it('one that cannot be started says so', async () => {
    const error = await renderOffline(QUESTION, join(tmp(), 'q.wav'), { espeak: join(tmp(), 'espeak'), voice: 'en-us' }).catch((e) => e);
    expect({ reason: error.reason, message: error.message }).toEqual({
      reason: 'not-started',
      message: 'espeak: could not start (no such file)',
    });
  });

  it('is given the text whole on standard input', async () => {
    const dir = fakeProgram('espeak-ng', `require('node:fs').writeFileSync(__dirname + '/stdin.txt', require('node:fs').readFileSync(0));`);
    const text = `- first line\nsecond line, “quoted” and $HOME\n${'long '.repeat(50_000)}`;
    await renderOffline(text, join(tmp(), 'q.wav'), { espeak: join(dir, 'espeak-ng'), voice: 'en-us' });
    expect(readFileSync(join(dir, 'stdin.txt'), 'utf8')).toBe(text);
  });
});
