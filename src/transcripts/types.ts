// A transcript as every parser returns it: who said what, in order, with where it was in the file.
import { z } from 'zod';

export const TranscriptTurn = z.object({
  speaker: z.string(),
  text: z.string(),
  /** The 1-based line in the file where the turn starts. */
  line: z.number().int().min(1),
  /** Seconds from the start of the recording, when the format has times. */
  start: z.number().min(0).optional(),
  /** Set when the format says who is who (a rehearse session, chat roles). */
  role: z.enum(['interviewer', 'candidate']).optional(),
});
export type TranscriptTurn = z.infer<typeof TranscriptTurn>;

export const Format = z.enum(['session', 'chat-json', 'chat-jsonl', 'vtt', 'srt', 'text', 'meet', 'otter', 'zoom']);
export type Format = z.infer<typeof Format>;

export interface Transcript {
  format: Format;
  /** Which conversation of the file this is (JSONL holds several), from 0. */
  index: number;
  turns: TranscriptTurn[];
  /** The scenario a rehearse session was recorded in. */
  scenarioId?: string;
}

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

/** Adjacent turns by the same speaker become one: Zoom splits a speaker over many cues. */
export function mergeSpeakers(turns: TranscriptTurn[]): TranscriptTurn[] {
  const out: TranscriptTurn[] = [];
  for (const t of turns) {
    const text = t.text.trim();
    if (!text) continue;
    const last = out[out.length - 1];
    if (last && last.speaker === t.speaker && last.role === t.role) last.text = `${last.text} ${text}`;
    else out.push({ ...t, text });
  }
  return out;
}

/** Who says a subtitle cue that names no one. */
export const UNKNOWN_SPEAKER = 'Unknown';
