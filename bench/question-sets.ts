// The project's written question sets, generation by generation, read as labelled lines: the
// paraphrases (family → lines), the lines never to grade, and the interviewer turns of the keyed
// conversations. The question model is trained on them, and measured by leaving one generation out.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../src/paths.js';
import { parseTranscripts } from '../src/transcripts/detect.js';
import { NOT_PM, train, type Example, type ModelWeights } from '../src/transcripts/question-model.js';
import { cast, type Cast } from '../src/transcripts/speakers.js';
import { TranscriptError, type Transcript, type TranscriptTurn } from '../src/transcripts/types.js';

/** Where one generation of sets lives: paraphrases by family, lines never to grade, and keyed conversations. */
export interface QuestionSets {
  paraphrases: string;
  notPm: string;
  /** A folder holding the conversations and their key.json. */
  conversations: string;
}

export interface Generation {
  name: string;
  sets: QuestionSets;
}

export const FIXTURES = join(PACKAGE_ROOT, 'test', 'fixtures');

export const setsIn = (folder: string): QuestionSets => ({
  paraphrases: join(folder, 'paraphrases.json'),
  notPm: join(folder, 'not-pm-questions.json'),
  conversations: join(folder, 'conversations'),
});

/** Every generation, oldest first. The earliest keeps its conversations apart from its lines. */
export const GENERATIONS: readonly Generation[] = [
  { name: 'earlier', sets: { ...setsIn(join(FIXTURES, 'questions')), conversations: join(FIXTURES, 'conversations') } },
  { name: 'later', sets: setsIn(join(FIXTURES, 'questions-later')) },
  { name: 'fresh', sets: setsIn(join(FIXTURES, 'questions-fresh')) },
  { name: 'unseen', sets: setsIn(join(FIXTURES, 'questions-unseen')) },
  { name: 'blind', sets: setsIn(join(FIXTURES, 'questions-blind')) },
  { name: 'blind2', sets: setsIn(join(FIXTURES, 'questions-blind2')) },
  { name: 'blind3', sets: setsIn(join(FIXTURES, 'questions-blind3')) },
  { name: 'blind4', sets: setsIn(join(FIXTURES, 'questions-blind4')) },
  { name: 'blind5', sets: setsIn(join(FIXTURES, 'questions-blind5')) },
];

const lists = (file: string): [string, unknown][] =>
  Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>).filter(([k]) => k !== 'about');

/** The paraphrases as family-labelled lines, then the lines never to grade. */
export function lineExamples(sets: QuestionSets): Example[] {
  return [
    ...lists(sets.paraphrases).flatMap(([, byFamily]) =>
      Object.entries(byFamily as Record<string, string[]>).flatMap(([family, lines]) => lines.map((text) => ({ text, label: family }))),
    ),
    ...lists(sets.notPm).flatMap(([, lines]) => (lines as string[]).map((text) => ({ text, label: NOT_PM }))),
  ];
}

export interface KeyEntry {
  line: number;
  family: string;
  followUps?: number[];
}

export interface Key {
  files: Record<string, KeyEntry[]>;
}

export const readKey = (folder: string): Key => JSON.parse(readFileSync(join(folder, 'key.json'), 'utf8')) as Key;

