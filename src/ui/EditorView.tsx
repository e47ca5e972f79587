// The answer being typed, with its cursor. Shows the last lines when the answer grows long.
import React from 'react';
import { Box, Text } from 'ink';
import type { EditorState } from './editor-state.js';
import { useTheme } from './theme.js';

const VISIBLE_LINES = 12;

const GRAPHEMES = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
export function EditorView({ state, active }: { state: EditorState; active: boolean }) {
  const theme = useTheme();
  const lines = state.text.split('\n');
  let offset = 0;
  const cursorLine = state.text.slice(0, state.cursor).split('\n').length - 1;
  const first = Math.max(0, Math.min(cursorLine - VISIBLE_LINES + 1, lines.length - VISIBLE_LINES));
  const rows = lines.map((line, i) => {
    const start = offset;
    offset += line.length + 1;
    if (i < first || i >= first + VISIBLE_LINES) return null;
    if (!active || i !== cursorLine) return <Text key={i}>{line || ' '}</Text>;
    const at = state.cursor - start;
    // The whole character under the cursor (an emoji is several code units), as the editor moves by.
    const under = GRAPHEMES.segment(line).containing(at)?.segment ?? '';
    return (
      <Text key={i}>
        {line.slice(0, at)}
        <Text inverse>{under || ' '}</Text>
        {line.slice(at + under.length)}
      </Text>
    );
  });
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={active ? theme.accent : theme.muted} paddingX={1}>
      {first > 0 && <Text color={theme.muted}>… {first} more line(s) above</Text>}
      {state.text === '' && !active ? <Text color={theme.muted}>…</Text> : rows}
    </Box>
  );
}
