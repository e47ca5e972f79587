// Delivery figures in `rehearse grade`: a timed transcript's answers get pace, fillers and pauses,
// worked out here by hand from the cues of a WebVTT interview, and every format shows them.
import { describe, expect, it } from 'vitest';
import { gradeOptions } from '../../src/batch/options.js';
import { gradeText } from '../../src/batch/grade.js';
import { itemText, processFile } from '../../src/batch/process.js';
import { deliveryLines } from '../../src/report/delivery.js';
import { csvHead } from '../../src/report/formats/csv.js';
import { escapeHtml, html } from '../../src/report/formats/html.js';
import type { GradedTranscript } from '../../src/report/graded.js';
import type { BatchFormat, Summary } from '../../src/report/output.js';
import { fixture } from '../helpers.js';

const SPOKEN = fixture('transcripts/spoken-interview.vtt');
const opts = gradeOptions({ scenario: 'auto' });
/** The first transcript of a file as a format renders it. */
const first = (file: string, format: BatchFormat, width?: number) => itemText(processFile(file, format, opts, width).items[0]!);
const graded = (file: string) => JSON.parse(first(file, 'json')) as GradedTranscript;

/** CSV rows as cells by column name (no cell of these files holds a line break, so a row is a line). */
function csvByColumn(file: string): Record<string, string>[] {
  const head = csvHead().trim().split(',');
  const rows = processFile(file, 'csv', opts).items.map(itemText).join('').trim().split('\n');
  return rows.map((row) => {
    const cells = [...row.matchAll(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)].map((m) => m[1]!.replace(/^"|"$/g, '').replace(/""/g, '"'));
    return Object.fromEntries(head.map((h, i) => [h, cells[i]!]));
  });
}

describe('a WebVTT interview with a fast, filler-heavy answer and a calm one', () => {
  it('the JSON has the delivery figures worked out by hand from the cues', () => {
    const t = graded(SPOKEN);
    expect(t.answers.map((a) => a.question)).toEqual(['kpi-1', 'metrics-1']);
    const [fast, calm] = t.answers.map((a) => a.delivery);
    // Three cues, 14.0–22.0, 22.4–30.0 and 30.3–38.0 (81 words), then the answer to "Why that one
    // and not revenue?", 42.0–48.0 (14 words): 24 s + 6 s, as the follow-up question between them
    // is not the candidate's time. 95 words in 30 s; um ×4, then "you know" and uh once each, in the order said.
    expect(fast).toEqual({
      timing: 'segments',
      seconds: 30,
      words: 95,
      wordsPerMinute: 190,
      fillers: {
        count: 6,
        perMinute: 12,
        which: [
          { filler: 'um', count: 4 },
          { filler: 'you know', count: 1 },
          { filler: 'uh', count: 1 },
        ],
      },
      longestPause: { seconds: expect.closeTo(0.4, 6), after: expect.stringMatching(/each week\.?$/) },
      notes: [expect.objectContaining({ figure: 'pace' }), expect.objectContaining({ figure: 'fillers' })],
    });
    // Three cues, 56.0–66.0, 68.5–76.0 and 77.0–86.0: 70 words in 30 s, one "um", a 2.5 s pause
    // after the first cue; every figure comfortable, so no note.
    expect(calm).toEqual({
      timing: 'segments',
      seconds: 30,
      words: 70,
      wordsPerMinute: 140,
      fillers: { count: 1, perMinute: 2, which: [{ filler: 'um', count: 1 }] },
      longestPause: { seconds: 2.5, after: expect.stringMatching(/shows up in churn\.?$/) },
      notes: [],
    });
    expect(fast).not.toHaveProperty('budget');
  });

  it('the CSV has the delivery columns before the note', () => {
    expect(csvHead().trim().split(',').slice(-4)).toEqual(['wpm', 'fillers_per_min', 'longest_pause_s', 'note']);
    expect(csvByColumn(SPOKEN).map((r) => [r.question, r.wpm, r.fillers_per_min, r.longest_pause_s, r.note])).toEqual([
      ['kpi-1', '190', '12', '0.4', ''],
      ['metrics-1', '140', '2', '2.5', ''],
    ]);
  });

  it('Markdown shows each timed answer’s delivery block under the table', () => {
    const t = graded(SPOKEN);
    const md = first(SPOKEN, 'md');
    for (const a of t.answers) {
      expect(md).toContain(`Line ${a.line}, “${a.prompt}”:\n\n\`\`\`text\n${deliveryLines(a.delivery!).join('\n')}\n\`\`\`\n`);
    }
    expect(md.indexOf('```')).toBeGreaterThan(md.indexOf('| Line | Question |'));
  });

  it('the HTML page shows the same block, escaped, under each timed answer’s row', () => {
    const t = graded(SPOKEN);
    const outcome = processFile(SPOKEN, 'html', opts);
    const summary: Summary = { files: 1, transcripts: 1, answers: 2, failures: 0, ungraded: 0, meanAnswer: t.total };
    const page = html(outcome.kept, [], summary);
    for (const a of t.answers) {
      expect(page).toContain(
        `<tr class="delivery"><td></td><td colspan="5"><pre>${escapeHtml(deliveryLines(a.delivery!).join('\n'))}</pre></td></tr>`,
      );
    }
  });

  it.each([
    [100, [['delivery: 190 wpm · 12 fillers/min · pause 0.4 s'], ['delivery: 140 wpm · 2 fillers/min · pause 2.5 s']]],
    // Narrow: lines break between figures, never inside one.
    [
      60,
      [
        ['delivery: 190 wpm ·', '12 fillers/min · pause 0.4 s'],
        ['delivery: 140 wpm ·', '2 fillers/min · pause 2.5 s'],
      ],
    ],
  ])('the table has the figures under each timed answer, wrapped to the width (%i)', (width, expected) => {
    const rows = first(SPOKEN, 'table', width).trimEnd().split('\n');
    expect(rows.filter((r) => r.startsWith(' ')).every((r) => r.length <= width)).toBe(true);
    // Each answer's row and the lines under it.
    const under = rows
      .join('\n')
      .split(/\n(?! )/)
      .map((b) =>
        b
          .split('\n')
          .slice(1)
          .map((l) => l.trim()),
      );
    expect(under).toEqual(expected);
  });
});

