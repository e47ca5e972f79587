// The answer editor as a pure reducer: text and a cursor, changed only by actions.

export interface EditorState {
  text: string;
  /** Offset into `text`, 0…text.length. */
  cursor: number;
  /** The column up/down moves try to keep, across shorter lines. */
  goal?: number;
}

export type EditorAction =
  | { type: 'insert'; text: string }
  | { type: 'backspace' }
  | { type: 'delete' }
  | { type: 'move-left' }
  | { type: 'move-right' }
  | { type: 'move-up' }
  | { type: 'move-down' }
  | { type: 'move-home' }
  | { type: 'move-end' }
  | { type: 'set'; text: string };

export const emptyEditor = (text = ''): EditorState => ({ text, cursor: text.length });

const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;

/** One character back or forward, never splitting an emoji's surrogate pair. */
function stepBack(text: string, at: number): number {
  if (at <= 0) return 0;
  return at >= 2 && isLow(text.charCodeAt(at - 1)) && isHigh(text.charCodeAt(at - 2)) ? at - 2 : at - 1;
}
function stepForward(text: string, at: number): number {
  if (at >= text.length) return text.length;
  return isHigh(text.charCodeAt(at)) && isLow(text.charCodeAt(at + 1)) ? at + 2 : at + 1;
}

function lineStart(text: string, at: number): number {
  return text.lastIndexOf('\n', at - 1) + 1;
}
function lineEnd(text: string, at: number): number {
  const i = text.indexOf('\n', at);
  return i < 0 ? text.length : i;
}

/** Pasted or typed text as the editor keeps it: \n line breaks, no other control characters. */
export function cleanInput(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, '  ')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
}

export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  const { text, cursor } = state;
  switch (action.type) {
    case 'insert': {
      const add = cleanInput(action.text);
      if (!add) return state;
      return { text: text.slice(0, cursor) + add + text.slice(cursor), cursor: cursor + add.length };
    }
    case 'backspace': {
      if (cursor === 0) return state;
      const from = stepBack(text, cursor);
      return { text: text.slice(0, from) + text.slice(cursor), cursor: from };
    }
    case 'delete': {
      if (cursor >= text.length) return state;
      return { text: text.slice(0, cursor) + text.slice(stepForward(text, cursor)), cursor };
    }
    case 'move-left':
      return { text, cursor: stepBack(text, cursor) };
    case 'move-right':
      return { text, cursor: stepForward(text, cursor) };
    case 'move-home':
      return { text, cursor: lineStart(text, cursor) };
    case 'move-end':
      return { text, cursor: lineEnd(text, cursor) };
    case 'move-up':
    case 'move-down': {
      const start = lineStart(text, cursor);
      const goal = state.goal ?? cursor - start;
      if (action.type === 'move-up') {
        if (start === 0) return { text, cursor: 0, goal };
        const prevStart = lineStart(text, start - 1);
        return { text, cursor: Math.min(prevStart + goal, start - 1), goal };
      }
      const end = lineEnd(text, cursor);
      if (end === text.length) return { text, cursor: text.length, goal };
      const nextEnd = lineEnd(text, end + 1);
      return { text, cursor: Math.min(end + 1 + goal, nextEnd), goal };
    }
    case 'set':
      return emptyEditor(action.text);
  }
}
