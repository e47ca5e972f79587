// The live part of the interview: the question or follow-up, the timer, and the answer editor.
import React from 'react';
import { Box, Text } from 'ink';
import type { Scenario } from '../scenario/schema.js';
import type { Session } from '../interview/session.js';
import { PASS_WORDS } from '../interview/policy.js';
import { countWords } from '../text/text.js';
import { forTerminal } from '../terminal-text.js';
import type { EditorState } from './editor-state.js';
import { EditorView } from './EditorView.js';
import { RecordingLine } from './RecordingLine.js';
import type { Hint, RecordingView, VoiceNote } from './screen-state.js';
import { Spinner } from './Spinner.js';
import { Wrapped } from './Wrapped.js';
import { formatClock, useCountdown } from './use-countdown.js';
import { useTheme } from './theme.js';

export interface QuestionScreenProps {
  scenario: Scenario;
  session: Session;
  streaming: string;
  busy: boolean;
  notice?: string;
  hint?: Hint;
  editor: EditorState;
  now: () => Date;
  recording?: RecordingView;
  voiceNote?: VoiceNote;
  speaking?: boolean;
}

const HINTS: Record<Hint, string> = {
  'empty-answer': `Type your answer first. To pass on a question, type "${PASS_WORDS[0]}" and submit.`,
  'waiting-for-interviewer': 'One moment: your answer goes in as soon as the interviewer is ready.',
  recording: 'Your spoken answer is not in the editor yet: press Ctrl+R to stop recording, then check the transcript and submit.',
};

export function QuestionScreen(props: QuestionScreenProps) {
  const { scenario, session, streaming, busy, notice, hint, editor, now, recording, voiceNote, speaking } = props;
  const theme = useTheme();
  const question = scenario.questions[session.questionIndex];
  const left = useCountdown(session.questionStartedAt, question?.budget.seconds ?? 0, now);
  if (!question) return <Spinner label="Starting…" />;
  const prompt = [...session.turns].reverse().find((t) => t.questionId === question.id && (t.kind === 'question' || t.kind === 'probe'));
  const probing = session.phase === 'probing';
  // The scenario's, the session's and the model's words, as a reader should see them.
  const interviewer = forTerminal(scenario.interviewer.name);
  const words = countWords(editor.text);
  return (
    <Box flexDirection="column" marginTop={1}>
      <Box justifyContent="space-between">
        <Text bold>
          Question {session.questionIndex + 1} of {scenario.questions.length}
        </Text>
        <Text color={left < 0 ? theme.bad : left < 30 ? theme.warn : theme.muted}>
          {left < 0 ? `over time ${formatClock(-left)}` : `${formatClock(left)} left`}
        </Text>
      </Box>
      <Box marginTop={1} flexDirection="column">
        {probing ? (
          streaming ? (
            <Wrapped lead={`${interviewer}: `} text={streaming} color={theme.accent} />
          ) : (
            <Spinner label={`${interviewer} is thinking of a follow-up…`} />
          )
        ) : busy ? (
          <Spinner label="Reading your answer…" />
        ) : prompt ? (
          <Wrapped
            lead={prompt.kind === 'probe' ? `${interviewer} follows up: ` : `${interviewer}: `}
            leadBold
            leadColor={theme.accent}
            text={prompt.text}
          />
        ) : null}
        {notice && <Text color={theme.warn}>{forTerminal(notice)}</Text>}
      </Box>
      <Box marginTop={1} flexDirection="column">
        <EditorView state={editor} active />
        {recording && <RecordingLine recording={recording} />}
        <Box justifyContent="space-between">
          <Text color={theme.muted}>
            {/* Enter adds a line, as the intro says: the keys that do something else fit one line of 80 columns. */}
            Ctrl+D submit · Ctrl+R {recording ? 'stop' : 'record'} · Ctrl+T voice {speaking ? 'off' : 'on'} · Ctrl+C save & quit
          </Text>
          <Text color={theme.muted}>{words === 1 ? '1 word' : `${words} words`}</Text>
        </Box>
        {hint && <Text color={theme.warn}>{HINTS[hint]}</Text>}
        {voiceNote && <Text color={voiceNote.kind === 'notice' ? theme.muted : theme.warn}>{forTerminal(voiceNote.text)}</Text>}
      </Box>
    </Box>
  );
}
