// One file's text to graded transcripts: parse, find who is who, align to questions, score.
import { measureDelivery } from '../delivery/delivery.js';
import { joinSpeech, type TimedSegment, type TimedSpeech } from '../delivery/speech.js';
import type { LoadedScenario } from '../scenario/loaded.js';
import { score } from '../scoring/score.js';
import { gradedAnswer, type Failure, type GradedAnswer, type GradedTranscript } from '../report/graded.js';
import { answerView, quotedIn } from '../report/view.js';
import { align, familiesOf, type Families, type Unaligned } from '../transcripts/align.js';
import { readConversations } from '../transcripts/detect.js';
import { questionModel } from '../transcripts/families.js';
import type { QuestionModel } from '../transcripts/question-model.js';
import { cast } from '../transcripts/speakers.js';
import { TranscriptError, type Parsed } from '../transcripts/types.js';
import type { RubricLibrary } from '../scenario/schema.js';

export interface GradeOptions {
  /** A scenario to align to; without one, questions are graded by their family. */
  scenario?: LoadedScenario;
  /** Scenarios by id, for rehearse sessions that name theirs. */
  scenarios: ReadonlyMap<string, LoadedScenario>;
  /** The rubric library used to grade by family when there is no scenario. */
  library: RubricLibrary;
  interviewer?: string;
  candidate?: string;
  /** The question model that weighs in on the cues' reading: by default the shipped one; null reads by the cues alone. */
  questionModel?: QuestionModel | null;
}

// Families compiled once per scenario or library of a run and question model (their intent cues cost
// more to build than a transcript costs to align), keyed by the loaded objects so they go when the run does.
const familyCache = new WeakMap<object, Map<QuestionModel | null, Families>>();
function familiesFor(opts: GradeOptions, scenario?: LoadedScenario): Families {
  const key = scenario ?? opts.library;
  const model = opts.questionModel === undefined ? questionModel() : opts.questionModel;
  let byModel = familyCache.get(key);
  if (!byModel) familyCache.set(key, (byModel = new Map()));
  let found = byModel.get(model);
  if (!found) {
    found = scenario
      ? familiesOf(scenario.libraries, scenario.scenario.context.terms, scenario.scenario.context.vocabulary, model)
      : familiesOf([opts.library], [], {}, model);
    byModel.set(model, found);
  }
  return found;
}

/**
 * An answer's timed turns (the main answer, then the answers to follow-ups) as one speech, each
 * turn starting where the one before ended: the follow-up question between them is neither the
 * candidate's pause nor their time. A turn without times is left out, words and all, as words
 * with no time would make the pace up.
 */
function answerSpeech(turns: readonly { segments?: TimedSegment[] }[]): TimedSpeech | undefined {
  return joinSpeech(
    turns.flatMap(({ segments = [] }) => (segments.length ? [{ text: segments.map((s) => s.text).join(' '), segments }] : [])),
  );
}

/** Why a conversation had nothing to grade, in one line, with where it showed. */
function refusal(unaligned: readonly Unaligned[], interviewer: string): { line?: number; reason: string } {
  const asked = unaligned.filter((u) => u.kind !== 'unanswered');
  const first = asked[0] ?? unaligned[0];
  if (!first)
    return {
      reason: `nothing to grade: a conversation, but ${interviewer} (taken to be the interviewer) asks no interview questions in it`,
    };
  if (!asked.length)
    return { line: first.line, reason: `nothing to grade: the interview questions in it were not answered (first, line ${first.line})` };
  const quote = first.text.length > 80 ? `${first.text.slice(0, 79)}…` : first.text;
  return {
    line: first.line,
    reason: `nothing to grade: ${asked.length === 1 ? 'its one question is one rehearse cannot grade' : `none of its ${asked.length} questions is one rehearse can grade`} (first: "${quote.replace(/\s+/g, ' ')}": ${first.reason})`,
  };
}

/** A file's text graded; `parse` reads it as transcripts (by default, recognising the format by content). */
export function gradeText(
  file: string,
  text: string,
  opts: GradeOptions,
  parse: (text: string) => readonly Parsed[] = readConversations,
): { graded: GradedTranscript[]; failures: Failure[] } {
  const graded: GradedTranscript[] = [];
  const failures: Failure[] = [];
  let transcripts;
  try {
    transcripts = parse(text);
  } catch (e) {
    if (!(e instanceof TranscriptError)) throw e;
    return { graded, failures: [{ file, ...(e.line ? { line: e.line } : {}), reason: e.message, ...(e.kind ? { kind: e.kind } : {}) }] };
  }
  for (const t of transcripts) {
    // A conversation that is one line of JSON Lines is failed at that line, as a line of standard input is.
    const where = {
      ...(transcripts.length > 1 ? { conversation: t.index + 1 } : {}),
      ...(t.id === undefined ? {} : { id: t.id }),
      ...(t.line === undefined ? {} : { line: t.line }),
    };
    if ('failed' in t) {
      failures.push({ file, ...where, reason: t.reason });
      continue;
    }
    try {
      const scenario = opts.scenario ?? (t.scenarioId ? opts.scenarios.get(t.scenarioId) : undefined);
      const c = cast(t, {
        ...(opts.interviewer ? { interviewer: opts.interviewer } : {}),
        ...(opts.candidate ? { candidate: opts.candidate } : {}),
      });
      const alignment = align(c, familiesFor(opts, scenario), scenario);
      if (alignment.questions.length === 0) {
        failures.push({ file, ...where, ...refusal(alignment.unaligned, c.interviewer) });
        continue;
      }
      const answers = alignment.questions.map((q): GradedAnswer => {
        const s = score(
          q.rubric,
          q.answers.map((a) => a.text),
          { question: q.prompt },
        );
        // Transcripts set no time for a question, so there is no budget to measure against.
        const speech = answerSpeech(q.answers);
        const delivery = speech ? measureDelivery(speech) : undefined;
        const asked = {
          question: q.key,
          ...(q.questionId ? { questionId: q.questionId } : {}),
          family: q.family,
          matchedBy: q.matchedBy,
          prompt: q.prompt,
          line: q.line,
          followUps: q.followUps,
        };
        return gradedAnswer(asked, answerView(s, quotedIn(q.answers), delivery), q.answers);
      });
      graded.push({
        ...(t.id === undefined ? {} : { id: t.id }),
        file,
        conversation: t.index + 1,
        format: t.format,
        ...(scenario ? { scenario: scenario.scenario.id } : {}),
        interviewer: c.interviewer,
        candidate: c.candidate,
        setAside: c.setAside,
        total: Math.round(answers.reduce((n, a) => n + a.total, 0) / answers.length),
        answers,
        unaligned: alignment.unaligned,
        skipped: alignment.skipped,
      });
    } catch (e) {
      if (!(e instanceof TranscriptError)) throw e;
      failures.push({ file, ...where, ...(e.line ? { line: e.line } : {}), reason: e.message });
    }
  }
  return { graded, failures };
}
