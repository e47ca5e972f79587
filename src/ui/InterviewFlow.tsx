// The interview itself: transcript, question, score cards in practice mode, and the report.
import React, { useCallback, useEffect, useRef, useState } from 'react';
import { Box, Text, useApp } from 'ink';
import type { Session } from '../interview/session.js';
import type { Report } from '../report/build.js';
import type { LoadedScenario } from '../scenario/load.js';
import { QuestionScreen } from './QuestionScreen.js';
import { ReportView } from './ReportView.js';
import { ScoreCard } from './ScoreCard.js';
import { Transcript } from './Transcript.js';
import { useInterview, type EngineBase } from './use-interview.js';
import { useEditor } from './use-editor.js';
import { useKeys } from './use-keys.js';
import { useTheme } from './theme.js';

export type Outcome = { kind: 'quit'; session: Session } | { kind: 'finished'; session: Session; reportPath: string };

export interface InterviewFlowProps {
  loaded: LoadedScenario;
  session: Session;
  resuming: boolean;
  base: EngineBase;
  /** Builds and saves the report; returns it and where it was saved. */
  finish: (session: Session) => { report: Report; path: string };
  onExit: (outcome: Outcome) => void;
}

export function InterviewFlow({ loaded, session: initial, resuming, base, finish, onExit }: InterviewFlowProps) {
  const theme = useTheme();
  const app = useApp();
  const { state, start, submit, quit, seenScoreCard } = useInterview(loaded, initial, base);
  const editor = useEditor(initial.draft ?? '');
  const [showExample, setShowExample] = useState(false);
  const [hint, setHint] = useState<string>();
  const [done, setDone] = useState<{ report: Report; path: string }>();
  const { session } = state;
  const practice = session.mode === 'practice';
  const card = practice && state.finished ? loaded.scenario.questions.find((q) => q.id === state.finished) : undefined;

  useEffect(() => {
    void start(resuming);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    if (session.status === 'finished' && !done && !card) setDone(finish(session));
  }, [session, done, card, finish]);

  // A submit pressed while the interviewer is still busy goes in as soon as it is ready.
  const pendingSubmit = useRef(false);
  const submitDraft = useCallback(() => {
    const text = editor.text();
    if (!text.trim()) {
      setHint('Type your answer first. To pass on a question, type "pass" and submit.');
      return;
    }
    setHint(undefined);
    void submit(text);
    editor.apply({ type: 'set', text: '' });
  }, [editor, submit]);
  useEffect(() => {
    if (pendingSubmit.current && session.phase === 'answering' && !state.busy && !card) {
      pendingSubmit.current = false;
      submitDraft();
    }
  }, [session.phase, state.busy, card, submitDraft]);

  useKeys((intent) => {
    if (intent.kind === 'quit') {
      if (done) onExit({ kind: 'finished', session, reportPath: done.path });
      else onExit({ kind: 'quit', session: quit(editor.text()) });
      app.exit();
      return;
    }
    if (intent.kind !== 'edit' && intent.kind !== 'submit') return;
    const enter = intent.kind === 'edit' && intent.action.type === 'insert' && intent.action.text === '\n';
    if (done) {
      if (enter || intent.kind === 'submit') {
        onExit({ kind: 'finished', session, reportPath: done.path });
        app.exit();
      }
      return;
    }
    if (card) {
      if (intent.kind === 'edit' && intent.action.type === 'insert' && intent.action.text.toLowerCase() === 'e') setShowExample((x) => !x);
      if (enter) {
        setShowExample(false);
        seenScoreCard();
      }
      return;
    }
    if (intent.kind === 'submit') {
      // Typing goes on while the interviewer writes a follow-up; the submit waits for it.
      if (session.phase !== 'answering' || state.busy) {
        pendingSubmit.current = true;
        setHint('One moment: your answer goes in as soon as the interviewer is ready.');
        return;
      }
      submitDraft();
      return;
    }
    editor.apply(intent.action);
  });

  const cardScore = card ? session.scores[card.id] : undefined;
  return (
    <Box flexDirection="column">
      <Transcript session={session} interviewer={loaded.scenario.interviewer.name} />
      {state.error ? (
        <Text color={theme.bad}>Something went wrong: {state.error}. Your answers so far are saved; press Ctrl+C to leave.</Text>
      ) : done ? (
        <ReportView report={done.report} path={done.path} />
      ) : card && cardScore ? (
        <ScoreCard prompt={card.prompt} score={cardScore} example={card.example} showExample={showExample} />
      ) : (
        <QuestionScreen
          scenario={loaded.scenario}
          session={session}
          streaming={state.streaming}
          busy={state.busy}
          notice={state.notice}
          hint={hint}
          editor={editor.state}
          now={base.now}
        />
      )}
    </Box>
  );
}
