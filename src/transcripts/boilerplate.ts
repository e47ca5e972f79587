// What export tools write into a transcript that nobody said: Meet's closing lines, Zoom's avatar
// captions, times inside the text. Such lines are blanked, not removed, so every line keeps its
// number and evidence still points at the file.

/** Lines that are wholly a tool's: Meet's end line and disclaimer, Zoom's web-copy avatar caption. */
const TOOL_LINES = [
  /^\s*Transcription ended after \d{1,2}:\d{2}(?::\d{2})?\s*$/i,
  /^\s*This editable transcript was computer generated\b/i,
  /^\s*user avatar\s*$/i,
];

/** "(00:42:48):" opening a line, or a sentence, inside a speaker's text: a time the export put there. */
const INLINE_TIME = /(^\s*|[.!?…]["”’)]?\s+)\(\d{1,2}:\d{2}(?::\d{2})?\):\s*/g;

export function blankBoilerplate(lines: readonly string[]): string[] {
  return lines.map((line) => (TOOL_LINES.some((re) => re.test(line)) ? '' : line.replace(INLINE_TIME, '$1')));
}
