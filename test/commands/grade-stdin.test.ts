// `rehearse grade -` in this process: a terminal is not a stream, and what a line says (its id,
// its words) reaches neither standard error nor the JSON Lines as something a terminal acts on.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gradeCommand } from '../../src/commands/grade.js';
import { UsageError } from '../../src/errors.js';
import { captureIO } from '../support/capture-io.js';
import { fixture } from '../helpers.js';

const [first] = readFileSync(fixture('transcripts/interviews.jsonl'), 'utf8').split('\n') as [string];

describe('grade - in process', () => {
  it('standard input that is a terminal is a usage error, not a wait', async () => {
    await expect(gradeCommand(['-'], captureIO())).rejects.toThrow(
      new UsageError('standard input is a terminal: pipe transcripts in (JSON Lines, a conversation a line, or one transcript)'),
    );
  });

  it('an id with escape sequences is echoed as JSON escapes, and drawn safe on standard error', async () => {
    const id = 'c\x1b]0;pwned\x07-\x9b2J-\u202e1';
    const bad = JSON.stringify({ id, messages: [{ content: 'no role' }] });
    const io = captureIO(`${`{"id":${JSON.stringify(id)},${first.slice(1)}`}\n${bad}\n`);
    expect(await gradeCommand(['-', '--format', 'jsonl'], io)).toBe(1);
    const lines = io.stdout().trim().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as { id: string }).id)).toEqual([id, id]);
    expect(io.stdout()).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/);
    expect(io.stderr()).toMatch(/^standard input:2 \(id "c.*1"\): message 1 has no "role" or "speaker"\n$/);
    expect(io.stderr()).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/);
  });
});
