// Matches interviewer turns to the scenario's questions (tolerant of rewording), or to a question
// family's rubric; the candidate's turns after a question are its answers. Nothing is dropped silently.
import type { LoadedScenario } from '../scenario/loaded.js';
import { resolveRubric, type ResolvedRubric } from '../scenario/rubric.js';
import type { RubricLibrary } from '../scenario/schema.js';
import { isQuestion, type Cast } from './speakers.js';

export interface Family {
  family: string;
  rubric: ResolvedRubric;
  detect: string[];
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
  answers: { text: string; line: number }[];
  rubric: ResolvedRubric;
}

export interface Unaligned {
  line: number;
  speaker: string;
  text: string;
  reason: string;
}

export interface Alignment {
  questions: AlignedQuestion[];
  unaligned: Unaligned[];
  /** Turns passed over as small talk (greetings, thanks) or said by someone else. */
  skipped: number;
}

const STOP = new Set(
  'the a an and or of to in on for with at by from as is are was were be been it its this that these those you your we our us i me my they them their what which who how why when where do does did can could would should will shall have has had about into over than then there here just also so if not no yes'.split(' '),
);

/** Content words, lightly stemmed, for comparing a question with a rewording of it. */
export function keywords(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    if (w.length < 3 || STOP.has(w)) continue;
    out.add(w.replace(/(?:ing|ed|es|s)$/u, '') || w);
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

export function familiesOf(libraries: readonly RubricLibrary[], contextTerms: string[]): Family[] {
  return libraries.flatMap((lib) =>
    lib.rubrics.map((r) => ({ family: r.family, detect: r.detect, rubric: resolveRubric(lib, r.id, contextTerms)! })),
  );
}

export function detectFamily(text: string, families: readonly Family[]): Family | undefined {
  const lower = ` ${text.toLowerCase().replace(/\s+/g, ' ')} `;
  let best: Family | undefined;
  let bestHits = 0;
  for (const f of families) {
    const hits = f.detect.filter((p) => lower.includes(` ${p.toLowerCase()}`)).length;
    if (hits > bestHits) {
      best = f;
      bestHits = hits;
    }
  }
  return best;
}


export function align(c: Cast, families: readonly Family[], scenario?: LoadedScenario): Alignment {
  const scripted = (scenario?.scenario.questions ?? []).map((q) => ({
    q,
    main: keywords(q.prompt),
    followUps: q.followUps.map((f) => keywords(f.prompt)),
  }));
  const questions: AlignedQuestion[] = [];
  const unaligned: Unaligned[] = [];
  let skipped = 0;
  let current: AlignedQuestion | undefined;
  const familyCount = new Map<string, number>();

  const open = (q: Omit<AlignedQuestion, 'followUps' | 'answers'>) => {
    current = { ...q, followUps: 0, answers: [] };
    questions.push(current);
  };

  for (const turn of c.turns) {
    if (turn.role === 'other') {
      skipped++;
      continue;
    }
    if (turn.role === 'candidate') {
      if (current) current.answers.push({ text: turn.text, line: turn.line });
      else skipped++; // said before the first question: small talk
      continue;
    }
    if (!isQuestion(turn.text)) {
      skipped++; // "Thanks, that's helpful." — the current question goes on
      continue;
    }
    const words = keywords(turn.text);
    let best: { q: (typeof scripted)[number]['q']; score: number } | undefined;
    for (const s of scripted) {
      const score = similarity(words, s.main);
      if (score >= MATCH && (!best || score > best.score)) best = { q: s.q, score };
    }
    if (best) {
      if (current?.questionId === best.q.id) current.followUps++;
      else open({ key: best.q.id, questionId: best.q.id, family: scenario!.rubrics[best.q.id]!.family, matchedBy: 'scenario', prompt: turn.text, line: turn.line, rubric: scenario!.rubrics[best.q.id]! });
      continue;
    }
    const cur = current;
    const scriptedFollowUp = cur?.questionId && scripted.find((s) => s.q.id === cur.questionId)?.followUps.some((f) => similarity(words, f) >= MATCH);
    const family = detectFamily(turn.text, families);
    if (cur && (scriptedFollowUp || !family || family.family === cur.family)) {
      cur.followUps++;
      continue;
    }
    if (family) {
      const n = (familyCount.get(family.family) ?? 0) + 1;
      familyCount.set(family.family, n);
      open({ key: `${family.family}-${n}`, family: family.family, matchedBy: 'family', prompt: turn.text, line: turn.line, rubric: family.rubric });
      continue;
    }
    unaligned.push({ line: turn.line, speaker: turn.speaker, text: turn.text, reason: 'a question that matches no scenario question and no known question family' });
  }
  for (const q of questions) {
    if (q.answers.length === 0) unaligned.push({ line: q.line, speaker: c.interviewer, text: q.prompt, reason: 'asked, but not answered' });
  }
  return { questions: questions.filter((q) => q.answers.length > 0), unaligned: unaligned.sort((a, b) => a.line - b.line), skipped };
}
