// Recorded speech to timed text through an OpenAI-compatible transcription endpoint: OpenAI's, or a
// local whisper server's, whose replies vary in what timings they carry.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { toFile } from 'openai';
import * as z from '../zod.js';
import { NO_KEY, redact, type AudioApiConfig } from '../config.js';
import { TimedSegment, TimedWord, type TimedSpeech } from '../delivery/speech.js';
import { fileErrorReason } from '../files.js';
import { AudioServiceError, callAudio, serverName } from './client.js';

export { AudioServiceError, type AudioFailure } from './client.js';

export type TranscriptionConfig = AudioApiConfig & { language?: string };

/**
 * Whisper leaves out "um" and "uh" unless its prompt holds some, and the fillers are part of what
 * delivery feedback is about. English, since a prompt in another language pulls the text toward it.
 */
export const FILLER_PROMPT = "Um, so, uh, let me think... Hmm, okay. Like, I'd, you know, start with the users.";

/** The fields of the request: OpenAI's gpt-…-transcribe models answer only `json`, without timings. */
export function transcriptionFields(config: TranscriptionConfig) {
  const timed = !/^gpt-.*transcribe/i.test(config.model);
  const english = config.language === undefined || config.language === 'en';
  return {
    model: config.model,
    ...(timed
      ? { response_format: 'verbose_json' as const, timestamp_granularities: ['word' as const, 'segment' as const] }
      : { response_format: 'json' as const }),
    ...(config.language ? { language: config.language } : {}),
    ...(english ? { prompt: FILLER_PROMPT } : {}),
  };
}

const seconds = z
  .union([
    z.number(),
    z
      .string()
      .regex(/^\d+(?:\.\d+)?$/)
      .transform(Number),
  ])
  .pipe(z.number().min(0));

/** What the servers send: `verbose_json` (whisper.cpp puts words inside segments), or only `{ text }`. */
const Reply = z.object({
  text: z.string(),
  duration: seconds.nullish(),
  words: z.array(TimedWord).nullish(),
  segments: z.array(TimedSegment.extend({ words: z.array(TimedWord).nullish() })).nullish(),
});
type Reply = z.infer<typeof Reply>;

/** The reply as `TimedSpeech`: text trimmed (Whisper starts it with a space), empty timings left out. */
export function toTimedSpeech(reply: Reply): TimedSpeech {
  const words = (reply.words ?? reply.segments?.flatMap((s) => s.words ?? []) ?? [])
    .map((w) => ({ word: w.word.trim(), start: w.start, end: w.end }))
    .filter((w) => w.word !== '');
  const segments = (reply.segments ?? []).map((s) => ({ text: s.text.trim(), start: s.start, end: s.end })).filter((s) => s.text !== '');
  return {
    text: reply.text.trim(),
    ...(reply.duration !== null && reply.duration !== undefined ? { duration: reply.duration } : {}),
    ...(words.length ? { words } : {}),
    ...(segments.length ? { segments } : {}),
  };
}

async function readRecording(file: string): Promise<Buffer> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    throw new AudioServiceError('file', `cannot read the recording ${file}: ${fileErrorReason(e)}`);
  }
  if (bytes.length === 0) throw new AudioServiceError('file', `the recording ${file} is empty`);
  return bytes;
}

/** The largest file OpenAI's own transcription endpoint takes; a local server may take more. */
const OPENAI_UPLOAD_LIMIT = 25 * 1024 * 1024;

/** Uploads a recording and gives back what was said, with word and segment times when the server sends them. */
export async function transcribe(file: string, config: TranscriptionConfig, options: { signal?: AbortSignal } = {}): Promise<TimedSpeech> {
  const bytes = await readRecording(file);
  if (!config.baseURL && bytes.length > OPENAI_UPLOAD_LIMIT) {
    const mb = (bytes.length / 1024 / 1024).toFixed(1);
    throw new AudioServiceError(
      'file',
      `the recording ${file} is ${mb} MB and OpenAI takes up to 25 MB: record a shorter answer, or transcribe with a local server (REHEARSE_TRANSCRIBE_URL)`,
    );
  }
  const upload = await toFile(bytes, basename(file));
  const body = await callAudio('transcription', config, options.signal, (client, signal) =>
    client.audio.transcriptions.create({ file: upload, ...transcriptionFields(config) }, { signal }),
  );
  const reply = Reply.safeParse(body);
  if (!reply.success) {
    const issue = reply.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
    throw new AudioServiceError(
      'malformed',
      `${serverName('transcription', config)} sent a reply that is not a transcription (${where}${issue?.message ?? 'unreadable'})`,
    );
  }
  // A key the server echoes (a proxy, a compromised server) is neither shown nor saved with the answer.
  const speech = redactSpeech(toTimedSpeech(reply.data), config.apiKey === NO_KEY ? [] : [config.apiKey]);
  if (speech.text === '') throw new AudioServiceError('empty', `${serverName('transcription', config)} heard no speech in the recording`);
  return speech;
}

/** Speech with every secret taken out of its text, its words and its segments. */
function redactSpeech(speech: TimedSpeech, secrets: readonly string[]): TimedSpeech {
  const clean = (t: string) => redact(t, secrets);
  return {
    ...speech,
    text: clean(speech.text),
    ...(speech.words ? { words: speech.words.map((w) => ({ ...w, word: clean(w.word) })) } : {}),
    ...(speech.segments ? { segments: speech.segments.map((x) => ({ ...x, text: clean(x.text) })) } : {}),
  };
}
