// Every batch format renders the same view of a graded answer: a fact the view adds reaches each of
// them from one place (its remark in report/view.ts), with no format of its own to change.
import { describe, expect, it } from 'vitest';
import { OUTPUT_FORMATS } from '../../src/report/formats.js';
import { gradedAnswer, type GradedTranscript } from '../../src/report/graded.js';
import { BATCH_FORMATS, keep, summarise, type BatchFormat } from '../../src/report/output.js';
import { answerView, quotedIn, remarks } from '../../src/report/view.js';
import { aScore, criterion, evidence } from '../support/scores.js';
import type { Evidence } from '../../src/scoring/types.js';

const turns = [{ text: 'I would watch installs. Installs, installs.', line: 4 }];
const asked = {
  question: 'kpi-1',
  family: 'kpi',
  matchedBy: 'family' as const,
  prompt: 'Which metric matters most?',
  line: 3,
  followUps: 0,
};

/** One transcript of one answer, graded from the score given. */
function transcript(flags: Partial<ReturnType<typeof aScore>['flags']>): GradedTranscript {
  const score = aScore(12, {
    criteria: [criterion('Choice', 1, 3, { evidence: [evidence('I would watch installs')] }), criterion('Fit', 0, 2, { meetsBar: false })],
    flags: { listOnly: false, graderDirected: [], ...flags },
  });
  const answer = gradedAnswer(asked, answerView(score, quotedIn(turns)), turns);
  return {
    file: 'calls/ana.txt',
    conversation: 1,
    format: 'text',
    interviewer: 'Rui',
    candidate: 'Ana',
    setAside: [],
    total: answer.total,
    answers: [answer],
    unaligned: [],
    skipped: 0,
  };
}

/** A whole report in a format, as `grade` writes it for one transcript. */
function report(format: BatchFormat, t: GradedTranscript): string {
  const f = OUTPUT_FORMATS[format];
  const summary = summarise({ files: 1, transcripts: 1, answers: 1, points: t.total, failures: 0, ungraded: 0 });
  const body = [...f.render(t, 200)].join('');
  const rows = f.keepsRows ? [keep(t)] : [];
  // The table wraps long lines and HTML escapes quotes: compare with white space made one.
  return `${f.head(200)}${body ? `${f.separator?.(true) ?? ''}${body}` : ''}${f.tail({ summary, failures: [], rows }, 200)}`.replace(
    /\s+/g,
    ' ',
  );
}

const CASES = [
  ['a non-answer', { nonAnswer: 'too-short' as const }, { nonAnswer: 'too-short' }],
  ['an off-topic answer', { offTopic: true }, { offTopic: true }],
  [
    'text aimed at the grader',
    { graderDirected: [evidence('Installs, installs.')] as Evidence[] },
    { graderDirected: [{ quote: 'Installs, installs.', line: 4 }] },
  ],
] as const;

describe('a fact of the view in every format', () => {
  describe.each(CASES)('%s', (_name, flags, fields) => {
    const t = transcript(flags);
    const said = remarks(t.answers[0]!);

    it('has a remark of its own', () => {
      expect(said).toHaveLength(1);
      expect(remarks(transcript({}).answers[0]!)).toEqual([]);
    });

    it.each(BATCH_FORMATS.filter((f) => f !== 'json' && f !== 'jsonl'))('%s says it', (format) => {
      expect(report(format, t)).toContain(said[0]);
      expect(report(format, transcript({}))).not.toContain(said[0]);
    });

    it('json holds it as the view has it', () => {
      const json = JSON.parse(report('json', t)) as { transcripts: { answers: Record<string, unknown>[] }[] };
      expect(json.transcripts[0]!.answers[0]).toMatchObject(fields);
      const plain = JSON.parse(report('json', transcript({}))) as typeof json;
      for (const key of Object.keys(fields)) expect(plain.transcripts[0]!.answers[0]).not.toHaveProperty(key);
    });

    it("jsonl holds it as the view has it, on the transcript's line", () => {
      const line = JSON.parse(report('jsonl', t)) as { answers: Record<string, unknown>[] };
      expect(line.answers[0]).toMatchObject(fields);
    });
  });

  it('a non-answer lists nothing to reach, in CSV as on the score card', () => {
    expect(report('csv', transcript({ nonAnswer: 'too-short' }))).not.toContain('reach level');
    expect(report('csv', transcript({}))).toContain('reach level 1 of fit');
  });
});
