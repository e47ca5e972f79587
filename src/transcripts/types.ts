// A transcript as every parser returns it: who said what, in order, with where it was in the file.
import * as z from '../zod.js';
import { TimedSegment } from '../delivery/speech.js';

export const TranscriptTurn = z.object({
  speaker: z.string(),
  text: z.string(),
  /** The 1-based line in the file where the turn starts. */
  line: z.number().int().min(1),
  /** Seconds from the start of the recording, when the format has times. */
  start: z.number().min(0).optional(),
  /** Set when the format says who is who (a rehearse session, chat roles). */
  role: z.enum(['interviewer', 'candidate']).optional(),
  /** When the turn was said, as the format times it (subtitle cues, or from one turn's start to the next's). */
  segments: z.array(TimedSegment).optional(),
  /** Where each later piece of a turn joined from one speaker's consecutive pieces starts: its line, and where its text begins in `text`. */
  joined: z.array(z.object({ line: z.number().int().min(1), at: z.number().int().min(0) })).optional(),
});
export type TranscriptTurn = z.infer<typeof TranscriptTurn>;

export const Format = z.enum(['session', 'chat-json', 'chat-jsonl', 'vtt', 'srt', 'text', 'meet', 'otter', 'zoom']);
export type Format = z.infer<typeof Format>;

/** The id a conversation came with (a line of JSON Lines), echoed back as given. */
export type ConversationId = string | number;

export interface Transcript {
  format: Format;
  /** Which conversation of the file this is (JSONL holds several), from 0. */
  index: number;
  turns: TranscriptTurn[];
  /** The scenario a rehearse session was recorded in. */
  scenarioId?: string;
  /** The id its line of JSON Lines gave the conversation. */
  id?: ConversationId;
  /** The line of JSON Lines that held the whole conversation. */
  line?: number;
}

/** A line of a file of conversations (JSON Lines, one a line) that holds none: it fails alone, the others are read. */
export interface LineFailure {
  failed: true;
  /** Which conversation of the file it would have been, from 0. */
  index: number;
  line: number;
  reason: string;
  id?: ConversationId;
}

/** What a file reads as: its conversations, and the lines of it that fail alone. */
export type Parsed = Transcript | LineFailure;

/** Why a file could not be read as a transcript, with the line where that showed. */
export class TranscriptError extends Error {
  constructor(
    message: string,
    readonly line?: number,
    /** Set when the text is no conversation at all: a document, a list of fields. */
    readonly kind?: 'not-a-conversation',
  ) {
    super(message);
  }
}

/** Adjacent turns by the same speaker become one, with all their times: Zoom splits a speaker over many cues. */
export function mergeSpeakers(turns: TranscriptTurn[]): TranscriptTurn[] {
  const out: TranscriptTurn[] = [];
  for (const t of turns) {
    const text = t.text.trim();
    if (!text) continue;
    const last = out[out.length - 1];
    if (last && last.speaker === t.speaker && last.role === t.role) {
      last.joined = [...(last.joined ?? []), { line: t.line, at: last.text.length + 1 }];
      last.text = `${last.text} ${text}`;
      if (t.segments) last.segments = [...(last.segments ?? []), ...t.segments];
    } else out.push({ ...t, text });
  }
  return out;
}

/**
 * Times for formats that give only where each turn starts (Otter, "Lenny (00:12:31):", Zoom's
 * saved transcript): a turn lasts until the next turn starts, whoever says it. The last turn,
 * or one followed by a turn with no time, gets no segment: its end is not in the file, and a
 * guessed end would make up its pace. `starts` are the turns' own times when they differ from
 * their `start` (a time line shared by several turns is the first one's only).
 */
export function timedByStarts(
  turns: readonly TranscriptTurn[],
  starts: readonly (number | undefined)[] = turns.map((t) => t.start),
): TranscriptTurn[] {
  return turns.map((t, i) => {
    const start = starts[i];
    const end = starts[i + 1];
    const text = t.text.trim();
    // Two turns stamped the same second (or out of order) say nothing of how long the first lasted.
    if (start === undefined || end === undefined || end <= start || !text) return t;
    // The turn may have ended well before the next began: the segment says its end is only an upper bound.
    return { ...t, segments: [{ text, start, end, approximate: true as const }] };
  });
}

/** Who says a subtitle cue that names no one. */
export const UNKNOWN_SPEAKER = 'Unknown';
