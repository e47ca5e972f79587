// WAV headers written and read back, other tools' files (LIST chunks, WAVE_FORMAT_EXTENSIBLE, streamed sizes), levels.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { durationOf, HEADER_BYTES, level, parseWav, speechShare, UNKNOWN_SIZE, WavError, wavHeader } from '../../src/voice/wav.js';
import { concatWav, silenceWav, toneWav } from '../support/audio.js';
import { fixture } from '../helpers.js';

const pcm = (...samples: number[]) => {
  const b = Buffer.alloc(samples.length * 2);
  samples.forEach((s, i) => b.writeInt16LE(s, i * 2));
  return b;
};

/** A RIFF/WAVE file of the chunks given, each `[id, body]`, padded as the format says. */
function riff(...chunks: [string, Buffer][]): Buffer {
  const parts = chunks.flatMap(([id, body]) => {
    const head = Buffer.alloc(8);
    head.write(id, 0, 'ascii');
    head.writeUInt32LE(body.length, 4);
    return body.length % 2 ? [head, body, Buffer.alloc(1)] : [head, body];
  });
  const body = Buffer.concat([Buffer.from('WAVE'), ...parts]);
  const head = Buffer.alloc(8);
  head.write('RIFF', 0, 'ascii');
  head.writeUInt32LE(body.length, 4);
  return Buffer.concat([head, body]);
}

function fmt(format: number, channels: number, sampleRate: number, bits: number): Buffer {
  const b = Buffer.alloc(16);
  b.writeUInt16LE(format, 0);
  b.writeUInt16LE(channels, 2);
  b.writeUInt32LE(sampleRate, 4);
  b.writeUInt32LE((sampleRate * channels * bits) / 8, 8);
  b.writeUInt16LE((channels * bits) / 8, 12);
  b.writeUInt16LE(bits, 14);
  return b;
}

describe('wavHeader', () => {
  it('writes the canonical 44-byte PCM header', () => {
    const h = wavHeader({ sampleRate: 22050, channels: 1 }, 1000);
    expect(h.length).toBe(HEADER_BYTES);
    expect({
      riff: h.toString('ascii', 0, 4),
      riffSize: h.readUInt32LE(4),
      wave: h.toString('ascii', 8, 16),
      fmtSize: h.readUInt32LE(16),
      format: h.readUInt16LE(20),
      channels: h.readUInt16LE(22),
      sampleRate: h.readUInt32LE(24),
      byteRate: h.readUInt32LE(28),
      blockAlign: h.readUInt16LE(32),
      bits: h.readUInt16LE(34),
      data: h.toString('ascii', 36, 40),
      dataSize: h.readUInt32LE(40),
    }).toEqual({
      riff: 'RIFF',
      riffSize: 1036,
      wave: 'WAVEfmt ',
      fmtSize: 16,
      format: 1,
      channels: 1,
      sampleRate: 22050,
      byteRate: 44100,
      blockAlign: 2,
      bits: 16,
      data: 'data',
      dataSize: 1000,
    });
  });

  it('says "size unknown" in both sizes for a file still being written', () => {
    const h = wavHeader({ sampleRate: 16000, channels: 1 }, UNKNOWN_SIZE);
    expect([h.readUInt32LE(4), h.readUInt32LE(40)]).toEqual([UNKNOWN_SIZE, UNKNOWN_SIZE]);
  });

  it.each([
    { sampleRate: 16000, channels: 1 },
    { sampleRate: 44100, channels: 2 },
    { sampleRate: 8000, channels: 6 },
  ])('reads back what it wrote: $sampleRate Hz, $channels channels', (format) => {
    const data = pcm(...Array.from({ length: format.channels * 5 }, (_, i) => i * 100 - 700));
    expect(parseWav(Buffer.concat([wavHeader(format, data.length), data]))).toEqual({ ...format, bitsPerSample: 16, data });
  });
});

