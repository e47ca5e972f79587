// The graded-transcript model: what batch grading produces and every output format renders.
import type { Delivery } from '../delivery/delivery.js';
import type { Band } from '../scoring/types.js';
import type { AlignedQuestion, Unaligned } from '../transcripts/align.js';
import type { Format } from '../transcripts/types.js';

/** An aligned question (less its rubric) with the score of its answers. */
export interface GradedAnswer extends Omit<AlignedQuestion, 'key' | 'rubric' | 'answers'> {
  question: string;
  /** The candidate's turns and where they start; their times are summed up in `delivery`. */
  answers: { text: string; line: number }[];
  total: number;
  band: Band;
  rubric: { id: string; hash: string };
  criteria: {
    id: string;
    title: string;
    level: number;
    maxLevel: number;
    meetsBar: boolean;
    evidence: { quote: string; line: number }[];
    missing: string[];
  }[];
  antiPatterns: { id: string; title: string }[];
  /** Set when the answer was not an attempt ("dont know", empty). */
  nonAnswer?: string;
  /** Pace, fillers and pauses, when the transcript times the answer; no part of the score. */
  delivery?: Delivery;
}

/** The id a conversation came with (a line of JSON Lines on standard input), echoed back as given. */
export type ConversationId = string | number;

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
