// Plain-text transcripts: "Name: text" lines in their many written forms, Otter's "Name  0:15"
// headers, Zoom's web copy (name, time and text on lines of their own), Google Meet exports.
import { blankBoilerplate } from './boilerplate.js';
import { clock, readLabel, speakerLabels, type LabelledLine } from './labels.js';
import { mergeSpeakers, timedByStarts, TranscriptError, type Transcript, type TranscriptTurn } from './types.js';

const TIME = String.raw`\d{1,2}:\d{2}(?::\d{2})?`;
/** Otter: "Priya Sharma  0:15", also in Markdown bold ("**Kelly**  0:00"). */
const OTTER_HEADER = new RegExp(String.raw`^(\S.*?)\s{2,}\(?(${TIME})\)?\s*$`);
const TIMESTAMP_LINE = new RegExp(String.raw`^\s*[([]?(${TIME})[)\]]?\s*$`);
/** A line that can be a name on its own: a few words, no sentence punctuation. */
const NAME_LINE = /^\s*(?:\*\*)?([\p{L}][\p{L}\p{N}'’.-]*(?:[ \t]+[\p{L}\p{N}'’.-]+){0,4})(?:\*\*)?\s*$/u;

const unbold = (s: string) => s.replace(/\*\*|__/g, '').trim();

/**
 * A line of a turn whose speaker stands on a line of their own: the turn starts at its first
 * words, and keeps a line for every line of the file, blank ones too, so a quote's line is found
 * by counting.
 */
function addLine(turn: TranscriptTurn, line: string, i: number): void {
  if (!turn.text) {
    if (!line.trim()) return;
    turn.line = i + 1;
    turn.text = line.trim();
  } else turn.text += `\n${line.trim()}`;
}

export function looksLikeOtter(lines: readonly string[]): boolean {
  return lines.filter((l) => OTTER_HEADER.test(l)).length >= 2;
}

/** Zoom's web copy: a name line, a time line, then the text, again and again. */
function looksLikeNameTimeBlocks(lines: readonly string[]): boolean {
  let blocks = 0;
  for (let i = 0; i + 1 < lines.length; i++) if (NAME_LINE.test(lines[i]!) && TIMESTAMP_LINE.test(lines[i + 1]!)) blocks++;
  return blocks >= 2;
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
      // Some exports put the time before the name as well ("0:00 Michael Kennedy  0:00").
      const speaker = unbold(header[1]!).replace(/^\(?\d{1,2}:\d{2}(?::\d{2})?\)?\s+/, '');
      current = { speaker, text: '', line: i + 1, start: clock(header[2]!) };
      turns.push(current);
    } else if (current) addLine(current, line, i);
  });
  return { format: 'otter', index: 0, turns: mergeSpeakers(timedByStarts(turns)) };
}

function parseNameTimeBlocks(lines: string[]): Transcript {
  const turns: TranscriptTurn[] = [];
  let current: TranscriptTurn | undefined;
  for (let i = 0; i < lines.length; i++) {
    const name = NAME_LINE.exec(lines[i]!);
    const time = i + 1 < lines.length ? TIMESTAMP_LINE.exec(lines[i + 1]!) : null;
    if (name && time) {
      current = { speaker: name[1]!.trim(), text: '', line: i + 1, start: clock(time[1]!) };
      turns.push(current);
      i++;
    } else if (current) addLine(current, lines[i]!, i);
  }
  return { format: 'text', index: 0, turns: mergeSpeakers(timedByStarts(turns)) };
}

function parseLabelled(lines: string[], format: 'text' | 'meet'): Transcript {
  let from = 0;
  if (format === 'meet') from = lines.findIndex((l) => l.trim() === 'Transcript') + 1;
  const read: (LabelledLine | undefined)[] = lines.map((l, i) => (i < from ? undefined : readLabel(l)));
  const speakers = speakerLabels(read.flatMap((r) => (r ? [r.label] : [])));
  const turns: TranscriptTurn[] = [];
  /** Each turn's own time: a time line (Meet writes one every few minutes) times only the turn right after it. */
  const own: (number | undefined)[] = [];
  let current: TranscriptTurn | undefined;
  let time: number | undefined;
  let fresh = false;
  for (let i = from; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.trim()) {
      // A blank line inside a turn keeps its place, so a quote's line is found by counting.
      if (current?.text) current.text += '\n';
      continue;
    }
    const stamp = TIMESTAMP_LINE.exec(line);
    if (stamp) {
      time = clock(stamp[1]!);
      fresh = true;
      continue;
    }
    const label = read[i];
    if (label && speakers.has(label.label)) {
      const start = label.start ?? time;
      current = { speaker: label.label, text: label.text, line: i + 1, ...(start !== undefined ? { start } : {}) };
      turns.push(current);
      own.push(label.start ?? (fresh ? time : undefined));
      fresh = false;
    } else if (current) addLine(current, line, i);
  }
  if (turns.length === 0) {
    throw new TranscriptError(
      'a document, not a conversation: no speaker labels take turns in it (expected lines such as "Interviewer: …" and "Candidate: …")',
      1,
      'not-a-conversation',
    );
  }
  // "Q:" / "A:" transcripts: the asker is the interviewer by definition.
  const qa = turns.every((t) => /^[QA]$/.test(t.speaker));
  const timed = timedByStarts(turns, own);
  return {
    format,
    index: 0,
    turns: mergeSpeakers(
      qa
        ? timed.map((t) =>
            t.speaker === 'Q'
              ? { ...t, speaker: 'Interviewer', role: 'interviewer' as const }
              : { ...t, speaker: 'Candidate', role: 'candidate' as const },
          )
        : timed,
    ),
  };
}

export function parseText(text: string): Transcript {
  const lines = blankBoilerplate(text.replace(/^\uFEFF/, '').split(/\r?\n/));
  if (looksLikeOtter(lines)) return parseOtter(lines);
  if (looksLikeNameTimeBlocks(lines)) return parseNameTimeBlocks(lines);
  return parseLabelled(lines, looksLikeMeet(lines) ? 'meet' : 'text');
}
