// Which screen the candidate sees and how they move between screens, as a pure reducer: keys and
// the engine's progress go in; the next screen, and the work the hook must do, come out.
import type { Stopped } from '../app/session-runner.js';
import type { InterviewEvent } from '../interview/machine.js';
import type { Session } from '../interview/session.js';
import type { Report } from '../report/build.js';
import type { LoadedScenario } from '../scenario/loaded.js';
import { cleanInput, editorReducer, type EditorState, emptyEditor } from './editor-state.js';
import type { KeyIntent } from './keys.js';

/** How the app ended, for the launcher to report. */
export type Outcome = ({ kind: 'quit' } & Stopped) | { kind: 'finished'; session: Session; reportPath: string };

/** Why a line of advice is shown under the editor. */
export type Hint = 'empty-answer' | 'waiting-for-interviewer' | 'recording';

/** What the interview screen shows under the transcript. */
export type InterviewView =
  | { kind: 'question' }
  /** Practice mode, after each question: its score, and a strong example answer if asked for. */
  | { kind: 'score-card'; questionId: string; showExample: boolean }
  /** The session is finished and the report is being saved; drawn as the question was. */
  | { kind: 'saving-report' }
  | { kind: 'report'; report: Report; path: string }
  /** The engine failed. The session is saved up to there; all that is left is to leave. */
  | { kind: 'failed'; error: string };

export interface PickerScreen {
  screen: 'picker';
  scenarios: LoadedScenario[];
  selected: number;
  /** Carried to the interview: whether the interviewer speaks (`--voice`). */
  speaking: boolean;
}

export interface IntroScreen {
  screen: 'intro';
  loaded: LoadedScenario;
  speaking: boolean;
}

/** An answer being said aloud, from the key that starts it to its transcript in the editor. */
export interface RecordingView {
  phase: 'starting' | 'recording' | 'saving' | 'transcribing';
  /** The microphone's level, 0–1, for the meter. */
  level: number;
  elapsedMs: number;
}

/** What is said about the voice under the editor: a recording saved but not transcribed, a tool missing. */
export interface VoiceNote {
  kind: 'not-transcribed' | 'record-failed' | 'notice';
  text: string;
}

export interface InterviewScreen {
  screen: 'interview';
  loaded: LoadedScenario;
  session: Session;
  /** The probe's text so far while it streams in; empty otherwise. */
  streaming: string;
  /** True while the engine works (scoring, waiting for a probe). */
  busy: boolean;
  /** The last LLM fallback, shown under the probe until the next answer. */
  notice?: string;
  editor: EditorState;
  hint?: Hint;
  /** Ctrl+D came while the interviewer was busy: the draft goes in as soon as they are ready. */
  submitPending: boolean;
  /** The session could not be written (a full disk, a read-only folder): Ctrl+D tries again. */
  saveError?: { file: string; reason: string };
  view: InterviewView;
  /** Whether the interviewer speaks, and the index of the last of their turns said aloud. */
  speaking: boolean;
  spoken: number;
  recording?: RecordingView;
  voiceNote?: VoiceNote;
}

export type ScreenState = PickerScreen | IntroScreen | InterviewScreen;

export type ScreenAction =
  | { type: 'key'; intent: KeyIntent }
  | { type: 'session-created'; session: Session }
  | { type: 'engine-event'; event: InterviewEvent; session: Session }
  | { type: 'probe-token'; text: string }
  | { type: 'work-done'; session: Session }
  | { type: 'work-failed'; error: string }
  /** Writing the session failed; `text` is the answer that was being submitted, if one was. */
  | { type: 'save-failed'; file: string; reason: string; text?: string }
  | { type: 'report-saved'; report: Report; path: string }
  | { type: 'recording-started' }
  | { type: 'recording-level'; level: number; elapsedMs: number }
  /** The audio is complete and the session that lists it is saved; `transcribing` when it goes on to be transcribed. */
  | { type: 'recording-saved'; session: Session; transcribing: boolean; note?: string }
  | { type: 'recording-failed'; error: string }
  /** The transcript, for the editor; the session holds it with its timings. */
  | { type: 'transcribed'; session: Session; text: string }
  | { type: 'transcription-failed'; session: Session; note: string }
  | { type: 'voice-notice'; text: string };

