// Wires the editor reducer to React. Keys can arrive faster than renders, so the latest state
// is kept in a ref and every action applies to it at once; the view re-renders from a copy.
import { useCallback, useRef, useState } from 'react';
import { editorReducer, emptyEditor, type EditorAction, type EditorState } from './editor-state.js';

export function useEditor(initial = '') {
  const ref = useRef<EditorState>(emptyEditor(initial));
  const [state, setState] = useState(ref.current);
  const apply = useCallback((action: EditorAction) => {
    ref.current = editorReducer(ref.current, action);
    setState(ref.current);
  }, []);
  /** The text as of the last key, even before React has re-rendered. */
  const text = useCallback(() => ref.current.text, []);
  return { state, apply, text };
}
