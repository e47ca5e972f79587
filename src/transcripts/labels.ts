// Telling a speaker label ("Priya:") from text that merely has a colon in it ("North star: …").

/** "Name: text": a few words starting with a capital, or a known label, then a colon. */
export const LABEL = /^\s*((?:[\p{Lu}][\p{L}'’.-]*|Q|A)(?:\s+[\p{L}'’.-]+){0,3})\s*:\s*(.*)$/u;

const KNOWN = /^(?:q|a|interviewer|candidate|me|you|speaker \d+|host|guest|user|assistant)$/i;

/**
 * Which labels are speakers: those used more than once, and the known ones. A label used once
 * is more likely text ("North star: repeat purchase rate") than a person who spoke once.
 * When no label recurs (a two-line exchange), every label counts.
 */
export function speakerLabels(labels: readonly string[]): Set<string> {
  const counts = new Map<string, number>();
  for (const l of labels) counts.set(l, (counts.get(l) ?? 0) + 1);
  const recurring = [...counts].filter(([l, n]) => n > 1 || KNOWN.test(l)).map(([l]) => l);
  return new Set(recurring.length ? recurring : counts.keys());
}
