// 16-bit PCM WAV: the header a recording is written under, reading any tool's file back, and how loud it is.

export interface WavFormat {
  sampleRate: number;
  channels: number;
}

export interface Wav extends WavFormat {
  bitsPerSample: number;
  /** The samples: whole frames of 16-bit little-endian PCM, channels interleaved. */
  data: Buffer;
}

export type WavErrorReason = 'not-wav' | 'no-format' | 'unsupported' | 'no-data';

export class WavError extends Error {
  constructor(
    readonly reason: WavErrorReason,
    message: string,
  ) {
    super(message);
    this.name = 'WavError';
  }
}

export const HEADER_BYTES = 44;

/** The size a header gives while the length is not known yet: readers take the data to the end of the file. */
export const UNKNOWN_SIZE = 0xffffffff;

const BYTES_PER_SAMPLE = 2;
const FORMAT_PCM = 1;
const FORMAT_EXTENSIBLE = 0xfffe;

/** A canonical 44-byte header for 16-bit PCM; `UNKNOWN_SIZE` gives a header for a file still being written. */
export function wavHeader(format: WavFormat, dataBytes: number): Buffer {
  const blockAlign = format.channels * BYTES_PER_SAMPLE;
  const header = Buffer.alloc(HEADER_BYTES);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(Math.min(36 + dataBytes, UNKNOWN_SIZE), 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(FORMAT_PCM, 20);
  header.writeUInt16LE(format.channels, 22);
  header.writeUInt32LE(format.sampleRate, 24);
  header.writeUInt32LE(format.sampleRate * blockAlign, 28);
  header.writeUInt16LE(blockAlign, 32);
  header.writeUInt16LE(BYTES_PER_SAMPLE * 8, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(Math.min(dataBytes, UNKNOWN_SIZE), 40);
  return header;
}

interface FmtChunk {
  format: number;
  channels: number;
  sampleRate: number;
  bitsPerSample: number;
}

function readFmt(bytes: Buffer, at: number, size: number): FmtChunk {
  if (size < 16 || at + 16 > bytes.length) throw new WavError('no-format', 'the format chunk is cut short');
  const tag = bytes.readUInt16LE(at);
  // WAVE_FORMAT_EXTENSIBLE keeps the real format in the first two bytes of its sub-format GUID.
  const format = tag === FORMAT_EXTENSIBLE && size >= 26 && at + 26 <= bytes.length ? bytes.readUInt16LE(at + 24) : tag;
  return {
    format,
    channels: bytes.readUInt16LE(at + 2),
    sampleRate: bytes.readUInt32LE(at + 4),
    bitsPerSample: bytes.readUInt16LE(at + 14),
  };
}

/**
 * The format and samples of a 16-bit PCM WAV file. Chunks other than `fmt ` and `data` (LIST,
 * fact) are skipped. A data size of 0 or 0xFFFFFFFF, or one past the end, is a file whose
 * writer was cut off or streaming: its samples run to the end of the bytes.
 */
export function parseWav(bytes: Buffer): Wav {
  if (bytes.length < 12 || bytes.toString('ascii', 0, 4) !== 'RIFF' || bytes.toString('ascii', 8, 12) !== 'WAVE') {
    throw new WavError('not-wav', 'not a WAV file (no RIFF/WAVE header)');
  }
  let fmt: FmtChunk | undefined;
  let at = 12;
  while (at + 8 <= bytes.length) {
    const id = bytes.toString('ascii', at, at + 4);
    const size = bytes.readUInt32LE(at + 4);
    const body = at + 8;
    if (id === 'fmt ') fmt = readFmt(bytes, body, size);
    else if (id === 'data') {
      if (!fmt) throw new WavError('no-format', 'the data comes before any format chunk');
      return toWav(fmt, dataOf(bytes, body, size));
    }
    // Chunks are padded to an even length.
    at = body + size + (size % 2);
  }
  throw new WavError(fmt ? 'no-data' : 'no-format', fmt ? 'no data chunk' : 'no format chunk');
}

function dataOf(bytes: Buffer, body: number, size: number): Buffer {
  const open = size === 0 || size === UNKNOWN_SIZE || body + size > bytes.length;
  return bytes.subarray(body, open ? bytes.length : body + size);
}

function toWav(fmt: FmtChunk, data: Buffer): Wav {
  if (fmt.format !== FORMAT_PCM || fmt.bitsPerSample !== 16) {
    const kind = fmt.format === FORMAT_PCM ? `${fmt.bitsPerSample}-bit PCM` : `format ${fmt.format}, ${fmt.bitsPerSample}-bit`;
    throw new WavError('unsupported', `${kind} audio; only 16-bit PCM is read`);
  }
  if (fmt.channels < 1 || fmt.sampleRate < 1) {
    throw new WavError('unsupported', `${fmt.channels} channels at ${fmt.sampleRate} Hz is not playable audio`);
  }
  const blockAlign = fmt.channels * BYTES_PER_SAMPLE;
  // A writer cut off mid-sample leaves a part frame at the end; it is no audio.
  const whole = data.subarray(0, data.length - (data.length % blockAlign));
  return { sampleRate: fmt.sampleRate, channels: fmt.channels, bitsPerSample: 16, data: whole };
}

/** Seconds of audio in a WAV's samples. */
export function durationOf(wav: Wav): number {
  return wav.data.length / (wav.sampleRate * wav.channels * BYTES_PER_SAMPLE);
}

/** Root-mean-square level of 16-bit little-endian samples, 0 (silence) to 1 (full scale). */
export function level(samples: Buffer): number {
  const count = Math.floor(samples.length / BYTES_PER_SAMPLE);
  if (count === 0) return 0;
  let sum = 0;
  for (let i = 0; i < count; i++) {
    const s = samples.readInt16LE(i * BYTES_PER_SAMPLE) / 32768;
    sum += s * s;
  }
  return Math.min(1, Math.sqrt(sum / count));
}

/**
 * Level above which a frame counts as sound: about -34 dBFS, over the hiss of a quiet room's
 * microphone and well under speech at a normal distance.
 */
export const SILENCE_LEVEL = 0.02;

/** The share of short frames (0..1) louder than the silence threshold: speech, against a recording of nothing. */
export function speechShare(wav: Wav, options: { frameMs?: number; threshold?: number } = {}): number {
  const { frameMs = 20, threshold = SILENCE_LEVEL } = options;
  const frameBytes = Math.max(1, Math.round((wav.sampleRate * frameMs) / 1000)) * wav.channels * BYTES_PER_SAMPLE;
  let frames = 0;
  let loud = 0;
  for (let at = 0; at < wav.data.length; at += frameBytes) {
    frames++;
    if (level(wav.data.subarray(at, at + frameBytes)) > threshold) loud++;
  }
  return frames === 0 ? 0 : loud / frames;
}
