// After a question in practice mode: a bar per criterion, the evidence, what was missing.
import React from 'react';
import { Box, Text } from 'ink';
import type { Score } from '../scoring/types.js';
import type { Delivery } from '../delivery/delivery.js';
import { deliveryLines } from '../report/delivery.js';
import { bar, cardSummary } from '../report/scorecard.js';
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
  return (
    <Box flexDirection="column" marginTop={1}>
      <Text color={theme.muted}>{forTerminal(prompt)}</Text>
      <Text bold color={bandColour(score.band, theme)}>
        {score.total}/100 · {score.band}
      </Text>
      <Text>{forTerminal(cardSummary(score))}</Text>
      {score.criteria.map((c) => (
        <Box key={c.id} flexDirection="column" marginTop={1}>
          <Text>
            <Text color={c.meetsBar ? theme.good : theme.warn}>{bar(c.level, c.maxLevel)}</Text> {c.level}/{c.maxLevel}{' '}
            <Text bold>{forTerminal(c.title)}</Text>
          </Text>
          <Text color={theme.muted}> {forTerminal(c.anchor)}</Text>
          {/* A sentence and a clause of it can both be quoted: each is shown once. */}
          {[...new Set(c.evidence.map((e) => forTerminal(e.quote).replace(/\s+/g, ' ')))].slice(0, 2).map((quote, i) => (
            <Text key={i}> “{quote}”</Text>
          ))}
          {!score.flags.nonAnswer && c.missing.length > 0 && <Text color={theme.warn}> → {forTerminal(c.missing[0]!)}</Text>}
        </Box>
      ))}
      {score.antiPatterns.map((a) => (
        <Text key={a.id} color={theme.bad}>
          ✗ {forTerminal(a.title)}: {forTerminal(a.advice)}
        </Text>
      ))}
      {delivery && (
        <Box flexDirection="column" marginTop={1}>
          {deliveryLines(delivery).map((line, i) => {
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
