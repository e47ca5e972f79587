// Before the first question: who is interviewing, for what, and the keys.
import React from 'react';
import { Box, Text } from 'ink';
import type { Scenario } from '../scenario/schema.js';
import { forTerminal } from '../terminal-text.js';
import { useTheme } from './theme.js';
import { Wrapped } from './Wrapped.js';
import { followsLine } from '../report/drill.js';

/** What a drill works on, as its card will name it. */
export interface DrillIntro {
  criterion: string;
  family: string;
  /** Whether follow-ups will be asked (not with --probes 0). */
  probes: boolean;
  /** The earlier question of the interview the drilled one builds on, which the drill does not ask. */
  follows?: string;
}

export function Intro({ scenario, mode, drill }: { scenario: Scenario; mode: 'practice' | 'interview'; drill?: DrillIntro }) {
  const theme = useTheme();
  const { company, interviewer } = scenario;
  return (
    <Box flexDirection="column">
      {drill && (
        <Text bold color={theme.accent}>
          Drill on {forTerminal(drill.criterion)} ({forTerminal(drill.family)}):{' '}
          {drill.probes ? 'one question, then follow-ups on that criterion.' : 'one question on it.'}
        </Text>
      )}
      {drill?.follows && <Wrapped text={followsLine(drill.follows)} />}
      <Text bold color={theme.accent}>
        {forTerminal(scenario.title)}
      </Text>
      <Text>
        {forTerminal(company.name)} · {forTerminal(company.stage)} · {forTerminal(company.market)}
      </Text>
      <Box marginTop={1}>
        <Wrapped text={company.description} />
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
