import { describe, expect, it } from 'vitest';
import type { InterviewEvent } from '../../src/interview/machine.js';
import { newSession, type Session } from '../../src/interview/session.js';
import { buildReport } from '../../src/report/build.js';
import { loadScenario } from '../../src/scenario/load.js';
import { emptyEditor } from '../../src/ui/editor-state.js';
import type { KeyIntent } from '../../src/ui/keys.js';
import {
  initialScreen,
  screenReducer,
  type InterviewScreen,
  type ScreenAction,
  type ScreenState,
  type ScreenStep,
} from '../../src/ui/screen-state.js';
import { fixture } from '../helpers.js';

const loaded = loadScenario(fixture('scenarios/good/minimal.yaml'));
const other = { ...loaded, scenario: { ...loaded.scenario, id: 'other', title: 'Other' } };
const AT = '2026-01-01T10:00:00Z';

const session = (over: Partial<Session> = {}): Session => ({
  ...newSession({ id: 's', scenario: { id: 'minimal', title: 'Minimal' }, mode: 'practice', at: AT }),
  status: 'in-progress',
  phase: 'answering',
  questionIndex: 0,
  ...over,
});
const answering = session();
const probing = session({ phase: 'probing' });
const finished = session({ status: 'finished', phase: 'done' });
const report = buildReport(finished, loaded.scenario);

/** The interview screen at a question, idle, with `over` changed. */
const at = (over: Partial<InterviewScreen> = {}): InterviewScreen => ({
  screen: 'interview',
  loaded,
  session: answering,
  streaming: '',
  busy: false,
  editor: emptyEditor(),
  submitPending: false,
  view: { kind: 'question' },
  speaking: false,
  spoken: -1,
  ...over,
});
const picker = (selected: number): ScreenState => ({ screen: 'picker', scenarios: [loaded, other], selected, speaking: false });
const intro = (l = loaded): ScreenState => ({ screen: 'intro', loaded: l, speaking: false });

const key = (intent: KeyIntent): ScreenAction => ({ type: 'key', intent });
const typed = (text: string) => key({ kind: 'edit', action: { type: 'insert', text } });
const enter = typed('\n');
const down = key({ kind: 'edit', action: { type: 'move-down' } });
const up = key({ kind: 'edit', action: { type: 'move-up' } });
const submit = key({ kind: 'submit' });
const quit = key({ kind: 'quit' });
const event = (e: InterviewEvent, s: Session): ScreenAction => ({ type: 'engine-event', event: e, session: s });

const same = (state: ScreenState): ScreenStep => ({ state, effects: [] });
/** Runs actions in order; the effects of all of them, in order. */
const run = (start: ScreenState, ...actions: ScreenAction[]): ScreenStep =>
  actions.reduce<ScreenStep>(
    (step, action) => {
      const next = screenReducer(step.state, action);
      return { state: next.state, effects: [...step.effects, ...next.effects] };
    },
    { state: start, effects: [] },
  );

describe('the first screen', () => {
  it.each<[string, Parameters<typeof initialScreen>[1], ScreenStep]>([
    ['no scenario named: the list', undefined, same(picker(0))],
    ['a scenario named: its intro', { loaded: other }, same(intro(other))],
    [
      'a session to resume: the interview, busy resuming, with the unsent draft back in the editor',
      { loaded, session: session({ draft: 'half an answer' }) },
      {
        state: at({ session: session({ draft: 'half an answer' }), busy: true, editor: emptyEditor('half an answer') }),
        effects: [{ type: 'start', loaded, session: session({ draft: 'half an answer' }), resuming: true }],
      },
    ],
  ])('%s', (_, start, expected) => {
    expect(initialScreen([loaded, other], start)).toEqual(expected);
  });
});