/** Work with side effects, for the hook to do; what comes of it returns as actions. */
export type ScreenEffect =
  | { type: 'create-session'; loaded: LoadedScenario }
  | { type: 'start'; loaded: LoadedScenario; session: Session; resuming: boolean }
  /** Starts the time of the question now on screen. */
  | { type: 'show-question'; loaded: LoadedScenario; session: Session }
  /** Goes on from where the session stands, after a save that failed. */
  | { type: 'retry'; loaded: LoadedScenario; session: Session }
  | { type: 'submit'; loaded: LoadedScenario; session: Session; text: string }
  | { type: 'save-report'; loaded: LoadedScenario; session: Session }
  | { type: 'start-recording'; loaded: LoadedScenario; session: Session }
  /** Stops the recording, saves it with the session, then has it transcribed. */
  | { type: 'stop-recording'; loaded: LoadedScenario }
  | { type: 'say'; text: string }
  | { type: 'hush' }
  /** Saves the session as quit, with the unsent draft, then leaves. */
  | { type: 'quit'; loaded: LoadedScenario; session: Session; draft: string }
  | { type: 'exit'; outcome: Outcome }
  /** Leaves before any session exists: nothing to save. */
  | { type: 'leave' };

export interface ScreenStep {
  state: ScreenState;
  effects: ScreenEffect[];
}

const stay = (state: ScreenState): ScreenStep => ({ state, effects: [] });

const isEnter = (intent: KeyIntent) => intent.kind === 'edit' && intent.action.type === 'insert' && intent.action.text === '\n';

function interview(loaded: LoadedScenario, session: Session, resuming: boolean, speaking: boolean): ScreenStep {
  return {
    state: {
      screen: 'interview',
      loaded,
      session,
      streaming: '',
      busy: true,
      // A stored draft is filtered as typing is: it is drawn in the editor.
      editor: emptyEditor(cleanInput(session.draft ?? '')),
      submitPending: false,
      view: { kind: 'question' },
      speaking,
      spoken: -1,
    },
    effects: [{ type: 'start', loaded, session, resuming }],
  };
}

/** The first screen: the list, or the intro of a scenario named on the command line, or a resumed interview. */
export function initialScreen(
  scenarios: LoadedScenario[],
  start?: { loaded: LoadedScenario; session?: Session },
  options: { speaking?: boolean } = {},
): ScreenStep {
  if (!start) return stay({ screen: 'picker', scenarios, selected: 0, speaking: !!options.speaking });
  if (!start.session) return stay({ screen: 'intro', loaded: start.loaded, speaking: !!options.speaking });
  return interview(start.loaded, start.session, true, !!options.speaking);
}

export function screenReducer(state: ScreenState, action: ScreenAction): ScreenStep {
  switch (state.screen) {
    case 'picker':
      if (action.type === 'key' && action.intent.kind === 'quit') return { state, effects: [{ type: 'leave' }] };
      return action.type === 'key' ? pickerKey(state, action.intent) : stay(state);
    case 'intro':
      if (action.type === 'key' && action.intent.kind === 'quit') return { state, effects: [{ type: 'leave' }] };
      if (action.type === 'session-created') return interview(state.loaded, action.session, false, state.speaking);
      return action.type === 'key' && isEnter(action.intent)
        ? { state, effects: [{ type: 'create-session', loaded: state.loaded }] }
        : stay(state);
    case 'interview':
      return interviewReducer(state, action);
  }
}

function pickerKey(state: PickerScreen, intent: KeyIntent): ScreenStep {
  const n = state.scenarios.length;
  if (intent.kind !== 'edit' || n === 0) return stay(state);
  const a = intent.action;
  if (a.type === 'move-up') return stay({ ...state, selected: (state.selected + n - 1) % n });
  if (a.type === 'move-down') return stay({ ...state, selected: (state.selected + 1) % n });
  const chosen = isEnter(intent) ? state.selected : a.type === 'insert' && /^[1-9]$/.test(a.text) ? Number(a.text) - 1 : -1;
  const loaded = state.scenarios[chosen];
  return stay(loaded ? { screen: 'intro', loaded, speaking: state.speaking } : state);
}