describe('parseWav', () => {
  const data = pcm(1, -2, 3, -4);

  it.each([
    [
      'a LIST chunk before the data',
      riff(['fmt ', fmt(1, 1, 16000, 16)], ['LIST', Buffer.from('INFOISFT\x05\x00\x00\x00rehe\x00')], ['data', data]),
    ],
    ['an odd-sized chunk, padded', riff(['fmt ', fmt(1, 1, 16000, 16)], ['junk', Buffer.from('abc')], ['data', data])],
    ['chunks after the data', riff(['fmt ', fmt(1, 1, 16000, 16)], ['data', data], ['LIST', Buffer.from('INFO')])],
  ])('walks the chunks: %s', (_, bytes) => {
    expect(parseWav(bytes)).toEqual({ sampleRate: 16000, channels: 1, bitsPerSample: 16, data });
  });

  it('accepts WAVE_FORMAT_EXTENSIBLE whose sub-format is PCM', () => {
    const ext = Buffer.concat([fmt(0xfffe, 2, 48000, 16), Buffer.alloc(24)]);
    ext.writeUInt16LE(22, 16); // cbSize
    ext.writeUInt16LE(16, 18); // valid bits
    ext.writeUInt32LE(3, 20); // front left and right
    ext.writeUInt16LE(1, 24); // KSDATAFORMAT_SUBTYPE_PCM begins 01 00
    expect(parseWav(riff(['fmt ', ext], ['data', data]))).toEqual({ sampleRate: 48000, channels: 2, bitsPerSample: 16, data });
  });

  it.each([
    ['0 (cut off before the header was finished)', 0],
    ['0xFFFFFFFF (streamed)', UNKNOWN_SIZE],
    ['past the end (cut off mid-write)', 1_000_000],
  ])('a data size of %s reads to the end of the bytes', (_, size) => {
    const bytes = Buffer.concat([wavHeader({ sampleRate: 16000, channels: 1 }, size), data]);
    expect(parseWav(bytes).data).toEqual(data);
  });

  it('drops a part frame left by a writer stopped mid-sample', () => {
    const bytes = Buffer.concat([wavHeader({ sampleRate: 16000, channels: 2 }, UNKNOWN_SIZE), data, Buffer.from([7, 7, 7])]);
    expect(parseWav(bytes).data).toEqual(data);
  });

  // Made with ffmpeg 5 and SoX 14.4 (`ffmpeg -f lavfi -i sine=f=440:d=0.01:sample_rate=16000 -ac N`, `sox -n … synth 0.01 sine 440`).
  it.each([
    ['ffmpeg-list-chunk.wav', { sampleRate: 16000, channels: 1, bitsPerSample: 16, bytes: 320 }],
    ['ffmpeg-piped.wav', { sampleRate: 16000, channels: 1, bitsPerSample: 16, bytes: 320 }],
    ['ffmpeg-extensible.wav', { sampleRate: 16000, channels: 3, bitsPerSample: 16, bytes: 960 }],
    ['sox-extensible.wav', { sampleRate: 16000, channels: 3, bitsPerSample: 16, bytes: 960 }],
  ])('reads %s as the tool wrote it', (name, expected) => {
    const { data: d, ...format } = parseWav(readFileSync(fixture(`audio/${name}`)));
    expect({ ...format, bytes: d.length }).toEqual(expected);
    expect(level(d)).toBeGreaterThan(0.03); // ffmpeg's sine is at 1/8 of full scale
  });

  it.each([
    ['empty', Buffer.alloc(0), 'not-wav', 'not a WAV file (no RIFF/WAVE header)'],
    ['an MP3', Buffer.from('ID3\x04\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00'), 'not-wav', 'not a WAV file (no RIFF/WAVE header)'],
    ['no chunks', riff(), 'no-format', 'no format chunk'],
    ['data before the format', riff(['data', data], ['fmt ', fmt(1, 1, 16000, 16)]), 'no-format', 'the data comes before any format chunk'],
    ['a format chunk cut short', riff(['fmt ', Buffer.alloc(8)]), 'no-format', 'the format chunk is cut short'],
    ['no data chunk', riff(['fmt ', fmt(1, 1, 16000, 16)]), 'no-data', 'no data chunk'],
    ['8-bit PCM', riff(['fmt ', fmt(1, 1, 8000, 8)], ['data', data]), 'unsupported', '8-bit PCM audio; only 16-bit PCM is read'],
    ['32-bit float', riff(['fmt ', fmt(3, 1, 8000, 32)], ['data', data]), 'unsupported', 'format 3, 32-bit audio; only 16-bit PCM is read'],
    ['24-bit (SoX)', readFileSync(fixture('audio/sox-24bit.wav')), 'unsupported', '24-bit PCM audio; only 16-bit PCM is read'],
    ['no channels', riff(['fmt ', fmt(1, 0, 8000, 16)], ['data', data]), 'unsupported', '0 channels at 8000 Hz is not playable audio'],
  ])('refuses %s with a typed reason', (_, bytes, reason, message) => {
    let caught: unknown;
    try {
      parseWav(bytes);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(WavError);
    expect({ reason: (caught as WavError).reason, message: (caught as WavError).message }).toEqual({ reason, message });
  });
});

describe('level and speechShare', () => {
  it.each([
    ['no samples', Buffer.alloc(0), 0],
    ['silence', pcm(0, 0, 0, 0), 0],
    ['full scale', pcm(-32768, -32768), 1],
    ['half scale, steady', pcm(16384, -16384, 16384, -16384), 0.5],
    ['a trailing odd byte is not a sample', Buffer.concat([pcm(16384, -16384), Buffer.from([0x7f])]), 0.5],
  ])('level of %s', (_, samples, expected) => {
    expect(level(samples)).toBeCloseTo(expected, 6);
  });

  it('a sine wave measures its peak over √2', () => {
    expect(level(parseWav(toneWav(0.5, { amplitude: 0.5 })).data)).toBeCloseTo(0.5 / Math.SQRT2, 3);
  });

  it.each([
    ['a second of tone then a second of silence', concatWav(toneWav(1), silenceWav(1)), {}, 0.5],
    ['silence', silenceWav(1), {}, 0],
    ['a tone under the threshold', toneWav(1, { amplitude: 0.01 }), {}, 0],
    ['the same tone with a lower threshold', toneWav(1, { amplitude: 0.01 }), { threshold: 0.005 }, 1],
    ['stereo, 100 ms frames', concatWav(toneWav(0.3, { channels: 2 }), silenceWav(0.7, { channels: 2 })), { frameMs: 100 }, 0.3],
  ])('speechShare of %s', (_, wav, options, expected) => {
    expect(speechShare(parseWav(wav), options)).toBeCloseTo(expected, 6);
  });

  it('durationOf counts frames, not samples', () => {
    expect(durationOf(parseWav(toneWav(1.5, { sampleRate: 22050, channels: 2 })))).toBeCloseTo(1.5, 6);
  });
});
