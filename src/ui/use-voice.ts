// The voice's work for the screens: speaks the interviewer's turns, records the candidate, saves
// each recording with the session before anything else, then has it transcribed into the editor.
// The voice itself is loaded on first use, so a typed interview never loads any of it.
import { useEffect, useMemo } from 'react';
import type { Untimed } from '../app/session-runner.js';
import type { Voice, VoiceNotice } from '../app/voice.js';
import type { InterviewEvent } from '../interview/machine.js';
import type { Session } from '../interview/session.js';
import type { LoadedScenario } from '../scenario/loaded.js';
import { SaveError } from '../store/sessions.js';
import type { ScreenAction, ScreenEffect } from './screen-state.js';

/** What the screens need from outside to speak and listen. */
export interface VoiceWorld {
  /** Loads the voice; `tell` hears what it has to say once (no player, speech failing). */
  load: (tell: (notice: VoiceNotice) => void) => Promise<Voice>;
  /** Where a recording goes: the file to write, and the name the session keeps. */
  recordingPath: (sessionId: string, name: string) => { file: string; relative: string };
  /** How the user runs rehearse, for the `transcribe` hint. */
  command: string;
}

type Recorder = ReturnType<Voice['record']>;

/** Applies an event to the session through the engine (saving it); throws `SaveError`. */
type RecordEvent = (loaded: LoadedScenario, session: Session, event: Untimed<InterviewEvent>) => Session;

const LEVEL_EVERY_MS = 100;

/** Why nothing could be recorded, and what to do: a stand-in file on a machine with no microphone, or typing. */
const noMicrophone = (reason: string) =>
  /REHEARSE_MIC_FILE/.test(reason)
    ? `Could not record: ${reason}.`
    : `Could not record: ${reason}. No microphone here? REHEARSE_MIC_FILE can name a WAV file to stand in for one (see the README); or type your answer.`;

/** The voice's work, apart from React: what it holds (the voice once loaded, the recording running) changes as it goes. */
function voiceWork(
  world: VoiceWorld | undefined,
  apply: (action: ScreenAction) => void,
  record: RecordEvent,
  latest: () => Session | undefined,
) {
  let voice: Promise<Voice> | undefined;
  let active: { recorder: Recorder; id: string; file: string; relative: string } | undefined;
  let starting: Promise<void> | undefined;
  const load = () =>
    world ? (voice ??= world.load((n) => apply({ type: 'voice-notice', text: n.text }))) : Promise.reject(new Error('no voice here'));

  const start = async (session: Session) => {
    const v = await load();
    const questionId = session.turns.findLast((t) => t.role === 'interviewer')?.questionId ?? 'answer';
    const n = (session.recordings ?? []).filter((r) => r.questionId === questionId).length + 1;
    const id = `${questionId}-${n}`;
    const { file, relative } = world!.recordingPath(session.id, id);
    let shown = 0;
    const recorder = v.record(
      file,
      (level, elapsedMs) => {
        if (elapsedMs - shown < LEVEL_EVERY_MS) return;
        shown = elapsedMs;
        apply({ type: 'recording-level', level, elapsedMs });
      },
      (message) => {
        const rec = active;
        // Nothing ever came from the microphone: there is no recording to keep, only a reason to give.
        if (rec && rec.recorder.elapsedMs() === 0) {
          active = undefined;
          void v.discard(rec.recorder);
          return apply({ type: 'recording-failed', error: noMicrophone(message) });
        }
        apply({ type: 'voice-notice', text: `The recording stopped: ${message}. Press Ctrl+R to keep what was recorded.` });
      },
    );
    active = { recorder, id, file, relative };
    apply({ type: 'recording-started' });
  };

  /** Stops the recording and saves it with the session; the session that lists it, or undefined. */
  const save = async (loaded: LoadedScenario): Promise<{ session: Session; id: string; file: string } | undefined> => {
    await starting;
    const rec = active;
    active = undefined;
    if (!rec) return undefined;
    const { seconds } = await rec.recorder.stop();
    const session = record(loaded, latest()!, { type: 'recording-saved', id: rec.id, file: rec.relative, seconds });
    return { session, id: rec.id, file: rec.file };
  };

  const stop = async (loaded: LoadedScenario) => {
    const saved = await save(loaded);
    if (!saved) return;
    const v = await load();
    const later = `type your answer, or run \`${world!.command} transcribe ${saved.session.id}\` later`;
    if (!v.canTranscribe) {
      const note = `Your recording is saved (${saved.file}). Transcription is not set up: ${v.setup}. For now, ${later}.`;
      return apply({ type: 'recording-saved', session: saved.session, transcribing: false, note });
    }
    apply({ type: 'recording-saved', session: saved.session, transcribing: true });
    try {
      const speech = await v.transcribe(saved.file);
      const session = record(loaded, latest()!, { type: 'recording-transcribed', id: saved.id, speech });
      apply({ type: 'transcribed', session, text: speech.text });
    } catch (e) {
      if (e instanceof SaveError) throw e;
      const reason = (e as Error).message;
      const session = record(loaded, latest()!, { type: 'transcription-failed', id: saved.id, reason });
      apply({
        type: 'transcription-failed',
        session,
        note: `Could not transcribe your answer: ${reason}. The recording is saved (${saved.file}); ${later}.`,
      });
    }
  };

  const failed = (e: unknown) =>
    apply(
      e instanceof SaveError
        ? { type: 'save-failed', file: e.file, reason: e.reason }
        : { type: 'recording-failed', error: noMicrophone((e as Error).message) },
    );

  return {
    /** Does a voice effect; false for any other effect. */
    perform(effect: ScreenEffect): boolean {
      switch (effect.type) {
        case 'say':
          // Speech never stops the interview: what fails is said once, by the voice itself.
          void load().then(
            (v) => v.say(effect.text),
            () => undefined,
          );
          return true;
        case 'hush':
          // Nothing was ever said if the voice was never loaded.
          void voice?.then((v) => v.hush());
          return true;
        case 'start-recording':
          starting = start(effect.session).catch(failed);
          return true;
        case 'stop-recording':
          void stop(effect.loaded).catch(failed);
          return true;
        default:
          return false;
      }
    },
    /** Before leaving: a recording still running is stopped and saved with the session. */
    get recording(): boolean {
      return !!active || !!starting;
    },
    async finish(loaded: LoadedScenario): Promise<Session | undefined> {
      try {
        return (await save(loaded))?.session;
      } catch {
        // The audio is on disk whatever happened to the session file; quitting goes on.
        return undefined;
      }
    },
    close() {
      // Stopped, not thrown away: the audio stays on disk, complete, whatever ended the app.
      void active?.recorder.stop();
      void voice?.then((v) => v.close());
    },
  };
}

export function useVoice(
  world: VoiceWorld | undefined,
  apply: (action: ScreenAction) => void,
  record: RecordEvent,
  latest: () => Session | undefined,
) {
  const work = useMemo(() => voiceWork(world, apply, record, latest), [world, apply, record, latest]);
  useEffect(() => () => work.close(), [work]);
  return work;
}