function interviewReducer(s: InterviewScreen, action: ScreenAction): ScreenStep {
  switch (action.type) {
    case 'key':
      return interviewKey(s, action.intent);
    case 'engine-event':
      return settle(afterEvent({ ...s, session: action.session, saveError: undefined }, action.event));
    case 'probe-token':
      return stay({ ...s, streaming: s.streaming + action.text });
    case 'work-done':
      return settle({ ...s, session: action.session, busy: false });
    case 'work-failed':
      return stay({ ...s, busy: false, view: { kind: 'failed', error: action.error } });
    case 'save-failed': {
      // An answer the session does not hold yet goes back in the editor, before anything typed since.
      const unsent = action.text && s.session.phase === 'answering' ? action.text : undefined;
      const editor = unsent ? emptyEditor(s.editor.text.trim() ? `${unsent}\n${s.editor.text}` : unsent) : s.editor;
      return stay({
        ...s,
        busy: false,
        submitPending: false,
        editor,
        hint: undefined,
        saveError: { file: action.file, reason: action.reason },
      });
    }
    case 'report-saved':
      return stay({ ...s, view: { kind: 'report', report: action.report, path: action.path } });
    case 'session-created':
      return stay(s);
    case 'recording-started':
      return stay(s.recording ? { ...s, recording: { ...s.recording, phase: 'recording' } } : s);
    case 'recording-level':
      return stay(
        s.recording?.phase === 'recording' ? { ...s, recording: { ...s.recording, level: action.level, elapsedMs: action.elapsedMs } } : s,
      );
    case 'recording-saved': {
      const { recording: _, ...rest } = s;
      const saved = {
        ...rest,
        session: action.session,
        ...(action.note ? { voiceNote: { kind: 'not-transcribed' as const, text: action.note } } : {}),
      };
      return stay(action.transcribing && s.recording ? { ...saved, recording: { ...s.recording, phase: 'transcribing' } } : saved);
    }
    case 'recording-failed': {
      const { recording: _, ...rest } = s;
      return stay({ ...rest, voiceNote: { kind: 'record-failed', text: action.error } });
    }
    case 'transcribed': {
      const { recording: _, voiceNote: __, ...rest } = s;
      // The transcript goes where the candidate would type next: after what is already there.
      const before = s.editor.text.trimEnd();
      const text = action.text.trim();
      const editor = text ? emptyEditor(cleanInput(before ? `${before}\n${text}` : text)) : s.editor;
      return stay({ ...rest, session: action.session, editor, hint: undefined });
    }
    case 'transcription-failed': {
      const { recording: _, ...rest } = s;
      return stay({ ...rest, session: action.session, voiceNote: { kind: 'not-transcribed', text: action.note } });
    }
    case 'voice-notice':
      return stay({ ...s, voiceNote: { kind: 'notice', text: action.text } });
  }
}

function afterEvent(s: InterviewScreen, event: InterviewEvent): InterviewScreen {
  switch (event.type) {
    case 'probe-failed':
      return { ...s, notice: event.notice };
    case 'probe-ready':
      return { ...s, streaming: '' };
    case 'answer-submitted':
      return { ...s, notice: undefined };
    case 'advanced':
      // In practice, the question that ended gets its score card.
      if (s.session.mode !== 'practice' || s.view.kind !== 'question') return s;
      return { ...s, view: { kind: 'score-card', questionId: event.questionId, showExample: false } };
    default:
      return s;
  }
}

function interviewKey(s: InterviewScreen, intent: KeyIntent): ScreenStep {
  const { view } = s;
  if (intent.kind === 'quit') {
    return view.kind === 'report'
      ? leaveFinished(s, view.path)
      : { state: s, effects: [{ type: 'quit', loaded: s.loaded, session: s.session, draft: s.editor.text }] };
  }
  switch (view.kind) {
    case 'report':
      return isEnter(intent) || intent.kind === 'submit' ? leaveFinished(s, view.path) : stay(s);
    case 'score-card':
      if (intent.kind === 'edit' && intent.action.type === 'insert' && intent.action.text.toLowerCase() === 'e') {
        return stay({ ...s, view: { ...view, showExample: !view.showExample } });
      }
      if (!isEnter(intent)) return stay(s);
      {
        const step = settle({ ...s, view: { kind: 'question' } });
        // The next question's time starts now that it is on screen, not when the card appeared.
        const waiting = !s.busy && s.session.status !== 'finished' && s.session.phase === 'answering';
        const shown: ScreenEffect[] = waiting ? [{ type: 'show-question', loaded: s.loaded, session: s.session }] : [];
        return { state: step.state, effects: [...shown, ...step.effects] };
      }
    case 'question':
      if (intent.kind === 'record') return recordKey(s);
      if (intent.kind === 'toggle-voice') return toggleVoice(s);
      // An answer being recorded or transcribed is not in the editor yet.
      if (intent.kind === 'submit' && s.recording) return stay({ ...s, hint: 'recording' });
      if (intent.kind === 'submit' && s.saveError && s.session.phase !== 'answering' && !s.busy) {
        // The answer is in the session; what failed was saving what came after it. Go on from there.
        return { state: { ...s, busy: true, saveError: undefined }, effects: [{ type: 'retry', loaded: s.loaded, session: s.session }] };
      }
      if (intent.kind === 'submit') {
        // Typing goes on while the interviewer works; the submit waits for them.
        if (s.session.phase !== 'answering' || s.busy) return stay({ ...s, submitPending: true, hint: 'waiting-for-interviewer' });
        return submitDraft(s);
      }
      return intent.kind === 'edit' ? stay({ ...s, editor: editorReducer(s.editor, intent.action) }) : stay(s);
    case 'saving-report':
    case 'failed':
      return stay(s);
  }
}

