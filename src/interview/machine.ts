// The session as a pure reducer: each event gives a new session; nothing here does I/O or reads a clock.
import type { Score } from '../scoring/types.js';
import type { Scenario } from '../scenario/schema.js';
import type { TimedSpeech } from '../delivery/speech.js';
import type { Recording, Session, Turn } from './session.js';

export type InterviewEvent =
  | { type: 'started'; at: string }
  | { type: 'question-asked'; at: string }
  | { type: 'answer-submitted'; text: string; at: string }
  | { type: 'scored'; score: Score; at: string }
  | { type: 'probe-requested'; followUpId: string; criterion: string; at: string }
  | { type: 'probe-failed'; notice: string; at: string }
  | { type: 'probe-ready'; text: string; source: 'llm' | 'offline'; basedOn?: string; at: string }
  /** The question `questionId` is over: the session moves on to the next one, or to the end. */
  | { type: 'advanced'; questionId: string; at: string }
  | { type: 'time-up'; at: string }
  | { type: 'quit'; at: string; draft?: string }
  | { type: 'resumed'; at: string }
  /** The question is on screen: the terminal UI shows it after a score card, and its time starts then. */
  | { type: 'question-shown'; at: string }
  | { type: 'finished'; at: string }
  /** An answer was recorded and its audio file is complete; it belongs to the question on now. */
  | { type: 'recording-saved'; id: string; file: string; seconds: number; at: string }
  /** A recording's transcript; `toDraft` also puts its text in the draft (when no editor is open to take it). */
  | { type: 'recording-transcribed'; id: string; speech: TimedSpeech; toDraft?: boolean; at: string }
  | { type: 'transcription-failed'; id: string; reason: string; at: string };

export class InvalidEvent extends Error {}

function expect(session: Session, event: InterviewEvent, ...phases: Session['phase'][]): void {
  if (!phases.includes(session.phase)) {
    throw new InvalidEvent(`"${event.type}" cannot happen while the session is ${session.phase}`);
  }
}

export function currentQuestionId(session: Session, scenario: Scenario): string | undefined {
  return scenario.questions[session.questionIndex]?.id;
}

export function reduce(session: Session, event: InterviewEvent, scenario: Scenario): Session {
  const qid = currentQuestionId(session, scenario) ?? '';
  const turn = (t: Omit<Turn, 'questionId' | 'at'>): Turn => ({ questionId: qid, at: event.at, ...t });
  const next = { ...session, updatedAt: event.at };
  switch (event.type) {
    case 'started':
      expect(session, event, 'idle');
      return { ...next, phase: 'asking', questionIndex: 0, status: 'in-progress' };
    case 'question-asked': {
      expect(session, event, 'asking');
      const q = scenario.questions[session.questionIndex]!;
      return {
        ...next,
        phase: 'answering',
        questionStartedAt: event.at,
        turns: [...session.turns, turn({ role: 'interviewer', kind: 'question', text: q.prompt })],
      };
    }
    case 'answer-submitted': {
      expect(session, event, 'answering');
      const { draft: _, ...rest } = next;
      // What was recorded for this question since its last answer belongs to this answer, typed or not.
      const answerTurn = session.turns.length;
      const recordings = session.recordings?.map((r) => (r.questionId === qid && r.answerTurn === undefined ? { ...r, answerTurn } : r));
      return {
        ...rest,
        ...(recordings ? { recordings } : {}),
        phase: 'scoring',
        turns: [...session.turns, turn({ role: 'candidate', kind: 'answer', text: event.text })],
      };
    }
    case 'recording-saved': {
      if (session.status === 'finished') throw new InvalidEvent('"recording-saved" cannot happen once the session is finished');
      const recording: Recording = { id: event.id, questionId: qid, file: event.file, at: event.at, seconds: event.seconds };
      return { ...next, recordings: [...(session.recordings ?? []), recording] };
    }
    case 'recording-transcribed':
    case 'transcription-failed': {
      const found = session.recordings?.find((r) => r.id === event.id);
      if (!found) throw new InvalidEvent(`no recording "${event.id}" in this session`);
      const update = (r: Recording): Recording => {
        if (r.id !== event.id) return r;
        if (event.type === 'transcription-failed') return { ...r, failed: event.reason };
        const { failed: _, ...rest } = r;
        return { ...rest, speech: event.speech };
      };
      const text = event.type === 'recording-transcribed' && event.toDraft ? event.speech.text.trim() : '';
      const draft = text ? (session.draft?.trim() ? `${session.draft.trimEnd()}\n${text}` : text) : session.draft;
      return { ...next, recordings: session.recordings!.map(update), ...(draft ? { draft } : {}) };
    }
    case 'scored':
      expect(session, event, 'scoring');
      return { ...next, phase: 'deciding', scores: { ...session.scores, [qid]: event.score } };
    case 'probe-requested':
      expect(session, event, 'deciding');
      return { ...next, phase: 'probing', pending: { followUpId: event.followUpId, criterion: event.criterion } };
    case 'probe-failed':
      expect(session, event, 'probing');
      return { ...next, turns: [...session.turns, turn({ role: 'system', kind: 'notice', notice: 'llm-failed', text: event.notice })] };
    case 'probe-ready': {
      expect(session, event, 'probing');
      const { pending, ...rest } = next;
      return {
        ...rest,
        phase: 'answering',
        turns: [
          ...session.turns,
          turn({
            role: 'interviewer',
            kind: 'probe',
            text: event.text,
            followUpId: pending!.followUpId,
            criterion: pending!.criterion,
            source: event.source,
            ...(event.basedOn ? { basedOn: event.basedOn } : {}),
          }),
        ],
      };
    }
    case 'advanced': {
      expect(session, event, 'deciding');
      if (event.questionId !== qid)
        throw new InvalidEvent(`"advanced" names question "${event.questionId}" while the session is on "${qid}"`);
      const index = session.questionIndex + 1;
      const { questionStartedAt: _, ...rest } = next;
      return index < scenario.questions.length ? { ...rest, phase: 'asking', questionIndex: index } : { ...rest, phase: 'done' };
    }
    case 'time-up':
      if (session.timeUp.includes(qid)) return session;
      return {
        ...next,
        timeUp: [...session.timeUp, qid],
        turns: [...session.turns, turn({ role: 'system', kind: 'notice', notice: 'time-up', text: 'Time is up for this question.' })],
      };
    case 'quit':
      return { ...next, status: 'quit', ...(event.draft?.trim() ? { draft: event.draft } : {}) };
    case 'resumed': {
      // The time away does not count against the question's budget.
      const away = Math.max(0, Date.parse(event.at) - Date.parse(session.updatedAt));
      const started = session.questionStartedAt ? new Date(Date.parse(session.questionStartedAt) + away).toISOString() : undefined;
      return {
        ...next,
        ...(started ? { questionStartedAt: started } : {}),
        status: session.phase === 'done' ? session.status : 'in-progress',
        // One "Resumed." however many times it was resumed without anything said in between.
        turns:
          session.turns.at(-1)?.notice === 'resumed'
            ? session.turns
            : [...session.turns, turn({ role: 'system', kind: 'notice', notice: 'resumed', text: 'Resumed.' })],
      };
    }
    case 'question-shown':
      // Only the start of a question's answer: once anything is said to it, its time is running.
      if (session.phase !== 'answering' || session.turns.at(-1)?.kind !== 'question') return session;
      return { ...next, questionStartedAt: event.at };
    case 'finished':
      expect(session, event, 'done');
      return { ...next, status: 'finished' };
  }
}
