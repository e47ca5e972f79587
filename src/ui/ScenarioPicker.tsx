// The first screen: which company to interview with.
import React, { useRef, useState } from 'react';
import { Box, Text } from 'ink';
import { useKeys } from './use-keys.js';
import { useTheme } from './theme.js';

export interface ScenarioChoice {
  id: string;
  title: string;
  summary: string;
  questions: number;
}

export function ScenarioPicker({ scenarios, onPick }: { scenarios: ScenarioChoice[]; onPick: (id: string) => void }) {
  const theme = useTheme();
  const [selected, setSelected] = useState(0);
  // Keys may arrive faster than renders: the choice is kept where the next key can see it.
  const current = useRef(0);
  const select = (i: number) => {
    current.current = i;
    setSelected(i);
  };
  useKeys((intent) => {
    if (intent.kind !== 'edit') return;
    const a = intent.action;
    const n = scenarios.length;
    if (a.type === 'move-up') select((current.current + n - 1) % n);
    else if (a.type === 'move-down') select((current.current + 1) % n);
    else if (a.type === 'insert' && a.text === '\n') onPick(scenarios[current.current]!.id);
    else if (a.type === 'insert' && /^[1-9]$/.test(a.text) && Number(a.text) <= scenarios.length) onPick(scenarios[Number(a.text) - 1]!.id);
  });
  return (
    <Box flexDirection="column">
      <Text bold>Choose an interview</Text>
      <Box flexDirection="column" marginTop={1}>
        {scenarios.map((s, i) => (
          <Box key={s.id} flexDirection="column" marginBottom={1}>
            <Text color={i === selected ? theme.accent : undefined} bold={i === selected}>
              {i === selected ? '›' : ' '} {i + 1}. {s.title} <Text color={theme.muted}>({s.questions} questions)</Text>
            </Text>
            <Box paddingLeft={5}>
              <Text color={theme.muted}>{s.summary}</Text>
            </Box>
          </Box>
        ))}
      </Box>
      <Text color={theme.muted}>↑/↓ to move · Enter to choose · Ctrl+C to leave</Text>
    </Box>
  );
}