describe('transcripts without times, or with some', () => {
  it('a transcript without times has no delivery in any format', () => {
    const plain = fixture('transcripts/interview.txt');
    expect(graded(plain).answers.every((a) => !('delivery' in a))).toBe(true);
    expect(csvByColumn(plain).every((r) => r.wpm === '' && r.fillers_per_min === '' && r.longest_pause_s === '')).toBe(true);
    expect(first(plain, 'md')).not.toContain('```');
    expect(first(plain, 'table')).not.toContain('delivery:');
    expect(
      html(processFile(plain, 'html', opts).kept, [], { files: 1, transcripts: 1, answers: 3, failures: 0, ungraded: 0 }),
    ).not.toContain('class="delivery"');
  });

  it('Otter: an answer that runs until the next turn is measured; the last turn of the file, with no end, is not', () => {
    const otter = [
      'Rosa Lind  0:02',
      'What is the most important metric for a language learning app, and why?',
      '',
      'Ken Ito  0:08',
      'Um, lessons finished per week, because a learner who finishes lessons comes back, and that is what keeps them paying for the whole year.',
      '',
      'Rosa Lind  0:20',
      'What guardrail metrics would you watch alongside it?',
      '',
      'Ken Ito  0:26',
      'Refunds in the first week, and how many learners turn off their reminders.',
    ].join('\n');
    const [t] = gradeText('call.txt', otter, opts).graded;
    expect(t!.answers.map((a) => [a.question, a.delivery?.seconds, a.delivery?.words, a.delivery?.wordsPerMinute])).toEqual([
      // 0:08 to 0:20, 24 words.
      ['kpi-1', 12, 24, 120],
      ['metrics-1', undefined, undefined, undefined],
    ]);
  });
});
