// What a transcription gives back: the words said, with their times when the service sends them.
// Stored in the session with each recording, and built from timed transcript files (WebVTT, SRT,
// Otter) for batch grading; delivery figures are worked out from it.
import * as z from '../zod.js';

const seconds = z.number().min(0);

/** One word and when it was said, in seconds from the start of the recording. */
export const TimedWord = z.object({ word: z.string(), start: seconds, end: seconds });
export type TimedWord = z.infer<typeof TimedWord>;

/** A stretch of speech (a Whisper segment, a subtitle cue), in seconds from the start. */
export const TimedSegment = z.object({
  text: z.string(),
  start: seconds,
  end: seconds,
  /** The end is only where the next speaker began: the format gives when each turn starts, not when it ends (Otter). */
  approximate: z.literal(true).optional(),
});
export type TimedSegment = z.infer<typeof TimedSegment>;

export const TimedSpeech = z.object({
  /** Everything said, as one text. */
  text: z.string(),
  /** Length of the recording, when known. */
  duration: seconds.optional(),
  /** Word timings: the finest there are; pauses and pace are measured on these when present. */
  words: z.array(TimedWord).optional(),
  /** Segment timings: used when there are no word timings. */
  segments: z.array(TimedSegment).optional(),
});
export type TimedSpeech = z.infer<typeof TimedSpeech>;

/**
 * Several recordings of one answer as one stretch of speech: each starts where the one before
 * ended, so the time between recordings (typing, thinking with the microphone off) is no pause.
 */
export function joinSpeech(parts: readonly TimedSpeech[]): TimedSpeech | undefined {
  if (parts.length <= 1) return parts[0];
  let offset = 0;
  const words: TimedWord[] = [];
  const segments: TimedSegment[] = [];
  for (const p of parts) {
    const first = p.words?.[0]?.start ?? p.segments?.[0]?.start ?? 0;
    const shift = offset - first;
    for (const w of p.words ?? []) words.push({ ...w, start: w.start + shift, end: w.end + shift });
    for (const s of p.segments ?? []) segments.push({ ...s, start: s.start + shift, end: s.end + shift });
    const last = Math.max(p.words?.at(-1)?.end ?? 0, p.segments?.at(-1)?.end ?? 0);
    offset = last + shift;
  }
  // Word timings only help when every part has them; otherwise the segments time the whole.
  const allWords = parts.every((p) => p.words?.length);
  const allSegments = parts.every((p) => p.segments?.length);
  return {
    text: parts.map((p) => p.text.trim()).join(' '),
    ...(allWords ? { words } : {}),
    ...(allSegments ? { segments } : {}),
  };
}
