// After a question in practice mode: a bar per criterion, the evidence, what was missing.
import React from 'react';
import { Box, Text } from 'ink';
import type { Score } from '../scoring/types.js';
import type { Delivery } from '../delivery/delivery.js';
import { deliveryLines } from '../report/delivery.js';
import { bar } from '../report/scorecard.js';
import { answerView, coachingOf, distinctQuotes, quoted, toReach } from '../report/view.js';
import { forTerminal } from '../terminal-text.js';
import { useTheme } from './theme.js';

export interface ScoreCardProps {
  prompt: string;
  score: Score;
  /** How the spoken answer was delivered, when it was spoken. */
  delivery?: Delivery;
  example: string;
  showExample: boolean;
}

/** Joins the hard line breaks of a YAML block into paragraphs the terminal can wrap. */
export const reflow = (text: string) =>
  forTerminal(text)
    .trim()
    .replace(/(?<!\n)\n(?!\n)/g, ' ');

const bandColour = (band: Score['band'], t: ReturnType<typeof useTheme>) =>
  band === 'strong' ? t.good : band === 'adequate' ? t.accent : band === 'weak' ? t.warn : t.bad;

export function ScoreCard({ prompt, score, delivery, example, showExample }: ScoreCardProps) {
  const theme = useTheme();
  // The facts a report shows of an answer come from its view; the coaching (what each level means, advice) from the score.
  const coaching = coachingOf(score);
  const view = answerView(score, quoted, delivery);
  return (
    <Box flexDirection="column" marginTop={1}>
      <Text color={theme.muted}>{forTerminal(prompt)}</Text>
      <Text bold color={bandColour(view.band, theme)}>
        {view.total}/100 · {view.band}
      </Text>
      <Text>{forTerminal(score.feedback.summary)}</Text>
      {view.criteria.map((c) => (
        <Box key={c.id} flexDirection="column" marginTop={1}>
          <Text>
            <Text color={c.meetsBar ? theme.good : theme.warn}>{bar(c.level, c.maxLevel)}</Text> {c.level}/{c.maxLevel}{' '}
            <Text bold>{forTerminal(c.title)}</Text>
          </Text>
          <Text color={theme.muted}> {forTerminal(coaching.anchor(c))}</Text>
          {distinctQuotes(c)
            .slice(0, 2)
            .map((quote, i) => (
              <Text key={i}> “{forTerminal(quote)}”</Text>
            ))}
          {toReach(view, c).length > 0 && <Text color={theme.warn}> → {forTerminal(toReach(view, c)[0]!)}</Text>}
        </Box>
      ))}
      {view.antiPatterns.map((a) => (
        <Text key={a.id} color={theme.bad}>
          ✗ {forTerminal(a.title)}: {forTerminal(coaching.advice(a))}
        </Text>
      ))}
      {view.delivery && (
        <Box flexDirection="column" marginTop={1}>
          {deliveryLines(view.delivery).map((line, i) => {
            // Each line keeps its indent when it wraps, a note hanging under its arrow.
            const [, indent = '', arrow = '', text = ''] = /^(\s*)(→ )?(.*)$/su.exec(line) ?? [];
            return (
              <Box key={i} paddingLeft={indent.length}>
                {arrow && <Text color={theme.warn}>{arrow}</Text>}
                <Text {...(i === 0 ? { bold: true } : {})}>{text}</Text>
              </Box>
            );
          })}
        </Box>
      )}
      {showExample && (
        <Box flexDirection="column" marginTop={1} borderStyle="round" paddingX={1}>
          <Text bold>A strong answer</Text>
          <Text>{reflow(example)}</Text>
        </Box>
      )}
      <Box marginTop={1}>
        <Text color={theme.muted}>{showExample ? 'e hides the example' : 'e shows a strong example answer'} · Enter to continue</Text>
      </Box>
    </Box>
  );
}