describe('the scenario list and the intro', () => {
  it.each<[string, ScreenState, ScreenAction[], ScreenStep]>([
    ['down moves the choice, wrapping at the end', picker(0), [down, down], same(picker(0))],
    ['up from the first goes to the last', picker(0), [up], same(picker(1))],
    ['Enter picks the choice', picker(0), [down, enter], same(intro(other))],
    ['a number picks that scenario', picker(0), [typed('2')], same(intro(other))],
    ['a number past the end does nothing', picker(0), [typed('3')], same(picker(0))],
    ['other keys do nothing', picker(1), [typed('x'), submit], same(picker(1))],
    ['Enter on the intro asks for a session', intro(), [enter], { state: intro(), effects: [{ type: 'create-session', loaded }] }],
    ['Ctrl+C on the list leaves, with nothing to save', picker(1), [quit], { state: picker(1), effects: [{ type: 'leave' }] }],
    ['Ctrl+C on the intro leaves, with nothing to save', intro(), [quit], { state: intro(), effects: [{ type: 'leave' }] }],
    ['typing on the intro does nothing', intro(), [typed('x'), submit], same(intro())],
    [
      'the new session starts the interview',
      intro(),
      [{ type: 'session-created', session: session({ phase: 'idle', questionIndex: -1 }) }],
      {
        state: at({ session: session({ phase: 'idle', questionIndex: -1 }), busy: true }),
        effects: [{ type: 'start', loaded, session: session({ phase: 'idle', questionIndex: -1 }), resuming: false }],
      },
    ],
  ])('%s', (_, start, actions, expected) => {
    expect(run(start, ...actions)).toEqual(expected);
  });
});

describe('at a question', () => {
  const draft = emptyEditor('my answer');
  it.each<[string, InterviewScreen, ScreenAction[], ScreenStep]>([
    ['typing edits the draft', at(), [typed('my'), typed(' answer')], same(at({ editor: draft }))],
    [
      'Ctrl+D submits the draft and empties the editor',
      at({ editor: draft, hint: 'empty-answer' }),
      [submit],
      { state: at({ busy: true }), effects: [{ type: 'submit', loaded, session: answering, text: 'my answer' }] },
    ],
    [
      'Ctrl+D on a blank draft says to type first',
      at({ editor: emptyEditor('  \n') }),
      [submit],
      same(at({ editor: emptyEditor('  \n'), hint: 'empty-answer' })),
    ],
    [
      'Ctrl+D while the answer is read waits',
      at({ editor: draft, busy: true }),
      [submit],
      same(at({ editor: draft, busy: true, submitPending: true, hint: 'waiting-for-interviewer' })),
    ],
    [
      'Ctrl+D while a follow-up is written waits',
      at({ editor: draft, session: probing }),
      [submit],
      same(at({ editor: draft, session: probing, submitPending: true, hint: 'waiting-for-interviewer' })),
    ],
    [
      'a waiting submit goes in, with what was typed meanwhile, once the interviewer is ready',
      at({ session: probing, busy: true }),
      [
        submit,
        typed('my answer'),
        event({ type: 'probe-ready', text: 'Why?', source: 'offline', at: AT }, answering),
        { type: 'work-done', session: answering },
      ],
      { state: at({ busy: true }), effects: [{ type: 'submit', loaded, session: answering, text: 'my answer' }] },
    ],
    [
      'a waiting submit with nothing typed says to type first',
      at({ session: probing, busy: true }),
      [submit, { type: 'work-done', session: answering }],
      same(at({ hint: 'empty-answer' })),
    ],
    [
      'Ctrl+C saves the draft and quits',
      at({ editor: draft }),
      [quit],
      { state: at({ editor: draft }), effects: [{ type: 'quit', loaded, session: answering, draft: 'my answer' }] },
    ],
    [
      'probe tokens stream in',
      at({ session: probing, busy: true }),
      [
        { type: 'probe-token', text: 'Why ' },
        { type: 'probe-token', text: 'that?' },
      ],
      same(at({ session: probing, busy: true, streaming: 'Why that?' })),
    ],
    [
      'the probe, once ready, is no longer streaming',
      at({ session: probing, busy: true, streaming: 'Why that?' }),
      [event({ type: 'probe-ready', text: 'Why that?', source: 'offline', at: AT }, answering)],
      same(at({ busy: true })),
    ],
    [
      'an LLM fallback shows a notice until the next answer',
      at({ session: probing, busy: true }),
      [event({ type: 'probe-failed', notice: 'offline follow-up', at: AT }, probing)],
      same(at({ session: probing, busy: true, notice: 'offline follow-up' })),
    ],
    [
      'the next answer clears the notice',
      at({ busy: true, notice: 'offline follow-up' }),
      [event({ type: 'answer-submitted', text: 'x', at: AT }, session({ phase: 'scoring' }))],
      same(at({ busy: true, session: session({ phase: 'scoring' }) })),
    ],
    [
      'the engine failing leaves only the way out',
      at({ busy: true, editor: draft }),
      [{ type: 'work-failed', error: 'disk full' }, typed('more'), submit, enter],
      same(at({ editor: draft, view: { kind: 'failed', error: 'disk full' } })),
    ],
  ])('%s', (_, start, actions, expected) => {
    expect(run(start, ...actions)).toEqual(expected);
  });
});

