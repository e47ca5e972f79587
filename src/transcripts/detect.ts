// Reads a file's text as transcripts, recognising the format by its content, not its name.
import { isBinary } from '../decode.js';
import { parseJson, parseJsonl } from './json.js';
import { parseText } from './text.js';
import { parseSrt, parseVtt } from './timed.js';
import { TranscriptError, type Parsed, type Transcript } from './types.js';
import { looksLikeZoom, parseZoom } from './zoom.js';

/** SRT's first cue: a cue number (some tools leave it out), then the time line. */
/** "[00:01] Kelly: …" or "[00:00:02–00:00:09] Kelly: …": a transcript that opens with a time in brackets, which no JSON value does. */
const BRACKETED_TIME = /^\[\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?(?:\s*[-–—~]\s*\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?)?\]/;
const SRT_START = /^(?:\d+\s*\r?\n\s*)?\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}\s+-->/;

function parsesAlone(line: string): boolean {
  try {
    JSON.parse(line);
    return true;
  } catch {
    return false;
  }
}

/** A file's conversations, every one of them: the first line that holds none fails the whole file. */
export function parseTranscripts(text: string): Transcript[] {
  return readConversations(text).map((t) => {
    if ('failed' in t) throw new TranscriptError(t.reason, t.line);
    return t;
  });
}

/** A file's conversations; in a file of one conversation a line, a line that holds none fails alone (a LineFailure). */
export function readConversations(text: string): Parsed[] {
  const body = text.replace(/^\uFEFF/, '');
  if (!body.trim()) throw new TranscriptError('the file is empty');
  if (isBinary(body)) throw new TranscriptError('this is a binary file, not a transcript');
  const start = body.trimStart();
  if (/^WEBVTT\b/.test(start)) return [parseVtt(body)];
  if (SRT_START.test(start)) return [parseSrt(body)];
  // Zoom's "[Name] 11:02:09" opens with a bracket too, and is no JSON.
  if (looksLikeZoom(start)) return [parseZoom(body)];
  if ((start.startsWith('[') && !BRACKETED_TIME.test(start)) || start.startsWith('{')) {
    // JSONL: a whole JSON value on the first line, and more lines after it.
    const lines = start.split('\n').filter((l) => l.trim());
    if (lines.length > 1 && parsesAlone(lines[0]!)) return parseJsonl(body);
    return parseJson(body);
  }
  return [parseText(body)];
}
