// A paragraph laid out in lines here rather than by Ink: Ink keeps the space it breaks a line at,
// so a wrapped line would start with a space. A lead ("Ananya: ") keeps its own style.
import React from 'react';
import { Box, Text } from 'ink';
import { wrap } from '../report/scorecard.js';
import { forTerminal } from '../terminal-text.js';
import { useTerminalSize } from './use-terminal-size.js';

export interface WrappedProps {
  text: string;
  /** Words before the text, in their own style, on its first line. */
  lead?: string;
  leadBold?: boolean;
  leadColor?: string;
  color?: string;
  /** Columns left empty before every line. */
  indent?: number;
  /** Columns more before the lines after a paragraph's first, so they hang under its text (past an arrow). */
  hang?: number;
  /** The columns to lay the text out in, where it is not the terminal's whole width (inside a border, beside a label). */
  width?: number;
}

export function Wrapped({ text, lead = '', leadBold, leadColor, color, indent = 0, hang = 0, width }: WrappedProps) {
  const terminal = useTerminalSize();
  const columns = width ?? terminal.columns;
  // As wrap lays it out: spaces run together, so the lead's length on the first line is known.
  const head = forTerminal(lead).replace(/\s+/g, ' ').trimStart();
  // Line breaks the text has are kept (a prompt may be a list): each paragraph is laid out alone.
  // Its first line does without the hang (it takes that much less than it could).
  const under = ' '.repeat(hang);
  const lines = `${head}${text}`.split('\n').flatMap((paragraph) => {
    const laid = wrap(paragraph, Math.max(hang + 10, columns - indent), under);
    return laid.length ? [laid[0]!.slice(hang), ...laid.slice(1)] : [''];
  });
  return (
    <Box flexDirection="column" paddingLeft={indent}>
      {lines.map((line, i) => (
        <Text key={i} {...(color ? { color } : {})}>
          {i === 0 && head.trim() && line.startsWith(head.trimEnd()) ? (
            <>
              <Text bold={!!leadBold} {...(leadColor ? { color: leadColor } : {})}>
                {line.slice(0, head.length)}
              </Text>
              {line.slice(head.length)}
            </>
          ) : (
            line
          )}
        </Text>
      ))}
    </Box>
  );
}
