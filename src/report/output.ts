// What every batch output format shares: the interface each one implements, the compact rows kept
// for formats drawn at the end, and the run's summary.
import type { Delivery } from '../delivery/delivery.js';
import type { Failure, GradedTranscript } from './graded.js';

export type BatchFormat = 'table' | 'json' | 'csv' | 'md' | 'html' | 'jsonl';
export const BATCH_FORMATS: readonly BatchFormat[] = ['table', 'json', 'csv', 'md', 'html', 'jsonl'];

/** A question that was asked but not graded, as every format shows it. */
export interface NotGraded {
  line: number;
  prompt: string;
  reason: string;
  /** Answers given to it, graded under no other question. */
  answers: number;
}

/** What is kept of a transcript until the end, for the formats drawn then (HTML). */
export interface Compact {
  file: string;
  conversation: number;
  candidate: string;
  total: number;
  answers: {
    question: string;
    prompt: string;
    total: number;
    band: string;
    criteria: { title: string; ratio: number }[];
    weakest?: string;
    quote?: string;
    /** Pace, fillers and pauses, when the answer's speech was timed. */
    delivery?: Delivery;
  }[];
  notGraded: NotGraded[];
}

const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function notGraded(t: GradedTranscript): NotGraded[] {
  return t.unaligned.map((u) => ({ line: u.line, prompt: u.text, reason: u.reason, answers: u.answers }));
}

/** Questions whose answers went ungraded: a transcript with one is not fully graded. */
export const ungradedAnswers = (t: GradedTranscript) => t.unaligned.filter((u) => u.answers > 0).length;

export function compact(t: GradedTranscript): Compact {
  return {
    file: t.file,
    conversation: t.conversation,
    candidate: t.candidate,
    total: t.total,
    answers: t.answers.map((a) => {
      const weakest = [...a.criteria].sort((x, y) => x.level / x.maxLevel - y.level / y.maxLevel)[0];
      const quote = a.criteria.flatMap((c) => c.evidence)[0]?.quote;
      return {
        question: a.question,
        prompt: cut(a.prompt, 140),
        total: a.total,
        band: a.band,
        criteria: a.criteria.map((c) => ({ title: c.title, ratio: c.level / c.maxLevel })),
        ...(weakest && weakest.level < weakest.maxLevel ? { weakest: weakest.title } : {}),
        ...(quote ? { quote: cut(quote, 200) } : {}),
        ...(a.delivery ? { delivery: a.delivery } : {}),
      };
    }),
    notGraded: notGraded(t).map((n) => ({ ...n, prompt: cut(n.prompt, 140) })),
  };
}

export interface Summary {
  files: number;
  transcripts: number;
  answers: number;
  failures: number;
  /** Questions whose answers were not graded (they matched nothing rehearse grades). */
  ungraded: number;
  /** Mean of the answers' totals; absent when no answer was graded. */
  meanAnswer?: number;
}

export interface Counts {
  files: number;
  transcripts: number;
  answers: number;
  points: number;
  failures: number;
  ungraded: number;
}

/** The summary from the running counts of a batch: it never needs the rows themselves. */
export function summarise(counts: Counts): Summary {
  const { files, transcripts, answers, points, failures, ungraded } = counts;
  return { files, transcripts, answers, failures, ungraded, ...(answers ? { meanAnswer: Math.round(points / answers) } : {}) };
}

/** The summary in words, the same in every format. */
export function summaryLine(s: Summary): string {
  const graded = s.answers ? `${s.answers} answer(s), mean ${s.meanAnswer}/100` : 'no answer graded';
  const parts = [`${s.transcripts} transcript(s)`, graded];
  if (s.ungraded) parts.push(`${s.ungraded} question(s) with answers not graded`);
  if (s.failures) parts.push(`${s.failures} file(s) or conversation(s) not graded`);
  return parts.join(', ');
}

export interface RunEnd {
  summary: Summary;
  failures: readonly Failure[];
  /** Compact rows of every transcript, for formats that keep them. */
  rows: readonly Compact[];
}

/** One batch output format. Transcripts are rendered where they are graded (maybe in a worker). */
export interface OutputFormat {
  /** Text before the first transcript. */
  head(width: number): string;
  /** One transcript's text; empty for a format drawn at the end. */
  render(t: GradedTranscript, width: number): string;
  /** Puts a rendered transcript in the stream; `first` for the first one written. */
  place(text: string, first: boolean): string;
  /** A failure written where it happens, among the transcripts; without this, failures are told apart (and in `tail`). */
  failure?(f: Failure): string;
  /** Whether the end needs every transcript's compact rows. */
  keepsRows: boolean;
  /** Text after the last transcript. */
  tail(end: RunEnd, width: number): string;
}

export const asIs = (text: string) => text;
