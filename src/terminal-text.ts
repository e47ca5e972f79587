// Text from a file, a session or a model, made safe to draw: nothing in it acts on the terminal.

/**
 * Escape sequences, removed whole: CSI (`ESC [` or its 8-bit form), the string commands (OSC, DCS,
 * SOS, PM, APC) ended by BEL or ST, and the short ESC sequences (`ESC c`, `ESC ( B`…). A string
 * command that never ends loses only its introducer: what follows is shown, not hidden. Its body
 * stops at any ESC or C1 character, so each character is scanned a bounded number of times.
 */
const SEQUENCE =
  /(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?|(?:\x1b[\]PX^_]|[\x90\x98\x9d-\x9f])[^\x07\x1b\x80-\x9f]*(?:\x07|\x1b\\|\x9c)|\x1b[ -/]*[0-~]/g;

/** What is left that a terminal acts on, or that reorders text to disguise it: C0 controls but \n and \t, DEL, C1, bidi overrides and isolates. */
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;

/** The text as a reader should see it: every letter, emoji, line break and tab kept, no control characters. */
export function forTerminal(text: string): string {
  return text.replace(SEQUENCE, '').replace(CONTROL, '');
}
