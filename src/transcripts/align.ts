// Matches interviewer turns to the scenario's questions (tolerant of rewording), or to a question
// family's rubric; the candidate's turns after a question are its answers. Nothing is dropped
// silently, and a question nobody recognises never lends its answers to the one before it.
import type { TimedSegment } from '../delivery/speech.js';
import type { LoadedScenario } from '../scenario/loaded.js';
import { resolveRubric, type ResolvedRubric, type Vocabulary } from '../scenario/rubric.js';
import type { RubricLibrary } from '../scenario/schema.js';
import { tokenize } from '../text/text.js';
import { IntentReader } from './intent.js';
import { OTHER_FAMILIES, SMALL_TALK } from './other-families.js';
import { isQuestion, type Cast } from './speakers.js';

export interface Family {
  family: string;
  rubric: ResolvedRubric;
  detect: string[];
}

/** The families a run grades by, with their intent cues compiled once. */
export interface Families {
  list: readonly Family[];
  reader: IntentReader<Family>;
  /** Question families rehearse knows but does not grade (small talk among them), to name them when it refuses. */
  others: IntentReader<{ family: string; name: string }>;
}

export interface AlignedQuestion {
  /** The scenario's question id, or "<family>-<n>" for one graded by its family. */
  key: string;
  questionId?: string;
  family: string;
  matchedBy: 'scenario' | 'family';
  /** The interviewer's words. */
  prompt: string;
  line: number;
  followUps: number;
  /** The candidate's turns, with when they were said when the format times them. */
  answers: { text: string; line: number; segments?: TimedSegment[] }[];
  rubric: ResolvedRubric;
}

/** Why an interviewer question was not graded. */
export type UnalignedReason = 'unrecognised' | 'unanswered';

export interface Unaligned {
  line: number;
  speaker: string;
  text: string;
  kind: UnalignedReason;
  reason: string;
  /** Answers given to it, which were not graded under any other question. */
  answers: number;
}

export interface Alignment {
  questions: AlignedQuestion[];
  unaligned: Unaligned[];
  /** Turns passed over as small talk (greetings, thanks) or said by someone else. */
  skipped: number;
}

const STOP = new Set(
  'the a an and or of to in on for with at by from as is are was were be been it its this that these those you your we our us i me my they them their what which who how why when where do does did can could would should will shall have has had about into over than then there here just also so if not no yes'.split(
    ' ',
  ),
);

/** Words too common in interviews to tie a follow-up to a question. */
const COMMON = new Set(
  'think thing things say said tell talk know make want like really way something people get go one product team'.split(' '),
);

/** Light stemming, so "measuring", "measured" and "measures" compare equal. */
const stem = (w: string) => w.replace(/(?:ing|ed|es|s|ly)$/u, '') || w;

/** Words interviewers use for the same thing, compared as one. */
const SAME = new Map(
  Object.entries({
    kpi: 'metric',
    measure: 'metric',
    figure: 'metric',
    indicator: 'metric',
    number: 'metric',
    goal: 'target',
    objective: 'target',
  }),
);

/** What bare probes are made of: "Why?", "Can you give an example?", "Say more about how." */
const PROBE = new Set(
  'why more example elaborate expand detail specific mean instance explain clarify else anything such how give walk through sure exactly'.split(
    ' ',
  ),
);

