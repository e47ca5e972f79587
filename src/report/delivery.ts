// The delivery figures as a short plain-text block: a heading, a line per figure, then the notes.
import { minutesAndSeconds, type Delivery } from '../delivery/delivery.js';
import { forTerminal } from '../terminal-text.js';

const LABELS = { pace: 'Pace', fillers: 'Fillers', pause: 'Longest pause', time: 'Time' };
const LABEL_WIDTH = Math.max(...Object.values(LABELS).map((l) => l.length));

const row = (label: string, value: string) => `  ${label.padEnd(LABEL_WIDTH)}  ${value}`;

function fillers(d: Delivery): string {
  const { count, perMinute, which } = d.fillers;
  if (count === 0) return 'none';
  return `${count} (${perMinute.toFixed(1)} a minute): ${which.map((w) => `${forTerminal(w.filler)} ×${w.count}`).join(', ')}`;
}

function pause(d: Delivery, p: NonNullable<Delivery['longestPause']>): string {
  // Segment timings hide the pauses inside a segment: the figure says what it measured.
  const where = d.timing === 'segments' ? ' between segments' : '';
  return `${p.seconds.toFixed(1)} s${where}, after "${forTerminal(p.after)}"`;
}

/** The block under a score: the heading first, so a report can set it as a title. */
export function deliveryLines(d: Delivery): string[] {
  const time = d.budget ? `${minutesAndSeconds(d.seconds)} of ${minutesAndSeconds(d.budget.seconds)}` : minutesAndSeconds(d.seconds);
  return [
    'Delivery (how it was said; not part of the score)',
    row(
      LABELS.pace,
      d.timing === 'turns'
        ? `at least ${d.wordsPerMinute} words a minute (only when each turn began is known)`
        : `${d.wordsPerMinute} words a minute`,
    ),
    row(LABELS.fillers, fillers(d)),
    ...(d.longestPause ? [row(LABELS.pause, pause(d, d.longestPause))] : []),
    row(LABELS.time, time),
    ...d.notes.map((n) => `  → ${forTerminal(n.text)}`),
  ];
}

/** The delivery in a few figures, for a line of a table or a summary: "152 wpm", "2.1 fillers/min", "pause 3.2 s". */
export function deliveryFigures(d: Delivery): string[] {
  return [
    `${d.timing === 'turns' ? '≥ ' : ''}${d.wordsPerMinute} wpm`,
    `${d.fillers.perMinute} fillers/min`,
    ...(d.longestPause ? [`pause ${d.longestPause.seconds} s`] : []),
  ];
}
