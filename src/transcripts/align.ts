// Matches interviewer turns to the scenario's questions (tolerant of rewording), or to a question
// family's rubric; the candidate's turns after a question are its answers. Nothing is dropped
// silently, and a question nobody recognises never lends its answers to the one before it.
import type { TimedSegment } from '../delivery/speech.js';
import type { LoadedScenario } from '../scenario/loaded.js';
import type { ResolvedRubric } from '../scenario/rubric.js';
import type { Families, Family } from './families.js';
import { isQuestion, readTurn, type TurnReading } from './reading.js';
import { acknowledges, keywords, ownWords, PROBE } from './words.js';
import type { Cast } from './speakers.js';
import type { TranscriptTurn } from './types.js';

export { familiesOf, type Families, type Family } from './families.js';
export { keywords } from './words.js';

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
  answers: { text: string; line: number; segments?: TimedSegment[]; joined?: { line: number; at: number }[] }[];
  rubric: ResolvedRubric;
}

/** Why an interviewer question was not graded: of no family with a rubric, of one but not clearly, or never answered. */
export type UnalignedReason = 'unrecognised' | 'unsure' | 'unanswered';

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
  /** Turns of the candidate's said to no question (small talk, or after a wrap-up), and turns of anyone else. */
  skipped: number;
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

/** The family a question is graded under, when it is read clearly enough to be graded. */
export function detectFamily(text: string, families: Families): Family | undefined {
  const r = readTurn(text, families);
  return r.kind === 'family' ? r.family : undefined;
}

/**
 * Whether a question no family claims follows up the open one: it reuses the question's words or
 * those of the answer just given ("Why retention and not revenue?"), or it is a bare probe ("Why?",
 * "Say more"). `about` holds only those words: an answer given three questions ago is no
 * longer what the conversation is about.
 */
function followsUp(text: string, words: Set<string>, about: Set<string>): boolean {
  const own = ownWords(words);
  if (own.length <= 1 || own.every((w) => PROBE.has(w))) return true;
  // A short question that points back ("What made you sure of that?") is about what was just said.
  if (own.length <= 4 && REFERS_BACK.test(text)) return true;
  const shared = own.filter((w) => about.has(w)).length;
  return (shared >= 2 && shared / own.length >= 0.25) || (shared >= 1 && own.length <= 3);
}

/** How an interviewer announces the next question ("Second one.", "Next question:", "Moving on."): what they said before it closed the last one. */
const NEXT_QUESTION =
  /^(?:(?:okay|ok|so|alright|all right|right|now|and|good|great),?\s+)*(?:(?:second|third|fourth|fifth|next|last|final|another|new|one more|my next|the next)\s+(?:one|question|thing|scenario|topic|case|prompt)\b|moving on\b|switching gears\b|let me (?:add|ask) (?:one|another)\b)/i;

/**
 * Where a question starts in a turn joined from one speaker's pieces: after a sponsor read that
 * asks nothing ("Quick break… brought to you by…", then "Okay, we're back. Which metric…?"), or
 * where the next question is announced ("Good, we'll come back to that." then "Second one. …"), at
 * the piece from which the turn reads as surely as the same family; otherwise where the turn starts.
 */
function questionLine(turn: Pick<TranscriptTurn, 'text' | 'line' | 'joined'>, reading: TurnReading, families: Families): number {
  if (reading.kind !== 'family') return turn.line;
  for (const piece of [...(turn.joined ?? [])].reverse()) {
    const before = turn.text.slice(0, piece.at);
    const announced = NEXT_QUESTION.test(turn.text.slice(piece.at).trim());
    const read = readTurn(before, families);
    if (!announced && (read.kind !== 'aside' || read.aside !== 'sponsor' || isQuestion(before))) continue;
    const rest = readTurn(turn.text.slice(piece.at), families);
    if (rest.kind === 'family' && rest.family.family === reading.family.family && rest.confidence >= reading.confidence) return piece.line;
  }
  return turn.line;
}

