// The end: total, each question, each criterion, and the three changes worth most.
import React from 'react';
import { Box, Text } from 'ink';
import type { Report } from '../report/build.js';
import { deliveryFigures } from '../report/delivery.js';
import { bar } from '../report/scorecard.js';
import { forTerminal } from '../terminal-text.js';
import { useTheme } from './theme.js';
import { useTerminalSize } from './use-terminal-size.js';
import { Wrapped } from './Wrapped.js';

/** The report screen lists the weakest few criteria; the saved report has them all. */
const SHOWN_CRITERIA = 6;

/** The column each question's words start at, after its number, bar and total. */
const PROMPT_AT = 20;

export function ReportView({ report, path }: { report: Report; path: string }) {
  const theme = useTheme();
  const { columns } = useTerminalSize();
  const llmFailures = report.notices.filter((n) => n.reason === 'llm-failed').length;
  return (
    <Box flexDirection="column" marginTop={1}>
      <Text bold color={theme.accent}>
        Your result: {report.total}/100 · {report.band}
      </Text>
      <Box flexDirection="column" marginTop={1}>
        {report.questions.map((q, i) => (
          <Box key={q.id}>
            <Box flexShrink={0} width={PROMPT_AT}>
              <Text>
                {String(i + 1).padStart(2)}. {bar(q.total, 100)} {q.answered ? String(q.total).padStart(3) : '  —'}
              </Text>
            </Box>
            {/* Laid out here, not by Ink, so a wrapped line starts under the first, not a space after it. */}
            <Wrapped text={q.prompt} width={Math.max(10, columns - PROMPT_AT)} color={theme.muted} />
          </Box>
        ))}
      </Box>
      {report.questions.some((q) => q.delivery) && (
        <Box flexDirection="column" marginTop={1}>
          <Text bold>How you said it (not part of the score)</Text>
          {report.questions.map((q, i) =>
            q.delivery ? (
              <Text key={q.id}>
                {String(i + 1).padStart(2)}. {deliveryFigures(q.delivery).join(' · ')}
                {q.delivery.notes.length ? (
                  <Text color={theme.warn}> · {q.delivery.notes.map((n) => n.figure).join(', ')} to work on</Text>
                ) : null}
              </Text>
            ) : null,
          )}
        </Box>
      )}
      {report.criteria.length > 0 && (
        <Box flexDirection="column" marginTop={1}>
          <Text bold>Weakest criteria</Text>
          {report.criteria.slice(0, SHOWN_CRITERIA).map((c) => (
            <Text key={c.title}>
              {bar(c.percent, 100)} {String(c.percent).padStart(3)}% {forTerminal(c.title)}
            </Text>
          ))}
          {report.criteria.length > SHOWN_CRITERIA && (
            <Text color={theme.muted}>…and {report.criteria.length - SHOWN_CRITERIA} more in the saved report</Text>
          )}
        </Box>
      )}
      {report.improvements.length > 0 && (
        <Box flexDirection="column" marginTop={1}>
          <Text bold>What would raise your score most</Text>
          {report.improvements.map((imp, i) => (
            <Box key={i}>
              <Box flexShrink={0} width={3}>
                <Text>{i + 1}.</Text>
              </Box>
              <Wrapped text={imp.advice} width={Math.max(10, columns - 3)} />
            </Box>
          ))}
        </Box>
      )}
      {llmFailures > 0 && <Text color={theme.warn}>{llmFailures} follow-up(s) were written offline after an LLM error.</Text>}
      <Box marginTop={1} flexDirection="column">
        <Text>Report saved: {forTerminal(path)}</Text>
        <Text color={theme.muted}>Press Enter to finish.</Text>
      </Box>
    </Box>
  );
}
