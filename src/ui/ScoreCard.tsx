// After a question in practice mode: a bar per criterion, the evidence, what was missing.
import React, { useEffect, useRef, useState } from 'react';
import stringWidth from 'string-width';
import { Box, measureElement, Text, type DOMElement } from 'ink';
import { useTerminalSize } from './use-terminal-size.js';
import { Wrapped } from './Wrapped.js';
import type { Score } from '../scoring/types.js';
import type { Delivery } from '../delivery/delivery.js';
import { deliveryLines } from '../report/delivery.js';
import { againstBefore } from '../report/drill.js';
import type { Session } from '../interview/session.js';
import { bar, cardSummary, wrap } from '../report/scorecard.js';
import { answerView, coachingOf, distinctQuotes, quoted, toReach } from '../report/view.js';
import { useKeys } from './use-keys.js';
import { forTerminal } from '../terminal-text.js';
import { useTheme } from './theme.js';

export interface ScoreCardProps {
  prompt: string;
  score: Score;
  /** How the spoken answer was delivered, when it was spoken. */
  delivery?: Delivery;
  example: string;
  showExample: boolean;
  /** In a drill: the criterion it works on, shown first against its last attempt. */
  drill?: NonNullable<Session['drill']>;
}

/** Joins the hard line breaks of a YAML block into paragraphs the terminal can wrap. */
export const reflow = (text: string) =>
  forTerminal(text)
    .trim()
    .replace(/(?<!\n)\n(?!\n)/g, ' ');

const bandColour = (band: Score['band'], t: ReturnType<typeof useTheme>) =>
  band === 'strong' ? t.good : band === 'adequate' ? t.accent : band === 'weak' ? t.warn : t.bad;

/** Lines of what is above the card kept in sight (the end of the answer), and the line Ink leaves for the cursor. */
const KEEP_ABOVE = 3;

/** The offset that stands for "where the example starts", worked out once the card is measured. */
const TO_EXAMPLE = -1;

/**
 * The keys under the card, in one line of the terminal's width: said in full where they fit, in
 * fewer words where they do not (an 80-column terminal), never wrapped onto a second line.
 */
export function cardKeys(columns: number, scroll: { above: boolean; below: boolean } | undefined, showExample: boolean): string {
  const where = scroll ? [scroll.above && 'more above', scroll.below && 'more below'].filter(Boolean).join(', ') : '';
  const forms = [
    [scroll && `↑↓ scroll (${where})`, showExample ? 'e hides the example' : 'e shows a strong example answer', 'Enter to continue'],
    [scroll && `↑↓ scroll (${where})`, showExample ? 'e hides it' : 'e: strong example', 'Enter: next'],
    [scroll && `↑↓ ${where}`, showExample ? 'e hides it' : 'e: example', 'Enter: next'],
    [scroll && `↑↓ ${where}`, 'e', 'Enter'],
    [scroll && '↑↓', 'e', 'Enter'],
  ].map((parts) => parts.filter(Boolean).join(' · '));
  return forms.find((f) => stringWidth(f) <= columns) ?? forms.at(-1)!;
}

/** The criteria with the drilled one first. */
function leading<T extends { id: string }>(criteria: readonly T[], first: string | undefined): T[] {
  const lead = criteria.filter((c) => c.id === first);
  return [...lead, ...criteria.filter((c) => c.id !== first)];
}

