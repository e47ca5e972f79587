import { describe, expect, it } from 'vitest';
import { editorReducer, emptyEditor, type EditorAction, type EditorState } from '../../src/ui/editor-state.js';
import { intentOf, intentsOf } from '../../src/ui/keys.js';

const run = (start: EditorState, ...actions: EditorAction[]) => actions.reduce(editorReducer, start);
const at = (text: string, cursor: number): EditorState => ({ text, cursor });

describe('editor reducer', () => {
  it.each<[string, EditorState, EditorAction[], EditorState]>([
    ['inserts at the cursor', at('ac', 1), [{ type: 'insert', text: 'b' }], at('abc', 2)],
    ['backspace deletes before the cursor', at('abc', 2), [{ type: 'backspace' }], at('ac', 1)],
    ['backspace at the start does nothing', at('abc', 0), [{ type: 'backspace' }], at('abc', 0)],
    ['delete deletes under the cursor', at('abc', 1), [{ type: 'delete' }], at('ac', 1)],
    ['delete at the end does nothing', at('abc', 3), [{ type: 'delete' }], at('abc', 3)],
    ['left and right move by one', at('abc', 1), [{ type: 'move-right' }, { type: 'move-right' }, { type: 'move-left' }], at('abc', 2)],
    ['left stops at the start, right at the end', at('ab', 0), [{ type: 'move-left' }], at('ab', 0)],
    ['home and end go to the ends of the line', at('one\ntwo', 5), [{ type: 'move-end' }], at('one\ntwo', 7)],
    ['home goes to the start of the line', at('one\ntwo', 6), [{ type: 'move-home' }], at('one\ntwo', 4)],
    ['an emoji is one character for moves and deletes', at('a😀b', 3), [{ type: 'backspace' }], at('ab', 1)],
    [
      'a paste keeps its line breaks and does not submit',
      at('', 0),
      [{ type: 'insert', text: 'one\r\ntwo\rthree\n' }],
      at('one\ntwo\nthree\n', 14),
    ],
    ['control characters in a paste are dropped', at('', 0), [{ type: 'insert', text: 'a\x04b\x1bc\x03' }], at('abc', 3)],
    ['set replaces the text and puts the cursor at its end', at('old', 1), [{ type: 'set', text: 'new text' }], at('new text', 8)],
  ])('%s', (_, start, actions, expected) => {
    const result = run(start, ...actions);
    expect({ text: result.text, cursor: result.cursor }).toEqual(expected);
  });

  it('up and down keep the column across a shorter line', () => {
    const text = 'first line\nab\nthird line';
    let s = at(text, 8); // "first li|ne"
    s = editorReducer(s, { type: 'move-down' });
    expect(s.cursor).toBe(13); // end of "ab"
    s = editorReducer(s, { type: 'move-down' });
    expect(s.cursor).toBe(14 + 8); // "third li|ne"
    s = editorReducer(s, { type: 'move-up' });
    s = editorReducer(s, { type: 'move-up' });
    expect(s.cursor).toBe(8);
    expect(editorReducer(at(text, 3), { type: 'move-up' }).cursor).toBe(0);
    expect(editorReducer(at(text, 20), { type: 'move-down' }).cursor).toBe(text.length);
  });

  it('typing after moving forgets the remembered column', () => {
    const s = run(at('ab\ncd', 1), { type: 'move-down' }, { type: 'insert', text: 'x' });
    expect(s.goal).toBeUndefined();
    expect(emptyEditor('hi')).toEqual({ text: 'hi', cursor: 2 });
  });
});

describe('keys', () => {
  it.each([
    ['\x04', 'submit'],
    ['\x1b\r', 'submit'],
    ['\x03', 'quit'],
    ['\r', 'insert:\n'],
    ['\x7f', 'backspace'],
    ['\x1b[3~', 'delete'],
    ['\x1b[A', 'move-up'],
    ['\x1b[D', 'move-left'],
    ['\x1b[H', 'move-home'],
    ['\x1b[F', 'move-end'],
    ['hello\rworld\r', 'insert:hello\rworld\r'],
    ['\x1b[200~pasted\ntext\x1b[201~', 'insert:pasted\ntext'],
    ['\x1b[99~', 'ignore'],
  ])('%j → %s', (data, expected) => {
    const intent = intentOf(data);
    const label =
      intent.kind === 'edit' ? (intent.action.type === 'insert' ? `insert:${intent.action.text}` : intent.action.type) : intent.kind;
    expect(label).toBe(expected);
  });
});

describe('chunks of input', () => {
  const labels = (data: string) =>
    intentsOf(data).map((i) => (i.kind === 'edit' ? (i.action.type === 'insert' ? `insert:${i.action.text}` : i.action.type) : i.kind));
  it.each([
    ['typed text and Ctrl+D in one chunk: the text, then submit', 'my answer\x04', ['insert:my answer', 'submit']],
    ['typed text and Ctrl+C in one chunk: the text, then quit', 'half\x03', ['insert:half', 'quit']],
    ['a Ctrl+D inside a paste stays text', 'a\x04b', ['insert:a\x04b']],
    ['a lone Ctrl+D', '\x04', ['submit']],
  ])('%s', (_, data, expected) => {
    expect(labels(data)).toEqual(expected);
  });
});
