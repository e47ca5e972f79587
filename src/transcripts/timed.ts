// WebVTT (Teams and Zoom) and SRT (numbered or not): cues with times; the speaker in a voice tag or a "Name:" prefix.
import { readLabel, speakerLabels } from './labels.js';
import { mergeSpeakers, TranscriptError, UNKNOWN_SPEAKER, type Transcript, type TranscriptTurn } from './types.js';

const TIME = /^(?:(\d+):)?(\d{1,2}):(\d{2})[.,](\d{1,3})$/;

export function seconds(stamp: string): number | undefined {
  const m = TIME.exec(stamp.trim());
  if (!m) return undefined;
  return Number(m[1] ?? 0) * 3600 + Number(m[2]) * 60 + Number(m[3]) + Number(m[4]!.padEnd(3, '0')) / 1000;
}

const ARROW = /^\s*(\S+)\s+-->\s+(\S+)/;

interface Cue {
  line: number;
  start?: number;
  end?: number;
  text: string[];
}

/** A time line that only times can make: "funnel --> checkout" in a cue's text is not one. */
const TIME_LINE = /^\s*\d[\d:.,]*\s+-->\s+\d[\d:.,]*/;

/** Some tools leave out the blank line between cues, so the next cue (its number, or its time) ends the text. */
function startsCue(lines: string[], i: number): boolean {
  return TIME_LINE.test(lines[i]!) || (/^\s*\d+\s*$/.test(lines[i]!) && TIME_LINE.test(lines[i + 1] ?? ''));
}

/** Cues: a time line, then text lines until a blank line or the next cue. Ids, NOTE and STYLE blocks are skipped. */
function cuesOf(lines: string[], startAt: number): Cue[] {
  const cues: Cue[] = [];
  let i = startAt;
  while (i < lines.length) {
    const line = lines[i]!;
    if (!line.trim()) {
      i++;
      continue;
    }
    if (/^(?:NOTE|STYLE|REGION)\b/.test(line)) {
      while (i < lines.length && lines[i]!.trim()) i++;
      continue;
    }
    // A cue id (SRT numbers them) stands on the line before the time.
    const timeLine = ARROW.test(line) ? i : ARROW.test(lines[i + 1] ?? '') ? i + 1 : -1;
    if (timeLine < 0) {
      i++;
      continue;
    }
    const m = ARROW.exec(lines[timeLine]!)!;
    const [start, end] = [seconds(m[1]!), seconds(m[2]!)];
    const cue: Cue = { line: timeLine + 2, text: [], ...(start !== undefined ? { start } : {}), ...(end !== undefined ? { end } : {}) };
    i = timeLine + 1;
    while (i < lines.length && lines[i]!.trim() && !startsCue(lines, i)) cue.text.push(lines[i++]!);
    cues.push(cue);
  }
  return cues;
}

const VOICE = /<v(?:\.[^\s>]+)?\s+([^>]+)>/g;
/** Markup in a cue: tags, and the word timestamps auto-captions put inside it ("<00:00:05.400>"). */
const TAGS = /<\/?[a-z][^>]*>|<\d[\d:.,]*>/gi;

function decodeEntities(t: string): string {
  return t
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&');
}

interface Piece {
  speaker?: string;
  /** A "Name:" prefix that may be a speaker (Zoom) or just text that has a colon in it. */
  label?: string;
  text: string;
  line: number;
  start?: number;
  end?: number;
}

/**
 * The pieces of a cue: Teams voices (<v Name>…, with or without </v>), or a Zoom "Name:" first
 * line. Text with no voice of its own goes on with the piece before it in the cue, so a cue's
 * time is kept once per speaker, not once per line.
 */
function piecesOf(cue: Cue): Piece[] {
  const pieces: Piece[] = [];
  const at = {
    line: cue.line,
    ...(cue.start !== undefined ? { start: cue.start } : {}),
    ...(cue.end !== undefined ? { end: cue.end } : {}),
  };
  for (const raw of cue.text) {
    for (const part of raw.split(/(?=<v[\s.])/)) {
      VOICE.lastIndex = 0;
      const voice = VOICE.exec(part);
      const text = decodeEntities((voice ? part.slice(voice.index + voice[0].length) : part).replace(TAGS, '')).trim();
      const last = pieces[pieces.length - 1];
      if (voice) pieces.push({ ...at, speaker: voice[1]!.trim(), text });
      else if (last) last.text = last.text && text ? `${last.text} ${text}` : last.text || text;
      else {
        // Only the cue's first words can name who says them.
        const named = readLabel(text);
        pieces.push(named ? { ...at, label: named.label, text: named.text } : { ...at, text });
      }
    }
  }
  return pieces;
}

function fromCues(cues: Cue[], format: 'vtt' | 'srt'): Transcript {
  const pieces = cues.flatMap(piecesOf);
  const speakers = speakerLabels(pieces.map((p) => p.label).filter((l): l is string => !!l));
  const turns: TranscriptTurn[] = [];
  let current = UNKNOWN_SPEAKER;
  for (const p of pieces) {
    let text = p.text;
    if (p.speaker) current = p.speaker;
    else if (p.label && speakers.has(p.label)) current = p.label;
    else if (p.label) text = `${p.label}: ${p.text}`;
    // Voices that share a cue share its time: the file times nothing finer.
    const { start, end } = p;
    turns.push({
      speaker: current,
      text,
      line: p.line,
      ...(start !== undefined ? { start } : {}),
      ...(start !== undefined && end !== undefined && end > start && text.trim() ? { segments: [{ text: text.trim(), start, end }] } : {}),
    });
  }
  if (!turns.some((t) => t.text.trim())) throw new TranscriptError(`no cues with text in this ${format === 'vtt' ? 'WebVTT' : 'SRT'} file`);
  return { format, index: 0, turns: mergeSpeakers(turns) };
}

export function parseVtt(text: string): Transcript {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (!/^WEBVTT\b/.test(lines[0] ?? '')) throw new TranscriptError('a WebVTT file starts with "WEBVTT"', 1);
  return fromCues(cuesOf(lines, 1), 'vtt');
}

export function parseSrt(text: string): Transcript {
  return fromCues(cuesOf(text.replace(/^\uFEFF/, '').split(/\r?\n/), 0), 'srt');
}