export function ScoreCard({ prompt, score, delivery, example, showExample, drill }: ScoreCardProps) {
  const theme = useTheme();
  const { rows, columns } = useTerminalSize();
  const summary = forTerminal(cardSummary(score));
  // The card never fills the terminal: Ink would then redraw from the top of the screen, and the
  // total and the end of the answer would scroll out of sight. Its criteria scroll inside it instead.
  const fixed = 1 + wrap(prompt, columns, '').length + 1 + wrap(summary, columns, '').length + 2;
  const room = rows === undefined ? undefined : Math.max(3, rows - fixed - KEEP_ABOVE - 1);
  const body = useRef<DOMElement>(null);
  const exampleBox = useRef<DOMElement>(null);
  const [height, setHeight] = useState(0);
  /** How far down the card the example starts, once it is laid out. */
  const [exampleAt, setExampleAt] = useState<number | undefined>(undefined);
  const [offset, setOffset] = useState(0);
  // Measured once Ink has laid the card out, again whenever what it holds or the width changes.
  useEffect(() => {
    if (!body.current) return;
    const whole = measureElement(body.current).height;
    setHeight(whole);
    setExampleAt(exampleBox.current ? whole - measureElement(exampleBox.current).height : undefined);
  }, [score, delivery, example, showExample, columns, drill]);
  const last = room === undefined ? 0 : Math.max(0, height - room);
  // Showing the example scrolls to its first line (its heading at the top of the view), not to its end.
  const at = (o: number) => Math.min(o === TO_EXAMPLE ? (exampleAt ?? last) : o, last);
  const shown = at(offset);
  const [exampleWas, setExampleWas] = useState(showExample);
  if (exampleWas !== showExample) {
    setExampleWas(showExample);
    if (showExample) setOffset(TO_EXAMPLE);
  }
  // From the offset as it stands, not as last drawn: keys that arrive together (a held arrow key,
  // a slow connection) each move the card a line.
  useKeys((intent) => {
    if (intent.kind !== 'edit' || room === undefined) return;
    const steps: Record<string, number> = { 'move-down': 1, 'move-up': -1, 'move-end': last, 'move-home': -last };
    const step = steps[intent.action.type];
    if (step) setOffset((o) => Math.max(0, Math.min(last, at(o) + step)));
  });
  const more = room !== undefined && height > room;
  // The facts a report shows of an answer come from its view; the coaching (what each level means, advice) from the score.
  const coaching = coachingOf(score);
  const view = answerView(score, quoted, delivery);
  return (
    <Box flexDirection="column" marginTop={1}>
      <Wrapped text={prompt} color={theme.muted} />
      <Text bold color={bandColour(view.band, theme)}>
        {view.total}/100 · {view.band}
      </Text>
      <Wrapped text={summary} />
      <Box flexDirection="column" overflow="hidden" {...(room !== undefined ? { height: Math.min(room, height || room) } : {})}>
        <Box ref={body} flexDirection="column" flexShrink={0} marginTop={-shown}>
          {leading(view.criteria, drill?.criterion).map((c) => (
            <Box key={c.id} flexDirection="column" marginTop={1}>
              {c.id === drill?.criterion && (
                <Text bold color={theme.accent}>
                  Drill · {againstBefore(c, drill.before)}
                </Text>
              )}
              <Text>
                <Text color={c.meetsBar ? theme.good : theme.warn}>{bar(c.level, c.maxLevel)}</Text> {c.level}/{c.maxLevel}{' '}
                <Text bold>{forTerminal(c.title)}</Text>
              </Text>
              {/* Each line under the criterion keeps its indent when it wraps: a quote's next line under its quote mark. */}
              <Wrapped text={coaching.anchor(c)} indent={1} color={theme.muted} />
              {distinctQuotes(c)
                .slice(0, 2)
                .map((quote, i) => (
                  <Wrapped key={i} text={`“${quote}”`} indent={1} hang={1} />
                ))}
              {toReach(view, c).length > 0 && <Wrapped lead="→ " text={toReach(view, c)[0]!} indent={1} hang={2} color={theme.warn} />}
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
            <Box ref={exampleBox} flexDirection="column" marginTop={1} borderStyle="round" paddingX={1}>
              <Text bold>A strong answer</Text>
              {/* Inside the border and its padding: four columns fewer than the terminal's. */}
              <Wrapped text={reflow(example)} width={Math.max(10, columns - 4)} />
            </Box>
          )}
        </Box>
      </Box>
      <Box marginTop={1}>
        <Text color={theme.muted}>{cardKeys(columns, more ? { above: shown > 0, below: shown < last } : undefined, showExample)}</Text>
      </Box>
    </Box>
  );
}
