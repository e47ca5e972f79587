// The first screen: which company to interview with.
import React from 'react';
import { Box, Text } from 'ink';
import { forTerminal } from '../terminal-text.js';
import { useTheme } from './theme.js';

export interface ScenarioChoice {
  id: string;
  title: string;
  summary: string;
  questions: number;
}

export function ScenarioPicker({ scenarios, selected }: { scenarios: ScenarioChoice[]; selected: number }) {
  const theme = useTheme();
  return (
    <Box flexDirection="column">
      <Text bold>Choose an interview</Text>
      <Box flexDirection="column" marginTop={1}>
        {scenarios.map((s, i) => (
          <Box key={s.id} flexDirection="column" marginBottom={1}>
            <Text color={i === selected ? theme.accent : undefined} bold={i === selected}>
              {i === selected ? '›' : ' '} {i + 1}. {forTerminal(s.title)}{' '}
              <Text color={theme.muted}>
                ({s.questions} question{s.questions === 1 ? '' : 's'})
              </Text>
            </Text>
            <Box paddingLeft={5}>
              <Text color={theme.muted}>{forTerminal(s.summary)}</Text>
            </Box>
          </Box>
        ))}
      </Box>
      <Text color={theme.muted}>↑/↓ to move · Enter to choose · Ctrl+C to leave</Text>
    </Box>
  );
}
