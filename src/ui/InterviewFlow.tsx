// The interview screen: the transcript, then the question, a score card, the report or what went wrong.
import { ownEntry } from '../own.js';
import React from 'react';
import { Box, Text } from 'ink';
import { deliveryOf } from '../report/build.js';
import { QuestionScreen } from './QuestionScreen.js';
import { ReportView } from './ReportView.js';
import type { InterviewScreen } from './screen-state.js';
import { ScoreCard } from './ScoreCard.js';
import { Transcript } from './Transcript.js';
import { forTerminal } from '../terminal-text.js';
import { useTheme } from './theme.js';

// The launcher takes the outcome type from here.
export type { Outcome } from './screen-state.js';

export function InterviewFlow({ state, now }: { state: InterviewScreen; now: () => Date }) {
  const theme = useTheme();
  const { loaded, session, view } = state;
  const card = view.kind === 'score-card' ? loaded.scenario.questions.find((q) => q.id === view.questionId) : undefined;
  const cardScore = card ? ownEntry(session.scores, card.id) : undefined;
  const cardDelivery = card ? deliveryOf(session, card) : undefined;
  return (
    <Box flexDirection="column">
      <Transcript session={session} interviewer={loaded.scenario.interviewer.name} />
      {view.kind === 'failed' ? (
        <Text color={theme.bad}>
          Something went wrong: {forTerminal(view.error)}. Your answers so far are saved; press Ctrl+C to leave.
        </Text>
      ) : view.kind === 'report' ? (
        <ReportView report={view.report} path={view.path} />
      ) : view.kind === 'score-card' && card && cardScore ? (
        <ScoreCard
          prompt={card.prompt}
          score={cardScore}
          {...(cardDelivery ? { delivery: cardDelivery } : {})}
          example={card.example}
          showExample={view.showExample}
          {...(session.drill ? { drill: session.drill } : {})}
        />
      ) : (
        <QuestionScreen
          scenario={loaded.scenario}
          session={session}
          streaming={state.streaming}
          busy={state.busy}
          notice={state.notice}
          hint={state.hint}
          editor={state.editor}
          now={now}
          {...(state.recording ? { recording: state.recording } : {})}
          {...(state.voiceNote ? { voiceNote: state.voiceNote } : {})}
          speaking={state.speaking}
        />
      )}
      {state.saveError && view.kind === 'question' && (
        <Text color={theme.bad}>
          Could not save to {state.saveError.file}: {state.saveError.reason}. Nothing is lost: your answer is still here. Make room and
          press Ctrl+D to try again, or Ctrl+C to leave with a copy kept elsewhere.
        </Text>
      )}
    </Box>
  );
}