describe('between questions and at the end', () => {
  const card = { kind: 'score-card', questionId: 'kpi', showExample: false } as const;
  const next = session({ phase: 'asking', questionIndex: 1 });
  const saved = { kind: 'report', report, path: '/tmp/r.md' } as const;
  const leave = { type: 'exit', outcome: { kind: 'finished', session: finished, reportPath: '/tmp/r.md' } } as const;
  it.each<[string, InterviewScreen, ScreenAction[], ScreenStep]>([
    [
      'in practice, the question that ended gets its score card',
      at({ busy: true }),
      [event({ type: 'advanced', questionId: 'kpi', at: AT }, next)],
      same(at({ busy: true, session: next, view: card })),
    ],
    [
      'after the last question too',
      at({ busy: true }),
      [event({ type: 'advanced', questionId: 'kpi', at: AT }, session({ phase: 'done' }))],
      same(at({ busy: true, session: session({ phase: 'done' }), view: card })),
    ],
    [
      'the card is of the question the event names, wherever the session has gone since',
      at({ busy: true }),
      [event({ type: 'advanced', questionId: 'kpi', at: AT }, session({ phase: 'asking', questionIndex: 0 }))],
      same(at({ busy: true, session: session({ phase: 'asking', questionIndex: 0 }), view: card })),
    ],
    [
      'in an interview, no score card',
      at({ busy: true, session: session({ mode: 'interview' }) }),
      [event({ type: 'advanced', questionId: 'kpi', at: AT }, session({ mode: 'interview', phase: 'asking', questionIndex: 1 }))],
      same(at({ busy: true, session: session({ mode: 'interview', phase: 'asking', questionIndex: 1 }) })),
    ],
    [
      'e shows and hides the example',
      at({ view: card }),
      [typed('e'), typed('E'), typed('e')],
      same(at({ view: { ...card, showExample: true } })),
    ],
    ['other keys on a score card do nothing, not even to the draft', at({ view: card }), [typed('x'), submit], same(at({ view: card }))],
    [
      'Enter goes on to the question, whose time starts then',
      at({ view: { ...card, showExample: true } }),
      [enter],
      { state: at(), effects: [{ type: 'show-question', loaded, session: at().session }] },
    ],
    [
      'a submit that was waiting goes in once the score card is dismissed',
      at({ busy: true, editor: emptyEditor('more') }),
      [submit, event({ type: 'advanced', questionId: 'kpi', at: AT }, next), { type: 'work-done', session: answering }, enter],
      {
        state: at({ busy: true }),
        effects: [
          { type: 'show-question', loaded, session: answering },
          { type: 'submit', loaded, session: answering, text: 'more' },
        ],
      },
    ],
    [
      'a finished interview saves its report, then shows it',
      at({ busy: true, session: session({ mode: 'interview', phase: 'done' }) }),
      [
        event({ type: 'finished', at: AT }, { ...finished, mode: 'interview' }),
        { type: 'work-done', session: { ...finished, mode: 'interview' } },
      ],
      {
        state: at({ session: { ...finished, mode: 'interview' }, view: { kind: 'saving-report' } }),
        effects: [{ type: 'save-report', loaded, session: { ...finished, mode: 'interview' } }],
      },
    ],
    [
      'in practice, the report comes after the last score card',
      at({ session: finished, view: card }),
      [enter],
      { state: at({ session: finished, view: { kind: 'saving-report' } }), effects: [{ type: 'save-report', loaded, session: finished }] },
    ],
    [
      'the saved report is shown',
      at({ session: finished, view: { kind: 'saving-report' } }),
      [{ type: 'report-saved', report, path: '/tmp/r.md' }],
      same(at({ session: finished, view: saved })),
    ],
    [
      'typing on the report does nothing',
      at({ session: finished, view: saved }),
      [typed('x')],
      same(at({ session: finished, view: saved })),
    ],
    [
      'Enter on the report leaves, finished',
      at({ session: finished, view: saved }),
      [enter],
      { state: at({ session: finished, view: saved }), effects: [leave] },
    ],
    [
      'so do Ctrl+D and Ctrl+C',
      at({ session: finished, view: saved }),
      [submit, quit],
      { state: at({ session: finished, view: saved }), effects: [leave, leave] },
    ],
  ])('%s', (_, start, actions, expected) => {
    expect(run(start, ...actions)).toEqual(expected);
  });
});

