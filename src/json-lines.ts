// Reads JSON Lines: one value a line, blank lines skipped, each value with its 1-based line number.

/** A line's value, or why it is not one, with the line's text for what can still be read from it. */
export type JsonLine = { line: number; data: unknown } | { line: number; error: string; text: string };

export function jsonLines(text: string): JsonLine[] {
  const out: JsonLine[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (!raw.trim()) return;
    try {
      out.push({ line: i + 1, data: JSON.parse(raw) as unknown });
    } catch (e) {
      out.push({ line: i + 1, error: (e as Error).message, text: raw });
    }
  });
  return out;
}
