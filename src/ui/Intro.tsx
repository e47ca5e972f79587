// Before the first question: who is interviewing, for what, and the keys.
import React from 'react';
import { Box, Text } from 'ink';
import type { Scenario } from '../scenario/schema.js';
import { forTerminal } from '../terminal-text.js';
import { useTheme } from './theme.js';

export function Intro({ scenario, mode }: { scenario: Scenario; mode: 'practice' | 'interview' }) {
  const theme = useTheme();
  const { company, interviewer } = scenario;
  return (
    <Box flexDirection="column">
      <Text bold color={theme.accent}>
        {forTerminal(scenario.title)}
      </Text>
      <Text>
        {forTerminal(company.name)} · {forTerminal(company.stage)} · {forTerminal(company.market)}
      </Text>
      <Box marginTop={1}>
        <Text>{forTerminal(company.description)}</Text>
      </Box>
      <Box marginTop={1} flexDirection="column">
        <Text>
          Role: <Text bold>{forTerminal(scenario.role)}</Text>
        </Text>
        <Text>
          Interviewer: <Text bold>{forTerminal(interviewer.name)}</Text>, {forTerminal(interviewer.title)}
        </Text>
        <Text>
          {scenario.questions.length === 1 ? '1 question' : `${scenario.questions.length} questions`}, with follow-ups where an answer
          leaves a gap.{' '}
          {mode === 'practice' ? 'You see your score after each question.' : 'Scores come at the end, as in a real interview.'}
        </Text>
      </Box>
      <Box marginTop={1} flexDirection="column">
        <Text color={theme.muted}>Enter adds a line · Ctrl+D submits your answer · Ctrl+C saves and quits</Text>
        <Text color={theme.muted}>Ctrl+R records a spoken answer · Ctrl+T has the interviewer read the questions aloud</Text>
        <Text bold>Press Enter to begin.</Text>
      </Box>
    </Box>
  );
}
