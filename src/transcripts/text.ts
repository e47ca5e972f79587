// Plain-text transcripts: "Name: text" lines (with Q:/A:), Otter's "Name  0:15" headers, Google Meet exports.
import { LABEL, speakerLabels } from './labels.js';
import { mergeSpeakers, TranscriptError, type Transcript, type TranscriptTurn } from './types.js';

/** Otter: "Priya Sharma  0:15" — a name, two or more spaces, a time. */
const OTTER_HEADER = /^(\S.*?)\s{2,}(\d{1,2}:\d{2}(?::\d{2})?)\s*$/;
const TIMESTAMP_LINE = /^\s*\(?\d{1,2}:\d{2}(?::\d{2})?\)?\s*$/;

function clock(stamp: string): number {
  return stamp
    .split(':')
    .map(Number)
    .reduce((acc, n) => acc * 60 + n, 0);
}

export function looksLikeOtter(lines: readonly string[]): boolean {
  return lines.filter((l) => OTTER_HEADER.test(l)).length >= 2;
}

/** Meet's export has a header with "Attendees" and a "Transcript" line before the talk starts. */
export function looksLikeMeet(lines: readonly string[]): boolean {
  const head = lines.slice(0, 30).map((l) => l.trim());
  return head.includes('Transcript') && head.some((l) => /^Attendees\b/.test(l));
}

function parseOtter(lines: string[]): Transcript {
  const turns: TranscriptTurn[] = [];
  let current: TranscriptTurn | undefined;
  lines.forEach((line, i) => {
    const header = OTTER_HEADER.exec(line);
    if (header) {
      current = { speaker: header[1]!.trim(), text: '', line: i + 1, start: clock(header[2]!) };
      turns.push(current);
    } else if (current && line.trim()) current.text += ` ${line.trim()}`;
  });
  return { format: 'otter', index: 0, turns: mergeSpeakers(turns) };
}

function parseLabelled(lines: string[], format: 'text' | 'meet'): Transcript {
  let from = 0;
  if (format === 'meet') from = lines.findIndex((l) => l.trim() === 'Transcript') + 1;
  const labels = lines.slice(from).map((l) => LABEL.exec(l)?.[1]?.trim()).filter((l): l is string => !!l);
  const speakers = speakerLabels(labels);
  const turns: TranscriptTurn[] = [];
  let current: TranscriptTurn | undefined;
  let time: number | undefined;
  for (let i = from; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.trim()) continue;
    if (TIMESTAMP_LINE.test(line)) {
      time = clock(line.trim().replace(/[()]/g, ''));
      continue;
    }
    const label = LABEL.exec(line);
    if (label && speakers.has(label[1]!.trim())) {
      current = { speaker: label[1]!.trim(), text: label[2]!, line: i + 1, ...(time !== undefined ? { start: time } : {}) };
      turns.push(current);
    } else if (current) current.text += `\n${line.trim()}`;
    else if (format === 'meet' && /^(?:Attendees|Transcript)/.test(line)) continue;
  }
  if (turns.length === 0) {
    throw new TranscriptError('no speaker labels found: expected lines such as "Interviewer: …" and "Candidate: …"', 1);
  }
  // "Q:" / "A:" transcripts: the asker is the interviewer by definition.
  const qa = turns.every((t) => /^[QA]$/.test(t.speaker));
  return {
    format,
    index: 0,
    turns: mergeSpeakers(
      qa
        ? turns.map((t) => (t.speaker === 'Q' ? { ...t, speaker: 'Interviewer', role: 'interviewer' as const } : { ...t, speaker: 'Candidate', role: 'candidate' as const }))
        : turns,
    ),
  };
}

export function parseText(text: string): Transcript {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (looksLikeOtter(lines)) return parseOtter(lines);
  return parseLabelled(lines, looksLikeMeet(lines) ? 'meet' : 'text');
}
