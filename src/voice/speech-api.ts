// The interviewer's words spoken through an OpenAI-compatible speech endpoint, as the bytes of a WAV file.
import type { AudioApiConfig } from '../config.js';
import { AudioServiceError, callAudio, serverName } from './client.js';

export { AudioServiceError, type AudioFailure } from './client.js';

export type SpeechConfig = AudioApiConfig & { voice: string };

/** A RIFF container holding WAVE data: what every player here can take. */
export const isWav = (bytes: Buffer): boolean =>
  bytes.length >= 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WAVE';

export async function synthesize(text: string, config: SpeechConfig, options: { signal?: AbortSignal } = {}): Promise<Buffer> {
  const bytes = await callAudio('speech', config, options.signal, async (client, signal) => {
    const response = await client.audio.speech.create(
      { model: config.model, voice: config.voice, input: text, response_format: 'wav' },
      { signal },
    );
    return Buffer.from(await response.arrayBuffer());
  });
  if (bytes.length === 0) throw new AudioServiceError('empty', `${serverName('speech', config)} sent no audio`);
  if (!isWav(bytes)) throw new AudioServiceError('malformed', `${serverName('speech', config)} sent audio that is not a WAV file`);
  return bytes;
}
