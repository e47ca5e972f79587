// Reads a file's text as transcripts, recognising the format by its content, not its name.
import { parseJson, parseJsonl } from './json.js';
import { parseText } from './text.js';
import { parseSrt, parseVtt } from './timed.js';
import { TranscriptError, type Transcript } from './types.js';

/** Bytes that no transcript has: NUL, or many control characters. */
export function isBinary(text: string): boolean {
  const sample = text.slice(0, 4096);
  if (sample.includes('\u0000')) return true;
  const control = sample.match(/[\u0001-\u0008\u000e-\u001f]/g)?.length ?? 0;
  return control > sample.length * 0.02;
}

function parsesAlone(line: string): boolean {
  try {
    JSON.parse(line);
    return true;
  } catch {
    return false;
  }
}

export function parseTranscripts(text: string): Transcript[] {
  const body = text.replace(/^\uFEFF/, '');
  if (!body.trim()) throw new TranscriptError('the file is empty');
  if (isBinary(body)) throw new TranscriptError('this is a binary file, not a transcript');
  const start = body.trimStart();
  if (/^WEBVTT\b/.test(start)) return [parseVtt(body)];
  if (/^\d+\s*\r?\n\s*\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}\s+-->/.test(start)) return [parseSrt(body)];
  if (start.startsWith('[') || start.startsWith('{')) {
    // JSONL: a whole JSON value on the first line, and more lines after it.
    const lines = start.split('\n').filter((l) => l.trim());
    if (lines.length > 1 && parsesAlone(lines[0]!)) return parseJsonl(body);
    return parseJson(body);
  }
  return [parseText(body)];
}
