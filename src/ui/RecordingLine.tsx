// The line under the editor while an answer is said aloud: recording time and a level meter, then saving and transcribing.
import React from 'react';
import { Text } from 'ink';
import type { RecordingView } from './screen-state.js';
import { Spinner } from './Spinner.js';
import { formatClock } from './use-countdown.js';
import { useTheme } from './theme.js';

const METER_WIDTH = 12;

/** The level as a bar: speech at a normal distance sits around a third of full scale, so the bar is scaled up. */
export function meter(level: number): string {
  const filled = Math.max(0, Math.min(METER_WIDTH, Math.round(Math.sqrt(Math.max(0, level)) * METER_WIDTH)));
  return '▮'.repeat(filled) + '▯'.repeat(METER_WIDTH - filled);
}

export function RecordingLine({ recording }: { recording: RecordingView }) {
  const theme = useTheme();
  switch (recording.phase) {
    case 'starting':
      return <Spinner label="Starting the microphone…" />;
    case 'recording':
      return (
        <Text>
          <Text color={theme.bad}>● Recording</Text> {formatClock(Math.round(recording.elapsedMs / 1000))} {meter(recording.level)}{' '}
          <Text color={theme.muted}>Ctrl+R to stop</Text>
        </Text>
      );
    case 'saving':
      return <Spinner label="Saving the recording…" />;
    case 'transcribing':
      return <Spinner label="Transcribing your answer…" />;
  }
}
