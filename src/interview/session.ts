// The session: everything said and scored in one interview. Saved as is; it is also the transcript.
import { ownEntry } from '../own.js';
import * as z from '../zod.js';
import { TimedSpeech } from '../delivery/speech.js';
import { Score } from '../scoring/types.js';

export const SESSION_VERSION = 1;

/** Why the interview said something of its own: the UI and the report act on this, never on the wording. */
export const NoticeReason = z.enum(['llm-failed', 'time-up', 'resumed']);
export type NoticeReason = z.infer<typeof NoticeReason>;

const TurnFields = z.object({
  role: z.enum(['interviewer', 'candidate', 'system']),
  kind: z.enum(['question', 'probe', 'answer', 'notice']),
  questionId: z.string(),
  text: z.string(),
  /** ISO 8601 time the turn happened. */
  at: z.string(),
  followUpId: z.string().optional(),
  /** For a probe: the rubric criterion it targets. */
  criterion: z.string().optional(),
  /** For a probe: who wrote it. */
  source: z.enum(['llm', 'offline']).optional(),
  /** For a probe: the phrase of the answer it builds on. */
  basedOn: z.string().optional(),
  /** For a notice: why it was given. */
  notice: NoticeReason.optional(),
});

/**
 * Sessions saved before notices carried a reason told them apart by their fixed wording; those
 * two texts are read once here, when such a file is loaded, and nowhere else.
 */
const LEGACY_NOTICES: Record<string, NoticeReason> = { 'Time is up for this question.': 'time-up', 'Resumed.': 'resumed' };

export const Turn = TurnFields.transform((t) =>
  t.kind === 'notice' && !t.notice ? { ...t, notice: ownEntry(LEGACY_NOTICES, t.text) ?? 'llm-failed' } : t,
);
export type Turn = z.infer<typeof Turn>;

/**
 * Where the session stands. The interview advances through these; a saved session resumes
 * from the phase it was saved in.
 *   asking → answering → scoring → deciding → (probing → answering …) → asking (next) … → done
 */
export const Phase = z.enum(['idle', 'asking', 'answering', 'scoring', 'deciding', 'probing', 'done']);
export type Phase = z.infer<typeof Phase>;

/** An answer said aloud: the audio is saved with the session first, its transcript added when there is one. */
export const Recording = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]+$/),
  questionId: z.string(),
  /** The audio file, relative to the sessions folder. */
  file: z.string(),
  at: z.string(),
  seconds: z.number().min(0),
  /** What was said, with its timings; absent until it is transcribed. */
  speech: TimedSpeech.optional(),
  /** Why the last attempt to transcribe it failed. */
  failed: z.string().optional(),
  /** The answer turn it belongs to, once that answer is submitted (typed or from the transcript). */
  answerTurn: z.number().int().min(0).optional(),
});
export type Recording = z.infer<typeof Recording>;

export const Session = z.object({
  version: z.literal(SESSION_VERSION),
  id: z.string().regex(/^[A-Za-z0-9_-]+$/),
  scenario: z.object({ id: z.string(), title: z.string(), file: z.string().optional() }),
  mode: z.enum(['practice', 'interview']),
  /** A whole interview, or a drill on one criterion; sessions saved before drills existed are interviews. */
  kind: z.enum(['interview', 'drill']).optional(),
  /** For a drill: the one criterion it works on, of which family, and the question asked for it. */
  drill: z
    .object({
      criterion: z.string(),
      family: z.string(),
      questionId: z.string(),
      /** The criterion's level in the latest session before the drill that graded it, and that session's date. */
      before: z.object({ level: z.number().int().min(0), maxLevel: z.number().int().min(1), date: z.string() }).optional(),
    })
    .optional(),
  status: z.enum(['in-progress', 'finished', 'quit']),
  phase: Phase,
  questionIndex: z.number().int().min(-1),
  questionStartedAt: z.string().optional(),
  /** The questions whose time ran out. */
  timeUp: z.array(z.string()),
  /** The probe the policy asked for and the writer is still phrasing. */
  pending: z.object({ followUpId: z.string(), criterion: z.string() }).optional(),
  /** What the candidate had typed but not submitted when they quit; offered back on resume. */
  draft: z.string().optional(),
  /** Used to limit how many probes a question gets, whatever the question's own budget says. */
  maxProbes: z.number().int().min(0).optional(),
  turns: z.array(Turn),
  /** Answers said aloud; absent in sessions that never recorded one. */
  recordings: z.array(Recording).optional(),
  /** The latest score of each question: its main answer and its probe answers together. */
  scores: z.record(z.string(), Score),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Session = z.infer<typeof Session>;

export function newSession(init: {
  id: string;
  scenario: Session['scenario'];
  mode: Session['mode'];
  at: string;
  maxProbes?: number;
  drill?: Session['drill'];
}): Session {
  return {
    version: SESSION_VERSION,
    id: init.id,
    scenario: init.scenario,
    mode: init.mode,
    status: 'in-progress',
    phase: 'idle',
    questionIndex: -1,
    timeUp: [],
    ...(init.maxProbes !== undefined ? { maxProbes: init.maxProbes } : {}),
    ...(init.drill ? { kind: 'drill' as const, drill: init.drill } : {}),
    turns: [],
    scores: {},
    createdAt: init.at,
    updatedAt: init.at,
  };
}

/** The candidate's answers to one question, main answer first, then the answers to its probes. */
export function answersTo(session: Session, questionId: string): string[] {
  return session.turns.filter((t) => t.questionId === questionId && t.role === 'candidate' && t.kind === 'answer').map((t) => t.text);
}

export function probesOf(session: Session, questionId: string): Turn[] {
  return session.turns.filter((t) => t.questionId === questionId && t.kind === 'probe');
}

/** The recordings of one question's submitted answers, in the order they were made. */
export function recordingsOf(session: Session, questionId: string): Recording[] {
  return (session.recordings ?? []).filter((r) => r.questionId === questionId && r.answerTurn !== undefined);
}
