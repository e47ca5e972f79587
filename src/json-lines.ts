// Reads JSON Lines: one value a line, blank lines skipped, each value with its 1-based line number.

/** A line's value, or why it is not one, with the line's text for what can still be read from it. */
export type JsonLine = { line: number; data: unknown } | { line: number; error: string; text: string };

export function jsonLines(text: string): JsonLine[] {
  const out: JsonLine[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim()) out.push(jsonLine(raw, i + 1));
  });
  return out;
}

/** One line's value, read on its own (a line of a stream). */
export function jsonLine(raw: string, line: number): JsonLine {
  try {
    return { line, data: JSON.parse(raw) as unknown };
  } catch (e) {
    return { line, error: (e as Error).message, text: raw };
  }
}
