// Telling a speaker label ("Priya:") from text that merely has a colon in it ("North star: …").

/** "Name: text": a few words starting with a capital, or a known label, then a colon. */
export const LABEL = /^\s*((?:[\p{Lu}][\p{L}'’.-]*|Q|A)(?:\s+[\p{L}'’.-]+){0,3})\s*:\s*(.*)$/u;

const KNOWN = /^(?:q|a|interviewer|candidate|me|you|speaker \d+|host|guest|user|assistant)$/i;

/** Headings people write inside an answer, which are not speakers: "Result: churn fell 3 points". */
const HEADINGS = new Set(
  'situation task action result results context answer note notes example metric metrics kpi kpis goal goals why what how step first second third finally summary problem solution outcome outcomes impact north star target baseline approach plan risk risks'.split(' '),
);

/** One to three capitalised words, or initials: "Priya", "Priya Nair", "J. Smith", "Dr Rao". */
function looksLikeName(label: string): boolean {
  return /^(?:[\p{Lu}][\p{Ll}'’-]*\.?)(?:\s+[\p{Lu}][\p{Ll}'’-]*\.?){0,2}$/u.test(label) && !HEADINGS.has(label.toLowerCase());
}

/**
 * Which labels are speakers: those used more than once, the known ones, and names. A label
 * used once that is not a name is more likely text ("North star: repeat purchase rate").
 * When no label qualifies (a two-line exchange), every label counts.
 */
export function speakerLabels(labels: readonly string[]): Set<string> {
  const counts = new Map<string, number>();
  for (const l of labels) counts.set(l, (counts.get(l) ?? 0) + 1);
  const speakers = [...counts].filter(([l, n]) => (n > 1 && !HEADINGS.has(l.toLowerCase())) || KNOWN.test(l) || looksLikeName(l)).map(([l]) => l);
  return new Set(speakers.length ? speakers : counts.keys());
}
