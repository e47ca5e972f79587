// Recording: a stand-in WAV fed in at real time, and the recorder process path through fake recorders on a search path.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { detectRecorder } from '../../src/voice/tools.js';
import { RecordError, recorderArgs, startRecording, type Recording } from '../../src/voice/record.js';
import { durationOf, parseWav, UNKNOWN_SIZE, wavHeader } from '../../src/voice/wav.js';
import { concatWav, fakeProgram, samplesOf, silenceWav, toneWav } from '../support/audio.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'rehearse-record-'));

function standIn(wav: Buffer): string {
  const file = join(tmp(), 'stand-in.wav');
  writeFileSync(file, wav);
  return file;
}

const untilElapsed = (rec: Recording, ms: number) =>
  vi.waitFor(() => expect(rec.elapsedMs()).toBeGreaterThan(ms), { timeout: 5000, interval: 10 });

function failureOf(run: () => unknown): { reason: string; message: string } | unknown {
  try {
    run();
  } catch (e) {
    return e instanceof RecordError ? { reason: e.reason, message: e.message } : e;
  }
  return 'no error';
}

describe('a stand-in microphone', () => {
  it('is fed in at real time, and the file holds its samples then silence', async () => {
    const tone = toneWav(0.3, { amplitude: 0.6 });
    const micFile = standIn(concatWav(tone, silenceWav(0.2)));
    const file = join(tmp(), 'answer.wav');
    const levels: { level: number; elapsedMs: number }[] = [];
    const startedAt = performance.now();
    const rec = startRecording({ file, micFile, onLevel: (level, elapsedMs) => levels.push({ level, elapsedMs }) });
    await untilElapsed(rec, 600);
    const wallMs = performance.now() - startedAt;
    const result = await rec.stop();

    const wav = parseWav(readFileSync(file));
    expect({ sampleRate: wav.sampleRate, channels: wav.channels }).toEqual({ sampleRate: 16000, channels: 1 });
    // Real time: 600 ms of audio took about 600 ms to arrive, not an instant.
    expect(wallMs).toBeGreaterThan(550);
    expect(result.seconds).toBeCloseTo(durationOf(wav), 6);
    expect(result.seconds).toBeGreaterThan(0.6);
    expect(result.seconds).toBeLessThan(1.5);
    expect(result).toEqual({ file, seconds: result.seconds, bytes: readFileSync(file).length });
    expect(wav.data.subarray(0, samplesOf(tone).length)).toEqual(samplesOf(tone));
    expect(wav.data.subarray(samplesOf(tone).length).every((b) => b === 0)).toBe(true);

    // Each piece of audio runs from the previous report's time to its own.
    const pieces = levels.map((l, i) => ({ ...l, fromMs: levels[i - 1]?.elapsedMs ?? 0 }));
    const during = pieces.filter((p) => p.elapsedMs <= 300);
    const after = pieces.filter((p) => p.fromMs >= 300);
    expect(during.length).toBeGreaterThan(0);
    expect(after.length).toBeGreaterThan(0);
    expect(Math.min(...during.map((l) => l.level))).toBeGreaterThan(0.3);
    expect(Math.max(...after.map((l) => l.level))).toBe(0);
    expect(rec.level()).toBe(0);
  });

  it('keeps the stand-in sample rate and channels', async () => {
    const micFile = standIn(toneWav(1, { sampleRate: 22050, channels: 2 }));
    const file = join(tmp(), 'answer.wav');
    const rec = startRecording({ file, micFile, sampleRate: 16000 });
    await untilElapsed(rec, 100);
    await rec.stop();
    const { data: _, ...format } = parseWav(readFileSync(file));
    expect(format).toEqual({ sampleRate: 22050, channels: 2, bitsPerSample: 16 });
  });

  it('writes as it goes: before stop the file already reads, with a "size unknown" header; stop puts the sizes in', async () => {
    const file = join(tmp(), 'answer.wav');
    const rec = startRecording({ file, micFile: standIn(toneWav(2)) });
    await untilElapsed(rec, 300);
    const midway = readFileSync(file);
    expect(midway.subarray(0, 44)).toEqual(wavHeader({ sampleRate: 16000, channels: 1 }, UNKNOWN_SIZE));
    expect(durationOf(parseWav(midway))).toBeGreaterThan(0.3);

    const { seconds } = await rec.stop();
    const done = readFileSync(file);
    expect(done.subarray(0, 44)).toEqual(wavHeader({ sampleRate: 16000, channels: 1 }, done.length - 44));
    expect(seconds).toBeCloseTo((done.length - 44) / 32000, 6);
    expect(seconds).toBeGreaterThanOrEqual(durationOf(parseWav(midway)));
  });

  it('cancel removes the file', async () => {
    const file = join(tmp(), 'answer.wav');
    const rec = startRecording({ file, micFile: standIn(toneWav(1)) });
    await untilElapsed(rec, 50);
    await rec.cancel();
    expect(existsSync(file)).toBe(false);
  });

  it.each([
    ['missing', () => join(tmp(), 'nope.wav'), 'no such file'],
    ['not a WAV file', () => standIn(Buffer.from('hello, this is text')), 'not a WAV file (no RIFF/WAVE header)'],
    [
      'not 16-bit',
      () => {
        const wav = Buffer.from(toneWav(0.1));
        wav.writeUInt16LE(8, 34);
        return standIn(wav);
      },
      '8-bit PCM audio; only 16-bit PCM is read',
    ],
  ])('a stand-in that is %s is refused before anything is written', (_, make, reason) => {
    const micFile = make();
    const file = join(tmp(), 'answer.wav');
    expect(failureOf(() => startRecording({ file, micFile }))).toEqual({ reason: 'mic-file', message: `${micFile}: ${reason}` });
    expect(existsSync(file)).toBe(false);
  });
});