/** A line that holds none of a turn's words: blank, a caption number or timing, or the speaker's label alone. */
function isHeader(line: string, speaker: string): boolean {
  const rest = line
    .replace(speaker, '')
    .replace(/\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?/g, '')
    .replace(/-->|WEBVTT|\b(?:AM|PM)\b/g, '')
    .replace(/[\s\d[\]()*_#:>|-]/g, '');
  return rest === '';
}

/**
 * Each turn's lines, header included: from the first of the header lines just above where the parser
 * says it starts (a speaker and time line, a caption number and timing) to the line before the next
 * turn's span. The keys name the first line of the spoken text; a reader may name the header.
 */
export function turnSpans(text: string, turns: readonly Pick<TranscriptTurn, 'line' | 'speaker'>[]): { from: number; to: number }[] {
  const lines = text.split(/\r?\n/);
  const starts = turns.map((t, i) => {
    let from = t.line;
    const floor = i > 0 ? turns[i - 1]!.line : 0;
    while (from - 1 > floor && isHeader(lines[from - 2] ?? '', t.speaker)) from--;
    return from;
  });
  return starts.map((from, i) => ({ from, to: (starts[i + 1] ?? lines.length + 1) - 1 }));
}

/** The span holding a line, by index, or -1. */
export const spanOf = (spans: readonly { from: number; to: number }[], line: number): number =>
  spans.findIndex((s) => s.from <= line && line <= s.to);

/** The file's conversations; none for a file that is no transcript (a set may hold one on purpose). */
function readable(text: string): Transcript[] {
  try {
    return parseTranscripts(text);
  } catch (e) {
    if (e instanceof TranscriptError) return [];
    throw e;
  }
}

/** Each conversation of the keyed folder, with its turns (who is who worked out), where each turn spans, and the key's entries for its file. */
export function* keyedConversations(
  folder: string,
): Generator<{ turns: Cast['turns']; spans: { from: number; to: number }[]; want: KeyEntry[] }> {
  const key = readKey(folder);
  for (const [file, want] of Object.entries(key.files)) {
    const text = readFileSync(join(folder, file), 'utf8');
    for (const transcript of readable(text)) {
      const turns = cast(transcript, {}).turns;
      yield { turns, spans: turnSpans(text, turns), want };
    }
  }
}

/**
 * The interviewer's (and any other non-candidate speaker's) turns of the keyed conversations as
 * labelled lines: a turn holding a keyed question is of its family, one holding only a follow-up is
 * left out (it continues a question rather than asking one), and every other is no PM question.
 */
export function conversationExamples(folder: string): Example[] {
  const out: Example[] = [];
  for (const { turns, spans, want } of keyedConversations(folder))
    turns.forEach((turn, i) => {
      if (turn.role === 'candidate') return;
      const inside = (line: number) => spanOf(spans, line) === i;
      const asked = want.find((w) => inside(w.line));
      if (asked) out.push({ text: turn.text, label: asked.family });
      else if (!want.some((w) => (w.followUps ?? []).some(inside))) out.push({ text: turn.text, label: NOT_PM });
    });
  return out;
}

/** All of a generation's labelled lines. */
export const examplesOf = (g: Generation): Example[] => [...lineExamples(g.sets), ...conversationExamples(g.sets.conversations)];

/** What the model tells apart: the six families the shipped rubrics grade, and lines of none. */
export const MODEL_CLASSES = ['kpi', 'metrics', 'vision', 'incentives', 'shortfall', 'risks', NOT_PM];

const ABOUT =
  'Weights of the question model (src/transcripts/question-model.ts), made by `npm run train:questions` from every generation of the written question sets under test/fixtures/. Do not edit: train again.';

/** The model trained on the given generations (all of them for the shipped one). */
export const trainOn = (generations: readonly Generation[]): ModelWeights => train(generations.flatMap(examplesOf), MODEL_CLASSES, ABOUT);

/** Where the shipped weights live. */
export const MODEL_FILE = join(PACKAGE_ROOT, 'src', 'transcripts', 'question-model.json');

/** The weights as the file holds them: one feature a line, so a retrained model's diff reads. */
export function modelJson(w: ModelWeights): string {
  const rows = Object.entries(w.weights).map(([f, row]) => `    ${JSON.stringify(f)}: ${JSON.stringify(row)}`);
  return `{\n  "about": ${JSON.stringify(w.about)},\n  "classes": ${JSON.stringify(w.classes)},\n  "bias": ${JSON.stringify(w.bias)},\n  "weights": {\n${rows.join(',\n')}\n  }\n}\n`;
}