describe('when the session cannot be saved', () => {
  const failed = { type: 'save-failed', file: '/data/sessions/s.json', reason: 'no space left on the device' } as const;
  const saveError = { file: failed.file, reason: failed.reason };
  it.each<[string, InterviewScreen, ScreenAction[], ScreenStep]>([
    [
      'the answer that was being sent comes back to the editor, with what was typed since',
      at({ busy: true, editor: emptyEditor('and more') }),
      [{ ...failed, text: 'My answer' }],
      same(at({ editor: emptyEditor('My answer\nand more'), saveError })),
    ],
    [
      'Ctrl+D sends it again, and the message goes',
      at({ editor: emptyEditor('My answer'), saveError }),
      [submit],
      { state: at({ busy: true }), effects: [{ type: 'submit', loaded, session: answering, text: 'My answer' }] },
    ],
    [
      'when the answer is in the session already, Ctrl+D goes on from there',
      at({ session: probing, saveError }),
      [submit],
      { state: at({ session: probing, busy: true }), effects: [{ type: 'retry', loaded, session: probing }] },
    ],
    [
      'an answer the session holds is not put back in the editor',
      at({ session: probing, busy: true }),
      [{ ...failed, text: 'My answer' }],
      same(at({ session: probing, saveError })),
    ],
  ])('%s', (_, start, actions, expected) => {
    expect(run(start, ...actions)).toEqual(expected);
  });
});

