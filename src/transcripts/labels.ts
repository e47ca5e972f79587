// Telling a speaker label ("Priya:") from text that merely has a colon in it ("North star: …"),
// by the file's structure rather than by capital letters.

/**
 * "Name: text", as people and tools write it: optionally after a bullet ("- Q:"), an emoji
 * ("👤 Interviewer:"), a time ("0:03 Kelly:", "[00:01:02] Kelly:") or Markdown bold
 * ("**Interviewer:**", "**@maya:**"), with an optional time after the name ("Lenny (00:12:31):"); the time
 * before may be a range ("[00:00:02–00:00:09]") and the colon full-width ("Interviewer："). The name is
 * one to four words of any case, digits allowed ("Speaker 1", "krithika S"). Group 1 is the
 * leading time, group 2 the name, group 3 the time after it, group 4 the text.
 */
export const LABEL =
  /^\s*(?:[-*•·–]\s+)?(?:(?:\p{Extended_Pictographic}|[\u{1F3FB}-\u{1F3FF}]|\uFE0F|\u200D)+\s*)?(?:[[(]?(\d{1,2}:\d{2}(?::\d{2})?)(?:[.,]\d+)?(?:\s*[-–—~]\s*\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?)?[\])]?\s+)?(?:\*\*|__)?@?((?:[\p{L}][\p{L}\p{N}'’.-]*|[QA])(?:[ \t]+[\p{L}\p{N}'’.-]+){0,3}?)(?:\*\*|__)?[ \t]*(?:[[(](\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?)[\])])?[ \t]*(?:\*\*|__)?[ \t]*[:：](?!\/\/)[ \t]*(?:\*\*|__)?[ \t]*(.*)$/u;

export interface LabelledLine {
  label: string;
  text: string;
  /** A time written with the label, in seconds. */
  start?: number;
}

/** "1:02:03" or "12:31" as seconds. */
export function clock(stamp: string): number {
  return stamp
    .split(':')
    .map(Number)
    .reduce((acc, n) => acc * 60 + n, 0);
}

/**
 * "[Name] 10:01:03 text", as some meeting and chat tools export a turn: the name in square brackets, then
 * the time, then the words (none on a turn left empty), with no colon. The name starts with a capital and
 * is not a note a caption writes the same way ("[Laughter] 00:12:01", "[Music]"); the time is required, as
 * a bracket alone at the start of a line is as often a note or a checklist box ("[x] call finance").
 */
const BRACKETED_NAME =
  /^\s*\[(\p{Lu}[\p{L}\p{N}'’.-]*(?:[ \t]+[\p{L}\p{N}'’.-]+){0,3})\][ \t]+(\d{1,2}:\d{2}(?::\d{2})?)(?:[.,]\d+)?(?:[ \t]+(.*))?$/u;
/** What captions put in brackets that is not a speaker. */
const CAPTION_NOTES = new Set(
  'x laughter laughs laughing music applause crosstalk inaudible silence noise pause cough coughs sighs background unintelligible indistinct'.split(
    ' ',
  ),
);

export function readLabel(line: string): LabelledLine | undefined {
  const b = BRACKETED_NAME.exec(line);
  if (b && !CAPTION_NOTES.has(b[1]!.trim().toLowerCase())) return { label: b[1]!.trim(), text: b[3] ?? '', start: clock(b[2]!) };
  const m = LABEL.exec(line);
  if (!m) return undefined;
  const stamp = m[1] ?? m[3];
  return { label: m[2]!.trim(), text: m[4]!, ...(stamp ? { start: clock(stamp.replace(/[.,]\d+$/, '')) } : {}) };
}

/** Labels that name a role in an interview whenever they appear. */
const KNOWN =
  /^(?:q|a|interviewer|candidate|interviewee|me|you|host|guest|user|assistant|speaker \d+|(?:student|participant|person|p) ?\d+)$/i;

/** Whether a speaker's label names a role ("Candidate", "Speaker 2", "Guest") rather than a person. */
export const isRoleLabel = (label: string): boolean => KNOWN.test(label.trim());

/** Headings people write inside an answer or a document, which are not speakers: "Result: churn fell 3 points". */
const HEADINGS = new Set(
  'situation task action result results context answer note notes example metric metrics kpi kpis goal goals why what how step first second third finally summary problem solution outcome outcomes impact north star target baseline approach plan risk risks decision decisions action items next steps agenda date time location role title company position duration attendees subject topic status owner source link email phone notes'.split(
    ' ',
  ),
);

const isHeading = (label: string) => HEADINGS.has(label.toLowerCase()) || HEADINGS.has(label.toLowerCase().split(/\s+/)[0]!);

/** One to three capitalised words, or initials: "Priya", "Priya Nair", "J. Smith", "Dr Rao". */
const looksLikeName = (label: string) => /^(?:[\p{Lu}][\p{Ll}'’-]*\.?)(?:\s+[\p{Lu}][\p{Ll}'’-]*\.?){0,2}$/u.test(label);

/**
 * Which labels are speakers. A label is a speaker when the file's structure says so: it takes
 * turns with another label (a conversation alternates), and it recurs, names a role
 * ("Interviewer", "Q", "Speaker 2") or is a name said between others' turns. At least one
 * speaker must recur. A header block or a list of "Field: value" lines is not a conversation:
 * each label appears once, or repeats without anyone else speaking between.
 *
 * `labels` are the labels of the file's labelled lines, in order.
 */
export function speakerLabels(labels: readonly string[]): Set<string> {
  const seq = labels.filter((l) => !isHeading(l) || KNOWN.test(l));
  const counts = new Map<string, number>();
  for (const l of seq) counts.set(l, (counts.get(l) ?? 0) + 1);
  const takesTurns = new Set<string>();
  for (let i = 1; i < seq.length; i++) {
    if (seq[i] !== seq[i - 1]) {
      takesTurns.add(seq[i]!);
      takesTurns.add(seq[i - 1]!);
    }
  }
  const recurs = (l: string) => (counts.get(l) ?? 0) > 1;
  const speakers = [...counts.keys()].filter((l) => takesTurns.has(l) && (recurs(l) || KNOWN.test(l) || looksLikeName(l)));
  if (speakers.some(recurs) || speakers.filter((l) => KNOWN.test(l)).length >= 2) return new Set(speakers);
  // Someone talking alone is still one speaker (the caster says an interview needs two); a
  // heading that recurs is not.
  const alone = [...counts.keys()].filter((l) => recurs(l) && (KNOWN.test(l) || looksLikeName(l)));
  return new Set(alone.length === 1 && counts.size === 1 ? alone : []);
}
