// Raw terminal input to what it means here. Pure, so every key is tested without a terminal.
import { ownEntry } from '../own.js';
import type { EditorAction } from './editor-state.js';

export type KeyIntent =
  | { kind: 'edit'; action: EditorAction }
  | { kind: 'submit' }
  | { kind: 'quit' }
  | { kind: 'escape' }
  | { kind: 'ignore' }
  /** Starts or stops recording an answer (Ctrl+R). */
  | { kind: 'record' }
  /** Turns the interviewer's voice on or off (Ctrl+T). */
  | { kind: 'toggle-voice' };

const SEQUENCES: Record<string, KeyIntent> = {
  '\x03': { kind: 'quit' }, // Ctrl+C
  '\x04': { kind: 'submit' }, // Ctrl+D
  '\x12': { kind: 'record' }, // Ctrl+R
  '\x14': { kind: 'toggle-voice' }, // Ctrl+T
  '\x1b\r': { kind: 'submit' }, // Alt+Enter
  '\x1b': { kind: 'escape' },
  '\x7f': { kind: 'edit', action: { type: 'backspace' } },
  '\b': { kind: 'edit', action: { type: 'backspace' } },
  '\x1b[3~': { kind: 'edit', action: { type: 'delete' } },
  '\x1b[A': { kind: 'edit', action: { type: 'move-up' } },
  '\x1bOA': { kind: 'edit', action: { type: 'move-up' } },
  '\x1b[B': { kind: 'edit', action: { type: 'move-down' } },
  '\x1bOB': { kind: 'edit', action: { type: 'move-down' } },
  '\x1b[C': { kind: 'edit', action: { type: 'move-right' } },
  '\x1bOC': { kind: 'edit', action: { type: 'move-right' } },
  '\x1b[D': { kind: 'edit', action: { type: 'move-left' } },
  '\x1bOD': { kind: 'edit', action: { type: 'move-left' } },
  '\x1b[H': { kind: 'edit', action: { type: 'move-home' } },
  '\x1bOH': { kind: 'edit', action: { type: 'move-home' } },
  '\x1b[1~': { kind: 'edit', action: { type: 'move-home' } },
  '\x1b[7~': { kind: 'edit', action: { type: 'move-home' } },
  '\x01': { kind: 'edit', action: { type: 'move-home' } }, // Ctrl+A
  '\x1b[F': { kind: 'edit', action: { type: 'move-end' } },
  '\x1bOF': { kind: 'edit', action: { type: 'move-end' } },
  '\x1b[4~': { kind: 'edit', action: { type: 'move-end' } },
  '\x1b[8~': { kind: 'edit', action: { type: 'move-end' } },
  '\x05': { kind: 'edit', action: { type: 'move-end' } }, // Ctrl+E
  '\r': { kind: 'edit', action: { type: 'insert', text: '\n' } },
  '\n': { kind: 'edit', action: { type: 'insert', text: '\n' } },
};

/**
 * What a piece of input means. Enter adds a line; only Ctrl+D (or Alt+Enter) submits, so a
 * paste with line breaks in it is text, whichever way the terminal delivers it.
 */
export function intentOf(data: string): KeyIntent {
  const known = ownEntry(SEQUENCES, data);
  if (known) return known;
  // Bracketed-paste markers and other escape sequences carry no text of their own.
  if (data.startsWith('\x1b')) {
    const inner = data.replace(/\x1b\[20[01]~/g, '');
    return inner && !inner.startsWith('\x1b') ? { kind: 'edit', action: { type: 'insert', text: inner } } : { kind: 'ignore' };
  }
  return { kind: 'edit', action: { type: 'insert', text: data } };
}

/**
 * What a chunk of input means, in order. A terminal may deliver typed text and the Ctrl+D that
 * follows it in one chunk; a chunk that ends in Ctrl+D or Ctrl+C is that text, then that key.
 * Control characters inside a paste are still only text (and dropped).
 */
export function intentsOf(data: string): KeyIntent[] {
  const last = data[data.length - 1];
  if (data.length > 1 && !data.startsWith('\x1b') && (last === '\x04' || last === '\x03')) {
    return [...intentsOf(data.slice(0, -1)), intentOf(last)];
  }
  return [intentOf(data)];
}

/**
 * Raw terminal input cut where its keys are: each escape sequence on its own, the text between
 * them as one run (so a paste stays one insert, whatever it holds). An escape sequence cut off at
 * the end of the data is `pending`: the rest of it may come with the next data, or, if nothing
 * comes, it was the Escape key.
 */
export function splitKeys(data: string): { pieces: string[]; pending: string } {
  const pieces: string[] = [];
  let i = 0;
  while (i < data.length) {
    const esc = data.indexOf('\x1b', i);
    if (esc < 0) {
      pieces.push(data.slice(i));
      break;
    }
    if (esc > i) pieces.push(data.slice(i, esc));
    const end = sequenceEnd(data, esc);
    if (end === undefined) return { pieces, pending: data.slice(esc) };
    pieces.push(data.slice(esc, end));
    i = end;
  }
  return { pieces, pending: '' };
}

/** Where the escape sequence starting at `at` ends; undefined if the data stops inside it. */
function sequenceEnd(data: string, at: number): number | undefined {
  const kind = data[at + 1];
  if (kind === undefined) return undefined;
  if (kind === '[') {
    // CSI: parameter and intermediate bytes, then one final byte.
    for (let j = at + 2; j < data.length; j++) {
      const c = data.charCodeAt(j);
      if (c >= 0x40 && c <= 0x7e && !(c === 0x5b && j === at + 2)) return j + 1;
      if (c < 0x20 || c > 0x7e) return j; // not a sequence after all: what came so far is one
    }
    return undefined;
  }
  if (kind === 'O') return data.length > at + 2 ? at + 3 : undefined;
  // Alt with a key (Alt+Enter): ESC and the one character after it.
  return at + 1 + (data.codePointAt(at + 1)! > 0xffff ? 2 : 1);
}
