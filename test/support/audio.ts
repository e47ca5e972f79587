// WAV files made in the test (tones, silence, the two joined), and stand-in audio programs on a search path of the test's own.
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseWav, wavHeader } from '../../src/voice/wav.js';

export interface ToneOptions {
  sampleRate?: number;
  channels?: number;
  /** Hertz. */
  freq?: number;
  /** Peak, 0..1 of full scale. */
  amplitude?: number;
}

/** A sine tone, the same on every channel. */
export function toneWav(seconds: number, options: ToneOptions = {}): Buffer {
  const { sampleRate = 16_000, channels = 1, freq = 440, amplitude = 0.5 } = options;
  const frames = Math.round(seconds * sampleRate);
  const data = Buffer.alloc(frames * channels * 2);
  for (let i = 0; i < frames; i++) {
    const sample = Math.round(Math.sin((2 * Math.PI * freq * i) / sampleRate) * amplitude * 32767);
    for (let c = 0; c < channels; c++) data.writeInt16LE(sample, (i * channels + c) * 2);
  }
  return Buffer.concat([wavHeader({ sampleRate, channels }, data.length), data]);
}

export function silenceWav(seconds: number, options: { sampleRate?: number; channels?: number } = {}): Buffer {
  const { sampleRate = 16_000, channels = 1 } = options;
  const data = Buffer.alloc(Math.round(seconds * sampleRate) * channels * 2);
  return Buffer.concat([wavHeader({ sampleRate, channels }, data.length), data]);
}

/** WAV files of one format, one after the other. */
export function concatWav(...wavs: Buffer[]): Buffer {
  const parsed = wavs.map(parseWav);
  const first = parsed[0];
  if (!first) throw new Error('concatWav needs at least one file');
  if (parsed.some((w) => w.sampleRate !== first.sampleRate || w.channels !== first.channels)) {
    throw new Error('concatWav joins files of one sample rate and channel count only');
  }
  const data = Buffer.concat(parsed.map((w) => w.data));
  return Buffer.concat([wavHeader(first, data.length), data]);
}

/** The samples of a WAV file, for comparing audio regardless of its header. */
export const samplesOf = (wav: Buffer): Buffer => parseWav(wav).data;

/**
 * A program called `name` in a new folder (returned; put it first on a search path), run by this
 * Node: `script` is its CommonJS source, and may write what it was given beside itself (`__dirname`).
 */
export function fakeProgram(name: string, script: string, dir = mkdtempSync(join(tmpdir(), 'rehearse-fake-'))): string {
  const source = join(dir, `${name}.cjs`);
  writeFileSync(source, script);
  writeFileSync(join(dir, name), `#!/bin/sh\nexec '${process.execPath}' '${source}' "$@"\n`);
  chmodSync(join(dir, name), 0o755);
  return dir;
}