it('with neither a recorder nor a stand-in, says there is no recorder', () => {
  expect(failureOf(() => startRecording({ file: join(tmp(), 'a.wav') }))).toEqual({
    reason: 'no-recorder',
    message: 'no recorder found: install sox (rec), alsa-utils (arecord) or ffmpeg',
  });
});

it('a file that cannot be written is a failure naming it', () => {
  const file = join(tmp(), 'no-such-folder', 'a.wav');
  expect(failureOf(() => startRecording({ file, micFile: standIn(toneWav(0.1)) }))).toEqual({
    reason: 'failed',
    message: `${file}: no such file`,
  });
});

describe('recorderArgs', () => {
  it.each([
    ['rec', 'linux', ['-q', '-t', 'raw', '-r', '16000', '-e', 'signed', '-b', '16', '-c', '1', '-L', '-']],
    ['arecord', 'linux', ['-q', '-f', 'S16_LE', '-r', '16000', '-c', '1', '-t', 'raw']],
    [
      'ffmpeg',
      'linux',
      ['-hide_banner', '-loglevel', 'error', '-nostdin', '-f', 'pulse', '-i', 'default', '-ac', '1', '-ar', '16000', '-f', 's16le', '-'],
    ],
    [
      'ffmpeg',
      'darwin',
      ['-hide_banner', '-loglevel', 'error', '-nostdin', '-f', 'avfoundation', '-i', ':0', '-ac', '1', '-ar', '16000', '-f', 's16le', '-'],
    ],
  ] as const)('%s on %s', (name, platform, expected) => {
    expect(recorderArgs(name, 16000, platform)).toEqual(expected);
  });
});

/** Writes a known ramp of samples, 50 ms at a time, until told to stop; then three more bytes, the last one half a sample. */
const STREAMING_RECORDER = `
const fs = require('node:fs');
fs.writeFileSync(__dirname + '/args.json', JSON.stringify(process.argv.slice(2)));
let n = 0;
const chunk = () => {
  const b = Buffer.alloc(1600);
  for (let k = 0; k < 800; k++) b.writeInt16LE(((n++ % 100) - 50) * 300, k * 2);
  return b;
};
const timer = setInterval(() => process.stdout.write(chunk()), 50);
process.on('SIGINT', () => {
  clearInterval(timer);
  fs.writeFileSync(__dirname + '/signal', 'SIGINT');
  process.stdout.write(Buffer.from([0x34, 0x12, 0x99]), () => process.exit(0));
});
`;