/** A question takes at most this many follow-ups: past them, the conversation has moved on. */
const MAX_FOLLOW_UPS = 4;

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
  /**
   * The open question, which answers go to: a graded one, or one not graded (its answers are
   * counted, not graded). `words` are its own and its follow-ups'; `answer` the latest answer's.
   */
  let current:
    | { graded?: AlignedQuestion; ungraded?: Unaligned; family?: string; words: Set<string>; answer: Set<string>; followUps: number }
    | undefined;
  let answered = false;
  const familyCount = new Map<string, number>();
  const asked = new Set<string>();

  const open = (q: Omit<AlignedQuestion, 'followUps' | 'answers'>, words: Set<string>) => {
    const graded = { ...q, followUps: 0, answers: [] };
    questions.push(graded);
    current = { graded, family: q.family, words: new Set(words), answer: new Set(), followUps: 0 };
    if (q.questionId) asked.add(q.questionId);
  };

  // On a panel, another interviewer's question that the candidate answers next is asked as the
  // interviewer's would be ("Let me add one. … What do you do?"); their other turns stay set aside.
  const turns = c.turns.map((t, i) =>
    t.role === 'other' && c.turns[i + 1]?.role === 'candidate' && readTurn(t.text, families).kind === 'family'
      ? { ...t, role: 'interviewer' as const }
      : t,
  );
  for (const turn of turns) {
    if (turn.role === 'other') {
      skipped++;
      continue;
    }
    if (turn.role === 'candidate') {
      if (!current) {
        skipped++; // said before the first question, or after a wrap-up: small talk
        continue;
      }
      if (current.graded)
        current.graded.answers.push({
          text: turn.text,
          line: turn.line,
          ...(turn.segments ? { segments: turn.segments } : {}),
          ...(turn.joined ? { joined: turn.joined } : {}),
        });
      else current.ungraded!.answers++;
      if (!answered) current.answer = new Set();
      for (const w of keywords(turn.text)) current.answer.add(w);
      answered = true;
      continue;
    }
    const reading = readTurn(turn.text, families);
    if (reading.kind === 'remark' || reading.kind === 'aside') {
      // "Thanks, that's helpful." lets the answer go on; a wrap-up, a sponsor read or a remark of the host's own does not.
      if (reading.kind === 'aside' || !acknowledges(turn.text)) current = undefined;
      continue;
    }
    answered = false;
    const words = keywords(turn.text);
    const family = reading.kind === 'family' ? reading.family : undefined;
    const open_ = current?.graded;

    // A scenario question: by its words, or by its family when the scenario has a question of it.
    let best: { q: (typeof scripted)[number]['q']; score: number } | undefined;
    for (const s of scripted) {
      const score = similarity(words, s.main);
      if (score >= MATCH && (!best || score > best.score)) best = { q: s.q, score };
    }
    if (!best && family && family.family !== open_?.family) {
      const candidates = scripted.filter((s) => s.family === family.family);
      const pick = candidates.find((s) => !asked.has(s.q.id)) ?? candidates[0];
      if (pick) best = { q: pick.q, score: 0 };
    }
    if (best) {
      if (open_?.questionId === best.q.id) {
        open_.followUps++;
        current!.followUps++;
      } else {
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
    if (current && current.followUps < MAX_FOLLOW_UPS) {
      const scriptedFollowUp =
        open_?.questionId && scripted.find((s) => s.q.id === open_.questionId)?.followUps.some((f) => similarity(words, f) >= MATCH);
      const sameFamily = (family ?? (reading.kind === 'unsure' ? reading : undefined))?.family === current.family && !!current.family;
      const continues =
        scriptedFollowUp || sameFamily || (!family && followsUp(turn.text, words, new Set([...current.words, ...current.answer])));
      if (continues) {
        if (open_) open_.followUps++;
        current.followUps++;
        for (const w of words) current.words.add(w);
        continue;
      }
    }
    if (family) {
      const line = questionLine(turn, reading, families);
      const n = (familyCount.get(family.family) ?? 0) + 1;
      familyCount.set(family.family, n);
      open(
        {
          key: `${family.family}-${n}`,
          family: family.family,
          matchedBy: 'family',
          prompt: turn.text,
          line,
          rubric: family.rubric,
        },
        words,
      );
      continue;
    }
    // A new topic, graded or not, opens a question of its own: its answers are nobody else's.
    const ungraded: Unaligned = {
      line: turn.line,
      speaker: turn.speaker,
      text: turn.text,
      kind: reading.kind === 'unsure' ? 'unsure' : 'unrecognised',
      reason: reading.kind === 'unsure' ? reading.reason : unrecognisedReason(turn.text, families, scenario),
      answers: 0,
    };
    unaligned.push(ungraded);
    current = { ungraded, words: new Set(words), answer: new Set(), followUps: 0 };
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
