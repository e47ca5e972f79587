// Runs a session: applies events through the reducer, saving each before going on, and does the
// work between them (scoring, asking the policy, getting a probe written). UI-free; the clock,
// the store and the probe writers are passed in.
import { ownEntry } from '../own.js';
import type { LoadedScenario } from '../scenario/loaded.js';
import { score } from '../scoring/score.js';
import type { Score } from '../scoring/types.js';
import { writeProbe, type ProbeWriters } from '../probes/chain.js';
import type { ProbeRequest } from '../probes/types.js';
import { quotableAround } from '../text/quotable.js';
import { reduce, type InterviewEvent } from './machine.js';
import { decide } from './policy.js';
import { answersTo, probesOf, type Session } from './session.js';

/** The world the engine works in: who writes probes, where sessions are saved, the clock. */
export interface EngineServices {
  writers: ProbeWriters;
  /** Writes the session durably; called after every event, before anything else happens. */
  save: (session: Session) => void;
  now: () => Date;
}

export interface EngineDeps extends EngineServices {
  scenario: LoadedScenario;
  onEvent?: (event: InterviewEvent, session: Session) => void;
  onProbeToken?: (text: string) => void;
}

export function dispatch(session: Session, event: InterviewEvent, deps: EngineDeps): Session {
  const next = reduce(session, event, deps.scenario.scenario);
  deps.save(next);
  deps.onEvent?.(event, next);
  return next;
}

const at = (deps: EngineDeps) => deps.now().toISOString();

/** The question the session is on. */
export function currentQuestion(session: Session, deps: Pick<EngineDeps, 'scenario'>) {
  return deps.scenario.scenario.questions[session.questionIndex];
}

/** Scores everything the candidate said to the current question. */
export function scoreCurrent(session: Session, deps: Pick<EngineDeps, 'scenario'>): Score {
  const q = currentQuestion(session, deps)!;
  // Each answer after the first answered a probe: what it was asked is what it must bear on, and
  // the criterion it probed is what a fitting answer earns.
  const asked = {
    question: q.prompt,
    followUps: probesOf(session, q.id).map((t) => ({ prompt: t.text, ...(t.criterion ? { targets: [t.criterion] } : {}) })),
  };
  return score(deps.scenario.rubrics[q.id]!, answersTo(session, q.id), asked);
}

export function probeRequest(session: Session, deps: Pick<EngineDeps, 'scenario'>, followUpId: string, criterionId: string): ProbeRequest {
  const { scenario } = deps.scenario;
  const q = currentQuestion(session, deps)!;
  const followUp = q.followUps.find((f) => f.id === followUpId)!;
  const s = ownEntry(session.scores, q.id);
  const criterion = s?.criteria.find((c) => c.id === criterionId);
  // What the candidate said last comes first, then phrases of several words over single words.
  const words = (t: string) => Math.min(3, t.trim().split(/\s+/).length);
  const evidence = (s?.criteria ?? []).flatMap((c) => c.evidence).sort((a, b) => b.turn - a.turn || words(b.match) - words(a.match));
  const answers = answersTo(session, q.id);
  // The words a signal matched can be a fragment ("act on"); what is quoted back is the whole phrase around them.
  const phraseOf = (e: (typeof evidence)[number]): string[] => {
    const text = answers[e.turn] ?? '';
    const at = text.indexOf(e.match, e.start);
    const span = quotableAround(text, at < 0 ? { start: e.start, end: e.end } : { start: at, end: at + e.match.length });
    return span ? [text.slice(span.start, span.end).replace(/\s+/g, ' ')] : [];
  };
  return {
    scenario: { title: scenario.title, role: scenario.role, company: scenario.company, interviewer: scenario.interviewer },
    question: { id: q.id, prompt: q.prompt },
    followUp: { id: followUp.id, prompt: followUp.prompt },
    criterion: { id: criterionId, title: criterion?.title ?? criterionId, missing: criterion?.missing ?? [] },
    answer: answers.join('\n\n'),
    anchors: [...new Set(evidence.flatMap(phraseOf))],
    previous: session.turns.filter((t) => t.kind === 'probe').map((t) => t.text),
    ...(s?.flags.offTopic ? { offTopic: true } : {}),
  };
}

/** Runs the session forward until it needs the candidate (phase "answering") or is finished. */
export async function advance(start: Session, deps: EngineDeps): Promise<Session> {
  let session = start;
  for (;;) {
    if (session.status === 'finished') return session;
    switch (session.phase) {
      case 'answering':
        return session;
      case 'idle':
        session = dispatch(session, { type: 'started', at: at(deps) }, deps);
        break;
      case 'asking':
        session = dispatch(session, { type: 'question-asked', at: at(deps) }, deps);
        break;
      case 'scoring':
        session = dispatch(session, { type: 'scored', score: scoreCurrent(session, deps), at: at(deps) }, deps);
        break;
      case 'deciding': {
        const q = currentQuestion(session, deps)!;
        if (session.questionStartedAt && deps.now().getTime() - Date.parse(session.questionStartedAt) > q.budget.seconds * 1000) {
          session = dispatch(session, { type: 'time-up', at: at(deps) }, deps);
        }
        const decision = decide(session, q, session.scores[q.id]!);
        session =
          decision.kind === 'probe'
            ? dispatch(
                session,
                { type: 'probe-requested', followUpId: decision.followUp.id, criterion: decision.criterion.id, at: at(deps) },
                deps,
              )
            : dispatch(session, { type: 'advanced', questionId: q.id, at: at(deps) }, deps);
        break;
      }
      case 'probing': {
        const { followUpId, criterion } = session.pending!;
        const outcome = await writeProbe(probeRequest(session, deps, followUpId, criterion), deps.writers, {
          onToken: (t) => deps.onProbeToken?.(t),
        });
        if (outcome.notice) session = dispatch(session, { type: 'probe-failed', notice: outcome.notice, at: at(deps) }, deps);
        session = dispatch(
          session,
          {
            type: 'probe-ready',
            text: outcome.probe.text,
            source: outcome.probe.source,
            ...(outcome.probe.basedOn ? { basedOn: outcome.probe.basedOn } : {}),
            at: at(deps),
          },
          deps,
        );
        break;
      }
      case 'done':
        return dispatch(session, { type: 'finished', at: at(deps) }, deps);
    }
  }
}

/** The candidate's answer: saved first, then the session runs on to the next thing they must answer. */
export async function submitAnswer(session: Session, text: string, deps: EngineDeps): Promise<Session> {
  return advance(dispatch(session, { type: 'answer-submitted', text, at: at(deps) }, deps), deps);
}

/** The question is on screen now (after a score card): its time starts here, not when it was asked. */
export function showQuestion(session: Session, deps: EngineDeps): Session {
  return dispatch(session, { type: 'question-shown', at: at(deps) }, deps);
}

/** Picks a saved session up where it stopped. */
export async function resume(session: Session, deps: EngineDeps): Promise<Session> {
  return advance(dispatch(session, { type: 'resumed', at: at(deps) }, deps), deps);
}
