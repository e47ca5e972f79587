// The interviewer's voice and the candidate's microphone, wired from the settings: which speech
// (the API, espeak-ng), which player and which recorder, each found once, each failure said once.
// Loaded only when voice is asked for, so the typed interview never loads any of it.
import { mkdtempSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { privateDir } from '../files.js';
import type { VoiceConfig } from '../config.js';
import type { TimedSpeech } from '../delivery/speech.js';
import { TRANSCRIPTION_SETUP } from './transcription.js';
import { renderOffline } from '../voice/espeak.js';
import { play, type Playback } from '../voice/play.js';
import { RecordError, startRecording, type Recording } from '../voice/record.js';
import { synthesize } from '../voice/speech-api.js';
import { detectPlayer, detectRecorder, findEspeak } from '../voice/tools.js';
import { transcribe } from '../voice/transcribe.js';

/** Something about the voice the candidate should know, said once. */
export interface VoiceNotice {
  reason: 'no-player' | 'no-speech' | 'speech-failed' | 'play-failed';
  text: string;
}

export interface Voice {
  /** Says a text aloud, cutting off whatever was being said. */
  say(text: string): void;
  /** Stops speaking. */
  hush(): void;
  /**
   * Starts recording into `file`; throws a `RecordError` when no recorder can start. `onFailure`
   * hears of a recorder that dies mid-answer (what it recorded until then is kept).
   */
  record(file: string, onLevel: (level: number, elapsedMs: number) => void, onFailure: (message: string) => void): Recording;
  /** Stops a recording that never got any audio and removes what it left behind. */
  discard(recording: Recording): Promise<void>;
  /** Whether transcription is set up at all. */
  readonly canTranscribe: boolean;
  /** How to set transcription up, for when it is not. */
  readonly setup: string;
  transcribe(file: string): Promise<TimedSpeech>;
  /** Stops everything and removes the temporary audio. */
  close(): void;
}

export function createVoice(config: VoiceConfig, tell: (notice: VoiceNotice) => void): Voice {
  const told = new Set<VoiceNotice['reason']>();
  const once = (notice: VoiceNotice) => {
    if (told.has(notice.reason)) return;
    told.add(notice.reason);
    tell(notice);
  };
  const player = detectPlayer(config.searchPath);
  const espeak = config.speechApiOnly ? undefined : findEspeak(config.searchPath);
  let useApi = !!config.speech;
  let scratch: string | undefined;
  let current: { playback?: Playback; cancelled: boolean } | undefined;
  // A player that failed once (no sound device) fails every time: the interviewer goes silent.
  let playerFailed = false;
  let n = 0;

  const scratchFile = () => {
    scratch ??= mkdtempSync(join(tmpdir(), 'rehearse-voice-'));
    return join(scratch, `say-${++n}.wav`);
  };

  /** The text as a WAV file: through the API while it works, else espeak-ng; undefined when neither can. */
  const render = async (text: string): Promise<string | undefined> => {
    const file = scratchFile();
    if (useApi && config.speech) {
      try {
        writeFileSync(file, await synthesize(text, config.speech));
        return file;
      } catch (e) {
        // The API failing once is enough to stop asking it for the rest of the interview.
        useApi = false;
        once({
          reason: 'speech-failed',
          text: `Speech through the API failed (${(e as Error).message}); ${espeak ? 'the interviewer speaks with espeak-ng now' : 'the interviewer stays silent'}.`,
        });
      }
    }
    if (!espeak) {
      if (config.speechApiOnly && !config.speech)
        once({ reason: 'no-speech', text: 'REHEARSE_SPEECH=api needs OPENAI_API_KEY: the interviewer stays silent.' });
      else if (!config.speech)
        once({ reason: 'no-speech', text: 'The interviewer cannot speak: install espeak-ng for offline speech, or set OPENAI_API_KEY.' });
      return undefined;
    }
    await renderOffline(text, file, { espeak, voice: config.espeakVoice });
    return file;
  };

  const hush = () => {
    if (!current) return;
    current.cancelled = true;
    current.playback?.stop();
    current = undefined;
  };

  return {
    say(text) {
      hush();
      if (playerFailed) return;
      if (!player) {
        once({ reason: 'no-player', text: 'No audio player found (aplay, paplay, afplay or ffplay): the interviewer stays silent.' });
        return;
      }
      const turn: { playback?: Playback; cancelled: boolean } = { cancelled: false };
      current = turn;
      void render(text).then(
        (file) => {
          if (!file || turn.cancelled) return;
          turn.playback = play(file, player, (reason) => {
            playerFailed = true;
            once({
              reason: 'play-failed',
              text: `Could not play the question (${reason}): no sound device? The interviewer stays silent.`,
            });
          });
        },
        (e: unknown) => once({ reason: 'speech-failed', text: `Could not speak the question: ${(e as Error).message}.` }),
      );
    },
    hush,
    record(file, onLevel, onFailure) {
      privateDir(dirname(file));
      const recorder = config.micFile ? undefined : detectRecorder(config.searchPath);
      try {
        return startRecording({
          file,
          ...(recorder ? { recorder } : {}),
          ...(config.micFile ? { micFile: config.micFile } : {}),
          onLevel,
          onFailure: (e) => onFailure(e.message),
        });
      } catch (e) {
        // The stand-in is a setting: the message says which one, so it can be found and fixed.
        if (e instanceof RecordError && e.reason === 'mic-file') throw new RecordError('mic-file', `REHEARSE_MIC_FILE: ${e.message}`);
        throw e;
      }
    },
    async discard(recording) {
      await recording.cancel();
      try {
        // The session's audio folder goes too, when this was to be its first recording.
        rmdirSync(dirname(recording.file));
      } catch {
        // Other recordings are in it.
      }
    },
    canTranscribe: !!config.transcription,
    setup: TRANSCRIPTION_SETUP,
    transcribe(file) {
      if (!config.transcription) return Promise.reject(new Error(`transcription is not set up: ${TRANSCRIPTION_SETUP}`));
      return transcribe(file, config.transcription);
    },
    close() {
      hush();
      if (scratch) rmSync(scratch, { recursive: true, force: true });
    },
  };
}
