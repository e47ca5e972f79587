import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gradeText } from '../../src/batch/grade.js';
import { gradeOptions } from '../../src/batch/options.js';
import { parseTranscripts } from '../../src/transcripts/detect.js';
import { TranscriptError } from '../../src/transcripts/types.js';

/** Parsing either gives transcripts or a TranscriptError with a reason; nothing else escapes. */
function parsesOrExplains(text: string): void {
  try {
    const ts = parseTranscripts(text);
    for (const t of ts) for (const turn of t.turns) expect(turn.line).toBeGreaterThanOrEqual(1);
  } catch (e) {
    if (!(e instanceof TranscriptError)) throw e;
    expect(e.message.length).toBeGreaterThan(0);
  }
}

// Pieces real transcripts are made of, shuffled into files that almost parse.
const piece = fc.oneof(
  fc.constantFrom('WEBVTT', 'NOTE x', '00:00:01.000 --> 00:00:02.000', '1', '00:00:01,000 --> 00:00:02,000', '', '<v Ann>', '</v>', 'Ann:', 'Q:', 'A:', 'Transcript', 'Attendees', 'Ann  0:15', '00:05:00', '{', '}', '[', ']', '"role"', '"content"', ':', ','),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
);
const almost = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join('\n'));

describe('no parser throws on arbitrary input', () => {
  it('arbitrary text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), parsesOrExplains), { numRuns: 400 });
  });

  it('text shaped like the formats', () => {
    fc.assert(fc.property(almost, parsesOrExplains), { numRuns: 600 });
  });

  it('arbitrary JSON, and arbitrary chat messages', () => {
    fc.assert(fc.property(fc.json(), parsesOrExplains), { numRuns: 300 });
    const message = fc.record({ role: fc.oneof(fc.constantFrom('user', 'assistant', 'system'), fc.anything()), content: fc.oneof(fc.string(), fc.anything()) }, { requiredKeys: [] });
    fc.assert(
      fc.property(fc.array(message, { maxLength: 6 }), fc.boolean(), (messages, wrap) => parsesOrExplains(JSON.stringify(wrap ? { messages } : messages))),
      { numRuns: 300 },
    );
  });

  it('the whole grading of a file never throws, it reports', () => {
    const opts = gradeOptions({ scenario: 'auto' });
    fc.assert(
      fc.property(fc.oneof(almost, fc.string({ maxLength: 300 })), (text) => {
        const { graded, failures } = gradeText('fuzz.txt', text, opts);
        expect(graded.length + failures.length).toBeGreaterThan(0);
        for (const f of failures) expect(f.reason).toBeTruthy();
      }),
      { numRuns: 300 },
    );
  });
});