describe('speaking and recording', () => {
  const asked = session({
    turns: [
      { role: 'interviewer', kind: 'question', questionId: loaded.scenario.questions[0]!.id, text: 'Which number matters most?', at: AT },
    ],
  });
  const record = key({ kind: 'record' });
  const toggle = key({ kind: 'toggle-voice' });
  const recordingOn = { phase: 'recording' as const, level: 0.2, elapsedMs: 1200 };
  const saved = session({ ...asked, recordings: [{ id: 'q-1', questionId: 'q', file: 's.audio/q-1.wav', at: AT, seconds: 3 }] });

  it.each<[string, InterviewScreen, ScreenAction[], ScreenStep]>([
    [
      'with the voice on, a question on screen is said once',
      at({ speaking: true }),
      [
        { type: 'work-done', session: asked },
        { type: 'work-done', session: asked },
      ],
      { state: at({ speaking: true, session: asked, spoken: 0 }), effects: [{ type: 'say', text: 'Which number matters most?' }] },
    ],
    ['with the voice off, nothing is said', at(), [{ type: 'work-done', session: asked }], same(at({ session: asked }))],
    [
      'Ctrl+T turns it on and says the question on screen again',
      at({ session: asked, spoken: 0 }),
      [toggle],
      { state: at({ session: asked, speaking: true, spoken: 0 }), effects: [{ type: 'say', text: 'Which number matters most?' }] },
    ],
    [
      'Ctrl+T turns it off and silences it at once',
      at({ session: asked, speaking: true, spoken: 0 }),
      [toggle],
      { state: at({ session: asked, spoken: 0 }), effects: [{ type: 'hush' }] },
    ],
    [
      'nothing is said while a score card is up; it is said when the question comes back',
      at({ speaking: true, view: { kind: 'score-card', questionId: 'q', showExample: false } }),
      [{ type: 'work-done', session: asked }],
      same(at({ speaking: true, session: asked, view: { kind: 'score-card', questionId: 'q', showExample: false } })),
    ],
    [
      'Ctrl+R starts recording and stops the interviewer',
      at({ session: asked, speaking: true, spoken: 0 }),
      [record],
      {
        state: at({ session: asked, speaking: true, spoken: 0, recording: { phase: 'starting', level: 0, elapsedMs: 0 } }),
        effects: [{ type: 'hush' }, { type: 'start-recording', loaded, session: asked }],
      },
    ],
    [
      'Ctrl+T while recording turns the voice on without saying the question into the recording',
      at({ session: asked, recording: recordingOn }),
      [toggle],
      same(at({ session: asked, recording: recordingOn, speaking: true, spoken: 0 })),
    ],
    [
      'the meter follows the microphone once it is running',
      at({ recording: { phase: 'starting', level: 0, elapsedMs: 0 } }),
      [{ type: 'recording-started' }, { type: 'recording-level', level: 0.2, elapsedMs: 1200 }],
      same(at({ recording: recordingOn })),
    ],
    [
      'Ctrl+R again stops it; the recording is saved and transcribed',
      at({ recording: recordingOn }),
      [record],
      { state: at({ recording: { ...recordingOn, phase: 'saving' } }), effects: [{ type: 'stop-recording', loaded }] },
    ],
    [
      'Ctrl+D while recording does not submit: the answer is not in the editor yet',
      at({ recording: recordingOn, editor: emptyEditor('typed') }),
      [submit],
      same(at({ recording: recordingOn, editor: emptyEditor('typed'), hint: 'recording' })),
    ],
    [
      'the transcript goes in the editor after what was typed, to be corrected and submitted',
      at({ recording: { ...recordingOn, phase: 'transcribing' }, editor: emptyEditor('First,') }),
      [{ type: 'transcribed', session: saved, text: ' we would watch weekly active teams. ' }],
      same(at({ session: saved, editor: emptyEditor('First,\nwe would watch weekly active teams.') })),
    ],
    [
      'saved but not transcribed: the editor is left as it was and the candidate is told why',
      at({ recording: { ...recordingOn, phase: 'saving' }, editor: emptyEditor('typed') }),
      [{ type: 'recording-saved', session: saved, transcribing: false, note: 'Transcription is not set up.' }],
      same(
        at({ session: saved, editor: emptyEditor('typed'), voiceNote: { kind: 'not-transcribed', text: 'Transcription is not set up.' } }),
      ),
    ],
    [
      'a failed transcription leaves the editor for typing',
      at({ recording: { ...recordingOn, phase: 'transcribing' } }),
      [{ type: 'transcription-failed', session: saved, note: 'Could not transcribe.' }],
      same(at({ session: saved, voiceNote: { kind: 'not-transcribed', text: 'Could not transcribe.' } })),
    ],
    [
      'a recorder that cannot start is said, and typing goes on',
      at({ recording: { phase: 'starting', level: 0, elapsedMs: 0 } }),
      [{ type: 'recording-failed', error: 'Could not record: no recorder found' }],
      same(at({ voiceNote: { kind: 'record-failed', text: 'Could not record: no recorder found' } })),
    ],
  ])('%s', (_, start, actions, expected) => {
    expect(run(start, ...actions)).toEqual(expected);
  });

  it('--voice carries from the list to the interview', () => {
    const first = initialScreen([loaded], undefined, { speaking: true });
    const chosen = run(first.state, enter, { type: 'session-created', session: answering });
    expect(chosen.state.screen === 'interview' && chosen.state.speaking).toBe(true);
  });
});