function submitDraft(s: InterviewScreen): ScreenStep {
  const text = s.editor.text;
  if (!text.trim()) return stay({ ...s, submitPending: false, hint: 'empty-answer' });
  return {
    state: { ...s, submitPending: false, hint: undefined, saveError: undefined, busy: true, editor: emptyEditor(), voiceNote: undefined },
    // The candidate has answered: an interviewer still speaking stops.
    effects: [...(s.speaking ? [{ type: 'hush' } as const] : []), { type: 'submit', loaded: s.loaded, session: s.session, text }],
  };
}

/** What follows by itself once the question is back on screen: the report, or a submit that was waiting. */
function settle(s: InterviewScreen): ScreenStep {
  if (s.view.kind !== 'question') return stay(s);
  const said = speakNew(s);
  if (said) return said;
  if (s.session.status === 'finished') {
    return { state: { ...s, view: { kind: 'saving-report' } }, effects: [{ type: 'save-report', loaded: s.loaded, session: s.session }] };
  }
  if (s.submitPending && s.session.phase === 'answering' && !s.busy) return submitDraft(s);
  return stay(s);
}

const leaveFinished = (s: InterviewScreen, reportPath: string): ScreenStep => ({
  state: s,
  effects: [{ type: 'exit', outcome: { kind: 'finished', session: s.session, reportPath } }],
});

/** The interviewer's latest question or follow-up, when it is on screen and has not been said aloud yet. */
function speakNew(s: InterviewScreen): ScreenStep | undefined {
  if (!s.speaking || s.busy || s.session.status === 'finished' || s.session.phase !== 'answering') return undefined;
  const index = s.session.turns.findLastIndex((t) => t.role === 'interviewer');
  const turn = s.session.turns[index];
  if (!turn || index <= s.spoken) return undefined;
  const step = settle({ ...s, spoken: index });
  return { state: step.state, effects: [{ type: 'say', text: turn.text }, ...step.effects] };
}

/** Ctrl+T: the voice on (saying the question on screen again) or off (silent at once). */
function toggleVoice(s: InterviewScreen): ScreenStep {
  if (s.speaking) return { state: { ...s, speaking: false }, effects: [{ type: 'hush' }] };
  // While the candidate records, the question is not said again: it would be in the recording.
  if (s.recording) return stay({ ...s, speaking: true, spoken: s.session.turns.findLastIndex((t) => t.role === 'interviewer') });
  return speakNew({ ...s, speaking: true, spoken: -1 }) ?? stay({ ...s, speaking: true });
}

/** Ctrl+R: starts recording an answer, or stops the one running so it is saved and transcribed. */
function recordKey(s: InterviewScreen): ScreenStep {
  if (s.session.status === 'finished') return stay(s);
  if (!s.recording) {
    const { voiceNote: _, ...rest } = s;
    return {
      state: { ...rest, recording: { phase: 'starting', level: 0, elapsedMs: 0 } },
      // The candidate is about to speak: the interviewer stops.
      effects: [{ type: 'hush' }, { type: 'start-recording', loaded: s.loaded, session: s.session }],
    };
  }
  if (s.recording.phase !== 'recording') return stay(s);
  return { state: { ...s, recording: { ...s.recording, phase: 'saving' } }, effects: [{ type: 'stop-recording', loaded: s.loaded }] };
}
