// Which screen the candidate sees and how they move between screens, as a pure reducer: keys and
// the engine's progress go in; the next screen, and the work the hook must do, come out.
import type { InterviewEvent } from '../interview/machine.js';
import type { Session } from '../interview/session.js';
import type { Report } from '../report/build.js';
import type { LoadedScenario } from '../scenario/loaded.js';
import { cleanInput, editorReducer, type EditorState, emptyEditor } from './editor-state.js';
import type { KeyIntent } from './keys.js';

/** How the app ended, for the launcher to report. */
export type Outcome =
  | {
      kind: 'quit';
      session: Session;
      /** Set when the session could not be saved where it belongs: why, and where a copy was kept. */
      unsaved?: { error: string; copy?: string };
    }
  | { kind: 'finished'; session: Session; reportPath: string };

/** Why a line of advice is shown under the editor. */
export type Hint = 'empty-answer' | 'waiting-for-interviewer';

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
}

export interface IntroScreen {
  screen: 'intro';
  loaded: LoadedScenario;
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
  | { type: 'report-saved'; report: Report; path: string };

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

function interview(loaded: LoadedScenario, session: Session, resuming: boolean): ScreenStep {
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
    },
    effects: [{ type: 'start', loaded, session, resuming }],
  };
}

/** The first screen: the list, or the intro of a scenario named on the command line, or a resumed interview. */
export function initialScreen(scenarios: LoadedScenario[], start?: { loaded: LoadedScenario; session?: Session }): ScreenStep {
  if (!start) return stay({ screen: 'picker', scenarios, selected: 0 });
  if (!start.session) return stay({ screen: 'intro', loaded: start.loaded });
  return interview(start.loaded, start.session, true);
}

export function screenReducer(state: ScreenState, action: ScreenAction): ScreenStep {
  switch (state.screen) {
    case 'picker':
      if (action.type === 'key' && action.intent.kind === 'quit') return { state, effects: [{ type: 'leave' }] };
      return action.type === 'key' ? pickerKey(state, action.intent) : stay(state);
    case 'intro':
      if (action.type === 'key' && action.intent.kind === 'quit') return { state, effects: [{ type: 'leave' }] };
      if (action.type === 'session-created') return interview(state.loaded, action.session, false);
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
  return stay(loaded ? { screen: 'intro', loaded } : state);
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
    case 'advanced': {
      if (s.session.mode !== 'practice' || s.view.kind !== 'question') return s;
      // "advanced" has already moved the session on: the question that ended is the one before,
      // or, after the last, the one it stays on.
      const ended = s.session.phase === 'done' ? s.session.questionIndex : s.session.questionIndex - 1;
      const question = s.loaded.scenario.questions[ended];
      return question ? { ...s, view: { kind: 'score-card', questionId: question.id, showExample: false } } : s;
    }
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
    state: { ...s, submitPending: false, hint: undefined, saveError: undefined, busy: true, editor: emptyEditor() },
    effects: [{ type: 'submit', loaded: s.loaded, session: s.session, text }],
  };
}

/** What follows by itself once the question is back on screen: the report, or a submit that was waiting. */
function settle(s: InterviewScreen): ScreenStep {
  if (s.view.kind !== 'question') return stay(s);
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
