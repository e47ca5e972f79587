// Who is the interviewer: the one who asks the questions, unless the user names them.
import { countWords } from '../text/text.js';
import { isQuestion } from './reading.js';
import { TranscriptError, UNKNOWN_SPEAKER, type Transcript, type TranscriptTurn } from './types.js';

export type Role = 'interviewer' | 'candidate' | 'other';

export type CastTurn = Omit<TranscriptTurn, 'role'> & { role: Role };

export interface Cast {
  interviewer: string;
  candidate: string;
  /** Everyone else in a conversation of three or more: their turns are not graded. */
  setAside: string[];
  turns: CastTurn[];
}

/**
 * How much a speaker looks like the one asking the questions: the number of their turns that
 * ask, weighed by the share of their turns that do, so a host who asked 58 questions beats a
 * guest with one stray "today?"; short turns and opening the conversation add a little.
 */
function askerScore(turns: readonly TranscriptTurn[], opensFirst: boolean): number {
  if (!turns.length) return 0;
  const asking = turns.filter((t) => isQuestion(t.text)).length;
  const share = asking / turns.length;
  const words = turns.reduce((n, t) => n + countWords(t.text), 0) / turns.length;
  // Interviewers say less per turn than the people answering them.
  const brevity = 1 / (1 + words / 60);
  return asking * Math.sqrt(share) * (0.75 + 0.25 * brevity) + (opensFirst && asking ? 0.5 : 0);
}

/** The names tools give a voice they could not tell apart. */
const CATCH_ALL = /^(?:unknown|unknown speaker|unidentified speaker|speaker \?|\?)$/i;

function byName(speakers: string[], name: string, what: string): string {
  const want = name.trim().toLowerCase();
  const found = speakers.find((s) => s.toLowerCase() === want) ?? speakers.find((s) => s.toLowerCase().includes(want));
  if (!found) throw new TranscriptError(`no speaker called "${name}" (${what}); the speakers are: ${speakers.join(', ')}`);
  return found;
}

export function cast(t: Transcript, opts: { interviewer?: string; candidate?: string } = {}): Cast {
  const speakers = [...new Set(t.turns.map((x) => x.speaker))];
  if (speakers.length < 2) {
    if ((t.format === 'vtt' || t.format === 'srt') && speakers.every((s) => s === UNKNOWN_SPEAKER)) {
      throw new TranscriptError('subtitles with no speaker names: nothing in them tells the interviewer from the candidate');
    }
    if (!speakers.length) throw new TranscriptError('no one speaks in it: an interview needs an interviewer and a candidate');
    throw new TranscriptError(`only one speaker (${speakers[0]}): an interview needs two`);
  }
  const roleOf = (name: string) => t.turns.find((x) => x.speaker === name)?.role;
  let interviewer: string;
  if (opts.interviewer) interviewer = byName(speakers, opts.interviewer, '--interviewer');
  else {
    const declared = speakers.find((s) => roleOf(s) === 'interviewer');
    interviewer =
      declared ??
      [...speakers].sort((a, b) => {
        const score = (s: string) =>
          askerScore(
            t.turns.filter((x) => x.speaker === s),
            speakers[0] === s,
          );
        const d = score(b) - score(a);
        // Equal askers: whoever spoke first, as interviewers usually open.
        return d !== 0 ? d : speakers.indexOf(a) - speakers.indexOf(b);
      })[0]!;
  }
  const others = speakers.filter((s) => s !== interviewer);
  let candidate: string;
  if (opts.candidate) candidate = byName(others, opts.candidate, '--candidate');
  else {
    const words = (s: string) => t.turns.filter((x) => x.speaker === s).reduce((n, x) => n + countWords(x.text), 0);
    // A tool's catch-all ("Unknown Speaker") gathers stray voices, the host's among them: it is
    // the candidate only when no one named answers.
    const named = others.filter((s) => !CATCH_ALL.test(s));
    const pool = named.length ? named : others;
    candidate =
      others.find((s) => roleOf(s) === 'candidate') ??
      [...pool].sort((a, b) => words(b) - words(a) || pool.indexOf(a) - pool.indexOf(b))[0]!;
  }
  return {
    interviewer,
    candidate,
    setAside: speakers.filter((s) => s !== interviewer && s !== candidate),
    turns: t.turns.map((x) => ({
      ...x,
      role: x.speaker === interviewer ? 'interviewer' : x.speaker === candidate ? 'candidate' : 'other',
    })),
  };
}
