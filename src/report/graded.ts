// The graded-transcript model: what batch grading produces and every output format renders, each answer as its view.
import type { AlignedQuestion, Unaligned } from '../transcripts/align.js';
import type { ConversationId, Format } from '../transcripts/types.js';
import type { AnswerTurn, AnswerView, QuoteInFile } from './view.js';

/** Where an answer stands in its transcript: the question it answers and how that was found. */
export interface Asked extends Omit<AlignedQuestion, 'key' | 'rubric' | 'answers'> {
  question: string;
}

/** A graded answer: its question, its view, and the candidate's turns (their times summed up in `delivery`). */
export type GradedAnswer = Asked & AnswerView<QuoteInFile> & { answers: AnswerTurn[] };

/** The answer as the JSON report lists it: the candidate's words come after the grades and before their delivery. */
export function gradedAnswer(asked: Asked, view: AnswerView<QuoteInFile>, answers: readonly AnswerTurn[]): GradedAnswer {
  const { delivery, ...grades } = view;
  return { ...asked, ...grades, answers: answers.map(({ text, line }) => ({ text, line })), ...(delivery ? { delivery } : {}) };
}

export type { ConversationId } from '../transcripts/types.js';

export interface GradedTranscript {
  id?: ConversationId;
  file: string;
  conversation: number;
  format: Format;
  scenario?: string;
  interviewer: string;
  candidate: string;
  /** Others in the conversation, whose turns were not graded. */
  setAside: string[];
  /** Mean of the answers' totals. */
  total: number;
  answers: GradedAnswer[];
  unaligned: Unaligned[];
  skipped: number;
}

export interface Failure {
  id?: ConversationId;
  file: string;
  conversation?: number;
  line?: number;
  reason: string;
  /** Set when the file holds no conversation at all (a document, notes). */
  kind?: 'not-a-conversation';
}
