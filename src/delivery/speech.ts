// What a transcription gives back: the words said, with their times when the service sends them.
// Stored in the session with each recording, and built from timed transcript files (WebVTT, SRT,
// Otter) for batch grading; delivery figures are worked out from it.
import { z } from 'zod';

const seconds = z.number().min(0);

/** One word and when it was said, in seconds from the start of the recording. */
export const TimedWord = z.object({ word: z.string(), start: seconds, end: seconds });
export type TimedWord = z.infer<typeof TimedWord>;

/** A stretch of speech (a Whisper segment, a subtitle cue), in seconds from the start. */
export const TimedSegment = z.object({ text: z.string(), start: seconds, end: seconds });
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
