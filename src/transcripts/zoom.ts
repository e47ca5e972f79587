// Zoom's saved meeting transcript ("Save transcript"): a "[Name] 11:02:09" line, then what they said.
import { mergeSpeakers, timedByStarts, TranscriptError, type Transcript, type TranscriptTurn } from './types.js';

/** The time is the meeting's clock (24-hour time of day), not time into a recording. */
const HEADER = /^\[([^\]\r\n]+)\]\s+(\d{1,2}):(\d{2}):(\d{2})\s*$/;

const DAY = 24 * 3600;

export function looksLikeZoom(text: string): boolean {
  return HEADER.test(text.trimStart().split(/\r?\n/, 1)[0]!);
}

export function parseZoom(text: string): Transcript {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const turns: TranscriptTurn[] = [];
  let current: TranscriptTurn | undefined;
  let first: number | undefined;
  let last = 0;
  let days = 0;
  lines.forEach((line, i) => {
    const header = HEADER.exec(line.trim());
    if (header) {
      const clock = Number(header[2]) * 3600 + Number(header[3]) * 60 + Number(header[4]);
      // A meeting that runs past midnight starts its clock again; a turn a second out of order does not.
      if (clock < last - DAY / 2) days++;
      last = clock;
      first ??= clock;
      current = { speaker: header[1]!.trim(), text: '', line: i + 1, start: Math.max(0, clock + days * DAY - first) };
      turns.push(current);
      return;
    }
    if (!current || !line.trim()) return;
    // The turn starts where its words do, so evidence lines point at them and not at the header.
    if (!current.text) current.line = i + 1;
    current.text += current.text ? `\n${line.trim()}` : line.trim();
  });
  const merged = mergeSpeakers(timedByStarts(turns));
  if (!merged.length) throw new TranscriptError('no speech in this Zoom transcript, only "[Name] 11:02:09" lines', 1);
  return { format: 'zoom', index: 0, turns: merged };
}