/** Content words, stemmed, for comparing a question with a rewording of it. */
export function keywords(text: string): Set<string> {
  const out = new Set<string>();
  for (const t of tokenize(text)) {
    const w = t.norm.replace(/'s$/, '');
    if (w.length < 3 || STOP.has(w)) continue;
    const stemmed = stem(w);
    out.add(SAME.get(stemmed) ?? stemmed);
  }
  return out;
}

/** How much of the scripted question the turn covers, 0–1. */
export function similarity(turn: Set<string>, scripted: Set<string>): number {
  if (scripted.size === 0) return 0;
  let shared = 0;
  for (const w of scripted) if (turn.has(w)) shared++;
  return shared < 2 ? 0 : shared / scripted.size;
}

/** A turn this much like a scenario question is that question. */
const MATCH = 0.45;

export function familiesOf(libraries: readonly RubricLibrary[], contextTerms: string[], vocabulary: Vocabulary = {}): Families {
  const list = libraries.flatMap((lib) =>
    lib.rubrics.map((r) => ({ family: r.family, detect: r.detect, rubric: resolveRubric(lib, r.id, contextTerms, vocabulary)! })),
  );
  return {
    list,
    reader: new IntentReader(list.map((f) => ({ family: f.family, detect: f.detect, value: f }))),
    others: new IntentReader(
      OTHER_FAMILIES.map((f) => ({ family: f.family, detect: f.detect, value: { family: f.family, name: f.name } })),
    ),
  };
}

export function detectFamily(text: string, families: Families): Family | undefined {
  return families.reader.read(text)?.value;
}

/**
 * Whether an unrecognised question follows up the open one: it reuses its words or the
 * candidate's ("Why retention and not revenue?"), or it is a bare probe ("Why?", "Say more").
 */
function followsUp(text: string, words: Set<string>, about: Set<string>): boolean {
  const own = [...words].filter((w) => !COMMON.has(w));
  if (own.length <= 1 || own.every((w) => PROBE.has(w))) return true;
  // A short question that points back ("What made you sure of that?") is about what was just said.
  if (own.length <= 4 && REFERS_BACK.test(text)) return true;
  const shared = own.filter((w) => about.has(w)).length;
  return shared >= 2 || shared / own.length >= 0.3;
}

const REFERS_BACK = /\b(?:that|this|it|those|these|there|then)\b/i;

function unrecognisedReason(text: string, families: Families, scenario?: LoadedScenario): string {
  const other = families.others.read(text);
  if (other) return `${other.value.name}; rehearse has no rubric for that kind of question`;
  return scenario
    ? `matches no question of the scenario "${scenario.scenario.id}" and no question family rehearse has a rubric for`
    : 'matches no question family rehearse has a rubric for';
}

export function align(c: Cast, families: Families, scenario?: LoadedScenario): Alignment {
  const scripted = (scenario?.scenario.questions ?? []).map((q) => ({
    q,
    family: scenario!.rubrics[q.id]!.family,
    main: keywords(q.prompt),
    followUps: q.followUps.map((f) => keywords(f.prompt)),
  }));
  const questions: AlignedQuestion[] = [];
  const unaligned: Unaligned[] = [];
  let skipped = 0;
  /** The question answers go to: a graded one, or one nobody recognised (its answers are counted, not graded). */
  let current: { graded: AlignedQuestion; about: Set<string> } | { unrecognised: Unaligned; about: Set<string> } | undefined;
  const familyCount = new Map<string, number>();
  const asked = new Set<string>();

  const open = (q: Omit<AlignedQuestion, 'followUps' | 'answers'>, words: Set<string>) => {
    const graded = { ...q, followUps: 0, answers: [] };
    questions.push(graded);
    current = { graded, about: new Set(words) };
    if (q.questionId) asked.add(q.questionId);
  };

  for (const turn of c.turns) {
    if (turn.role === 'other') {
      skipped++;
      continue;
    }
    if (turn.role === 'candidate') {
      if (!current)
        skipped++; // said before the first question: small talk
      else if ('graded' in current)
        current.graded.answers.push({ text: turn.text, line: turn.line, ...(turn.segments ? { segments: turn.segments } : {}) });
      else current.unrecognised.answers++;
      if (current) for (const w of keywords(turn.text)) current.about.add(w);
      continue;
    }
    if (!isQuestion(turn.text)) {
      skipped++; // "Thanks, that's helpful." — the current question goes on
      continue;
    }
    const words = keywords(turn.text);
    const intent = families.reader.read(turn.text);
    if (!intent && families.others.read(turn.text)?.family === SMALL_TALK) {
      skipped++; // "Can you hear me?" — small talk, and whatever question was open goes on
      continue;
    }
    const open_ = current && 'graded' in current ? current.graded : undefined;

    // A scenario question: by its words, or by its family when the scenario has a question of it.
    let best: { q: (typeof scripted)[number]['q']; score: number } | undefined;
    for (const s of scripted) {
      const score = similarity(words, s.main);
      if (score >= MATCH && (!best || score > best.score)) best = { q: s.q, score };
    }
    if (!best && intent && intent.value.family !== open_?.family) {
      const candidates = scripted.filter((s) => s.family === intent.value.family);
      const pick = candidates.find((s) => !asked.has(s.q.id)) ?? candidates[0];
      if (pick) best = { q: pick.q, score: 0 };
    }
    if (best) {
      if (open_?.questionId === best.q.id) open_.followUps++;
      else {
        const rubric = scenario!.rubrics[best.q.id]!;
        open(
          {
            key: best.q.id,
            questionId: best.q.id,
            family: rubric.family,
            matchedBy: 'scenario',
            prompt: turn.text,
            line: turn.line,
            rubric,
          },
          words,
        );
      }
      continue;
    }
    const scriptedFollowUp =
      open_?.questionId && scripted.find((s) => s.q.id === open_.questionId)?.followUps.some((f) => similarity(words, f) >= MATCH);
    if (open_ && (scriptedFollowUp || intent?.value.family === open_.family || (!intent && followsUp(turn.text, words, current!.about)))) {
      open_.followUps++;
      for (const w of words) current!.about.add(w);
      continue;
    }
    if (!open_ && current && !intent && followsUp(turn.text, words, current.about)) continue; // still on the unrecognised question
    if (intent) {
      const family = intent.value;
      const n = (familyCount.get(family.family) ?? 0) + 1;
      familyCount.set(family.family, n);
      open(
        {
          key: `${family.family}-${n}`,
          family: family.family,
          matchedBy: 'family',
          prompt: turn.text,
          line: turn.line,
          rubric: family.rubric,
        },
        words,
      );
      continue;
    }
    const unrecognised: Unaligned = {
      line: turn.line,
      speaker: turn.speaker,
      text: turn.text,
      kind: 'unrecognised',
      reason: unrecognisedReason(turn.text, families, scenario),
      answers: 0,
    };
    unaligned.push(unrecognised);
    current = { unrecognised, about: new Set(words) };
  }
  for (const q of questions) {
    if (q.answers.length === 0) {
      unaligned.push({
        line: q.line,
        speaker: c.interviewer,
        text: q.prompt,
        kind: 'unanswered',
        reason: 'asked, but not answered',
        answers: 0,
      });
    }
  }
  return { questions: questions.filter((q) => q.answers.length > 0), unaligned: unaligned.sort((a, b) => a.line - b.line), skipped };
}
