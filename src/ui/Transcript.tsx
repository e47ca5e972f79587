// What has been said so far, printed once with <Static> so history is never redrawn.
import React from 'react';
import { Box, Static, Text } from 'ink';
import type { Session, Turn } from '../interview/session.js';
import { forTerminal } from '../terminal-text.js';
import { useTheme } from './theme.js';
import { useTerminalSize } from './use-terminal-size.js';
import { Wrapped } from './Wrapped.js';

/**
 * The turns that are settled: all of them, except the prompt now waiting for an answer (that
 * one is on the live screen). The list only ever grows, as <Static> needs.
 */
export function settledTurns(session: Session): Turn[] {
  if (session.phase !== 'answering') return session.turns;
  const last = session.turns.findLastIndex((t) => t.kind === 'question' || t.kind === 'probe');
  return last < 0 ? session.turns : session.turns.slice(0, last);
}

/** The columns "You:" takes before an answer's lines. */
const LABEL = 5;

export function Transcript({ session, interviewer }: { session: Session; interviewer: string }) {
  const theme = useTheme();
  const { columns } = useTerminalSize();
  // Stored turns are drawn as a reader should see them; the session keeps them as they were given.
  const who = forTerminal(interviewer);
  const items = settledTurns(session).map((t, i) => ({ t, key: `${i}` }));
  return (
    // The terminal's width, given: <Static> is laid out apart from the screen, and without a width an
    // answer's text was measured a character a line, so the history was printed with hundreds of empty
    // lines after it, pushing it out of sight above the score card.
    <Static items={items} style={{ width: '100%' }}>
      {({ t, key }) => (
        <Box key={key} flexDirection="column" marginTop={t.kind === 'question' ? 1 : 0}>
          {t.kind === 'question' && (
            <Text bold color={theme.accent}>
              {who}: <Text color={undefined}>{forTerminal(t.text)}</Text>
            </Text>
          )}
          {t.kind === 'probe' && (
            <Text color={theme.accent}>
              {who} follows up: <Text color={undefined}>{forTerminal(t.text)}</Text>
            </Text>
          )}
          {t.kind === 'answer' && (
            // Labelled, and every line of it indented under the label, so nothing else can pass for it.
            <Box>
              <Box flexShrink={0} width={LABEL}>
                <Text bold>You:</Text>
              </Box>
              {/* The text takes what the label leaves, laid out here so that no line starts with the space it broke at. */}
              <Box flexGrow={1} flexShrink={1} flexBasis={0}>
                <Wrapped text={t.text} width={Math.max(10, columns - LABEL)} />
              </Box>
            </Box>
          )}
          {t.kind === 'notice' &&
            (t.notice === 'resumed' ? (
              <Text color={theme.muted}>── resumed here ──</Text>
            ) : (
              <Text color={theme.warn}>! {forTerminal(t.text)}</Text>
            ))}
        </Box>
      )}
    </Static>
  );
}
