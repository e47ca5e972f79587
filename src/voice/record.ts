// Recording an answer: a recorder's raw PCM, or a stand-in WAV fed in at the speed of speech, written to a WAV file as it arrives.
import { spawn } from 'node:child_process';
import { closeSync, ftruncateSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { fileErrorReason, PRIVATE_FILE } from '../files.js';
import { lastStderrLine, toolSays, type Recorder, type RecorderName } from './tools.js';
import { HEADER_BYTES, UNKNOWN_SIZE, WavError, level as levelOf, parseWav, wavHeader, type Wav, type WavFormat } from './wav.js';

export type RecordErrorReason = 'no-recorder' | 'failed' | 'mic-file';

export class RecordError extends Error {
  constructor(
    readonly reason: RecordErrorReason,
    message: string,
  ) {
    super(message);
    this.name = 'RecordError';
  }
}

export interface RecordingOptions {
  /** The WAV file written. */
  file: string;
  recorder?: Recorder;
  /** A WAV file played in instead of the microphone; when set, no recorder is started. */
  micFile?: string;
  /** Samples a second asked of the recorder (a stand-in file keeps its own). */
  sampleRate?: number;
  /** Told each time audio arrives: the level of that piece, and how much has been recorded. */
  onLevel?: (level: number, elapsedMs: number) => void;
  /** Told once if the recorder fails before it is stopped: it could not start, or ended by itself. */
  onFailure?: (error: RecordError) => void;
  platform?: NodeJS.Platform;
}

export interface Recorded {
  file: string;
  /** Seconds of audio in the file. */
  seconds: number;
  /** Size of the file. */
  bytes: number;
}

export interface Recording {
  readonly file: string;
  /** Milliseconds of audio recorded so far. */
  elapsedMs(): number;
  /** Level of the latest audio, 0..1. */
  level(): number;
  /** Ends recording and completes the file; rejects with the `RecordError` if the recorder failed (the file still holds what came before). */
  stop(): Promise<Recorded>;
  /** Ends recording and removes the file. */
  cancel(): Promise<void>;
}

const DEFAULT_RATE = 16_000;
/** How often a stand-in file is fed in: often enough for a smooth meter. */
const FEED_MS = 50;
/** How long a recorder is given to finish after being asked, before it is told more firmly. */
const GRACE_MS = 2000;

/** Arguments that make each recorder write raw 16-bit little-endian mono PCM to standard output. */
export function recorderArgs(name: RecorderName, sampleRate: number, platform: NodeJS.Platform): string[] {
  const rate = String(sampleRate);
  switch (name) {
    case 'rec':
      return ['-q', '-t', 'raw', '-r', rate, '-e', 'signed', '-b', '16', '-c', '1', '-L', '-'];
    case 'arecord':
      return ['-q', '-f', 'S16_LE', '-r', rate, '-c', '1', '-t', 'raw'];
    case 'ffmpeg': {
      const input = platform === 'darwin' ? ['-f', 'avfoundation', '-i', ':0'] : ['-f', 'pulse', '-i', 'default'];
      return ['-hide_banner', '-loglevel', 'error', '-nostdin', ...input, '-ac', '1', '-ar', rate, '-f', 's16le', '-'];
    }
  }
}

export function startRecording(options: RecordingOptions): Recording {
  const { file, micFile, recorder } = options;
  if (micFile === undefined && recorder === undefined) {
    throw new RecordError('no-recorder', 'no recorder found: install sox (rec), alsa-utils (arecord) or ffmpeg');
  }
  const standIn = micFile === undefined ? undefined : readStandIn(micFile);
  const format: WavFormat = standIn
    ? { sampleRate: standIn.sampleRate, channels: standIn.channels }
    : { sampleRate: options.sampleRate ?? DEFAULT_RATE, channels: 1 };
  const sink = new WavSink(file, format);

  let failure: RecordError | undefined;
  let stopping = false;
  const fail = (error: RecordError) => {
    if (failure || stopping) return;
    failure = error;
    options.onFailure?.(error);
    void source.stop();
  };
  const receive = (chunk: Buffer) => {
    try {
      sink.write(chunk);
    } catch (e) {
      fail(new RecordError('failed', `${file}: ${fileErrorReason(e)}`));
      return;
    }
    options.onLevel?.(sink.level, sink.elapsedMs());
  };
  const source: Source = standIn
    ? feedStandIn(standIn, receive)
    : runRecorder(recorder!, recorderArgs(recorder!.name, format.sampleRate, options.platform ?? process.platform), receive, fail);

  let ending: Promise<Recorded> | undefined;
  const finish = async (): Promise<Recorded> => {
    await source.stop();
    stopping = true;
    let recorded: Recorded;
    try {
      recorded = sink.finish();
    } catch (e) {
      throw failure ?? new RecordError('failed', `${file}: ${fileErrorReason(e)}`);
    }
    if (failure) throw failure;
    return recorded;
  };
  const stop = () => (ending ??= finish());

  return {
    file,
    elapsedMs: () => sink.elapsedMs(),
    level: () => sink.level,
    stop,
    cancel: async () => {
      await stop().catch(() => undefined);
      rmSync(file, { force: true });
    },
  };
}

function readStandIn(micFile: string): Wav {
  let bytes: Buffer;
  try {
    bytes = readFileSync(micFile);
  } catch (e) {
    throw new RecordError('mic-file', `${micFile}: ${fileErrorReason(e)}`);
  }
  try {
    return parseWav(bytes);
  } catch (e) {
    if (e instanceof WavError) throw new RecordError('mic-file', `${micFile}: ${e.message}`);
    throw e;
  }
}

/** The WAV file being written: a header that says "length unknown" first, so a file cut off by a crash still reads. */
class WavSink {
  level = 0;
  private fd: number | undefined;
  private dataBytes = 0;
  private readonly blockAlign: number;

  constructor(
    readonly file: string,
    readonly format: WavFormat,
  ) {
    this.blockAlign = format.channels * 2;
    try {
      this.fd = openSync(file, 'w', PRIVATE_FILE);
      writeSync(this.fd, wavHeader(format, UNKNOWN_SIZE));
    } catch (e) {
      if (this.fd !== undefined) closeSync(this.fd);
      throw new RecordError('failed', `${file}: ${fileErrorReason(e)}`);
    }
  }

  write(chunk: Buffer): void {
    if (this.fd === undefined || chunk.length === 0) return;
    writeSync(this.fd, chunk);
    // A pipe may split a sample between two reads; the meter starts at the next whole one.
    const from = this.dataBytes % 2;
    this.level = levelOf(chunk.subarray(from, chunk.length - ((chunk.length - from) % 2)));
    this.dataBytes += chunk.length;
  }

  elapsedMs(): number {
    return (this.dataBytes / (this.format.sampleRate * this.blockAlign)) * 1000;
  }

  /** Puts the real sizes in the header; a part frame left by a recorder stopped mid-sample is cut. */
  finish(): Recorded {
    const whole = this.dataBytes - (this.dataBytes % this.blockAlign);
    const recorded = { file: this.file, seconds: whole / (this.format.sampleRate * this.blockAlign), bytes: HEADER_BYTES + whole };
    if (this.fd === undefined) return recorded;
    const fd = this.fd;
    this.fd = undefined;
    try {
      if (whole !== this.dataBytes) ftruncateSync(fd, HEADER_BYTES + whole);
      writeSync(fd, wavHeader(this.format, whole), 0, HEADER_BYTES, 0);
    } finally {
      closeSync(fd);
    }
    return recorded;
  }
}

/** Where audio comes from; `stop` resolves once no more will come. */
interface Source {
  stop(): Promise<void>;
}

/** A stand-in file's samples, handed over as the clock says they would have been spoken; silence after its end. */
function feedStandIn(wav: Wav, receive: (chunk: Buffer) => void): Source {
  const blockAlign = wav.channels * 2;
  const startedAt = performance.now();
  let fedFrames = 0;
  const feed = () => {
    const due = Math.floor(((performance.now() - startedAt) * wav.sampleRate) / 1000);
    if (due <= fedFrames) return;
    const chunk = Buffer.alloc((due - fedFrames) * blockAlign);
    wav.data.copy(chunk, 0, Math.min(fedFrames * blockAlign, wav.data.length), Math.min(due * blockAlign, wav.data.length));
    fedFrames = due;
    receive(chunk);
  };
  const timer = setInterval(feed, FEED_MS);
  let stopped = false;
  return {
    stop: async () => {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      feed();
    },
  };
}

function runRecorder(recorder: Recorder, args: string[], receive: (chunk: Buffer) => void, fail: (e: RecordError) => void): Source {
  const { name } = recorder;
  let stopping = false;
  const child = spawn(recorder.path, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const lastLine = lastStderrLine(child.stderr);
  const ended = new Promise<void>((resolve) => {
    child.on('error', (e) => {
      // 'error' also reports a signal that could not be sent; only a program that never ran has ended here.
      if (child.pid !== undefined) return;
      fail(new RecordError('failed', `${name}: could not start (${fileErrorReason(e)})`));
      resolve();
    });
    child.on('close', (code, signal) => {
      if (!stopping) {
        const said = lastLine() ?? `stopped by itself (${code === null ? `signal ${signal}` : `exit code ${code}`})`;
        fail(new RecordError('failed', toolSays(name, said)));
      }
      resolve();
    });
  });
  child.stdout.on('data', receive);

  return {
    stop: async () => {
      if (!stopping && child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
        stopping = true;
        // SIGINT is how each recorder is told to finish cleanly; SIGTERM and SIGKILL follow for one that does not.
        child.kill('SIGINT');
        const firmer = setTimeout(() => child.kill('SIGTERM'), GRACE_MS);
        const last = setTimeout(() => child.kill('SIGKILL'), 2 * GRACE_MS);
        await ended;
        clearTimeout(firmer);
        clearTimeout(last);
      }
      // One that ended before it was asked to is judged by its 'close' handler.
      await ended;
    },
  };
}