describe.skipIf(process.platform === 'win32')('a recorder process', () => {
  it('is found on the search path, streams into the file, is stopped with SIGINT, and the header is patched', async () => {
    const dir = fakeProgram('arecord', STREAMING_RECORDER);
    const recorder = detectRecorder(dir);
    expect(recorder).toEqual({ name: 'arecord', path: join(dir, 'arecord') });
    const file = join(tmp(), 'answer.wav');
    const levels: number[] = [];
    const onFailure = vi.fn();
    const rec = startRecording({ file, recorder, onLevel: (l) => levels.push(l), onFailure });
    await untilElapsed(rec, 300);
    const result = await rec.stop();

    expect(JSON.parse(readFileSync(join(dir, 'args.json'), 'utf8'))).toEqual(recorderArgs('arecord', 16000, process.platform));
    expect(readFileSync(join(dir, 'signal'), 'utf8')).toBe('SIGINT');
    expect(onFailure).not.toHaveBeenCalled();
    expect(Math.min(...levels)).toBeGreaterThan(0.1);

    const bytes = readFileSync(file);
    const wav = parseWav(bytes);
    const samples = wav.data.length / 2;
    // The ramp, then the one whole sample written on the way out; the half sample is cut.
    const expected = Buffer.alloc(wav.data.length);
    for (let k = 0; k < samples - 1; k++) expected.writeInt16LE(((k % 100) - 50) * 300, k * 2);
    expected.writeInt16LE(0x1234, (samples - 1) * 2);
    expect(wav.data).toEqual(expected);
    expect((samples - 1) % 800).toBe(0);
    expect(bytes.subarray(0, 44)).toEqual(wavHeader({ sampleRate: 16000, channels: 1 }, wav.data.length));
    expect(result).toEqual({ file, seconds: samples / 16000, bytes: bytes.length });
  });

  it('measures the level on whole samples when the pipe splits one', async () => {
    // Samples of 0x2000 (a quarter of full scale), sent as one byte and, a moment later, the rest.
    const dir = fakeProgram(
      'arecord',
      `const rest = Buffer.alloc(3199);
       for (let i = 0; i < rest.length; i++) rest[i] = i % 2 ? 0x00 : 0x20;
       process.stdout.write(Buffer.from([0x00]));
       setTimeout(() => process.stdout.write(rest), 100);
       setInterval(() => {}, 1000);`,
    );
    const levels: number[] = [];
    const rec = startRecording({ file: join(tmp(), 'answer.wav'), recorder: detectRecorder(dir), onLevel: (l) => levels.push(l) });
    await untilElapsed(rec, 90);
    await rec.stop();
    expect(levels[levels.length - 1]).toBeCloseTo(0.25, 3);
  });

  it('one that fails at once is reported with its last line, and stop rejects with it', async () => {
    const dir = fakeProgram(
      'arecord',
      `process.stderr.write('ALSA lib pcm.c:2666:(snd_pcm_open_noupdate) Unknown PCM default\\narecord: main:831: audio open error: No such file or directory\\n');
       process.exitCode = 1;`,
    );
    const file = join(tmp(), 'answer.wav');
    const onFailure = vi.fn<(e: RecordError) => void>();
    const rec = startRecording({ file, recorder: detectRecorder(dir), onFailure });
    await vi.waitFor(() => expect(onFailure).toHaveBeenCalled(), { timeout: 5000, interval: 10 });
    const expected = { reason: 'failed', message: 'arecord: main:831: audio open error: No such file or directory' };
    expect(onFailure.mock.calls.map(([e]) => ({ reason: e.reason, message: e.message }))).toEqual([expected]);
    await expect(rec.stop()).rejects.toMatchObject(expected);
    // The file is still a WAV file, of nothing.
    expect(parseWav(readFileSync(file)).data.length).toBe(0);
  });

  it('one that ends by itself midway keeps what it sent', async () => {
    const dir = fakeProgram('rec', `process.stdout.write(Buffer.alloc(3200, 1), () => setTimeout(() => process.exit(2), 50));`);
    const file = join(tmp(), 'answer.wav');
    const onFailure = vi.fn();
    const rec = startRecording({ file, recorder: detectRecorder(dir), onFailure });
    await vi.waitFor(() => expect(onFailure).toHaveBeenCalled(), { timeout: 5000, interval: 10 });
    await expect(rec.stop()).rejects.toMatchObject({ reason: 'failed', message: 'rec: stopped by itself (exit code 2)' });
    expect(parseWav(readFileSync(file)).data).toEqual(Buffer.alloc(3200, 1));
  });

  it('one that cannot be started is a failure naming it', async () => {
    const file = join(tmp(), 'answer.wav');
    const onFailure = vi.fn();
    const rec = startRecording({ file, recorder: { name: 'ffmpeg', path: join(tmp(), 'ffmpeg') }, onFailure });
    await expect(rec.stop()).rejects.toMatchObject({ reason: 'failed', message: 'ffmpeg: could not start (no such file)' });
    expect(onFailure).toHaveBeenCalledTimes(1);
  });

  it('one that ignores SIGINT is ended firmly', async () => {
    const dir = fakeProgram(
      'rec',
      `process.on('SIGINT', () => {});
       setInterval(() => process.stdout.write(Buffer.alloc(1600)), 50);`,
    );
    const rec = startRecording({ file: join(tmp(), 'answer.wav'), recorder: detectRecorder(dir) });
    await untilElapsed(rec, 100);
    await expect(rec.stop()).resolves.toMatchObject({ seconds: expect.any(Number) });
  });

  it('cancel ends it and removes the file', async () => {
    const dir = fakeProgram('arecord', STREAMING_RECORDER);
    const file = join(tmp(), 'answer.wav');
    const rec = startRecording({ file, recorder: detectRecorder(dir) });
    await untilElapsed(rec, 100);
    await rec.cancel();
    expect(existsSync(file)).toBe(false);
    expect(readFileSync(join(dir, 'signal'), 'utf8')).toBe('SIGINT');
  });
});
