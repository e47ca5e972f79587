// runBatch over a stream of tasks: outcomes in the tasks' order, failures counted, and kept only
// for a format that lists them at the end, so a long stream of bad lines holds no list of them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runBatch } from '../../src/batch/run.js';
import type { Task } from '../../src/batch/task.js';
import { fixture } from '../helpers.js';

const [first] = readFileSync(fixture('transcripts/interviews.jsonl'), 'utf8').split('\n') as [string];

async function* stream(): AsyncGenerator<Task> {
  for (let i = 1; i <= 6; i++) {
    const text = i % 2 ? `{"id":"c${i}",${first.slice(1)}` : `{"id":"c${i}","messages":"none"}`;
    yield { kind: 'line', file: '<stdin>', line: i, conversation: i, text };
  }
}

describe('runBatch over a stream', () => {
  it.each([
    ['jsonl', 0],
    ['json', 3],
  ] as const)(
    '--format %s: outcomes in order, 3 failures counted, %i kept',
    async (format, kept) => {
      const seen: string[] = [];
      const result = await runBatch(stream(), undefined, { scenario: 'auto' }, format, 1, {
        onOutcome: (task, outcome) => {
          if (task.kind === 'line') seen.push(`${task.line}:${outcome.transcripts ? 'graded' : 'failed'}`);
        },
      });
      expect(seen).toEqual(['1:graded', '2:failed', '3:graded', '4:failed', '5:graded', '6:failed']);
      expect(result).toMatchObject({ transcripts: 3, failed: 3 });
      expect(result.failures).toHaveLength(kept);
    },
    60_000,
  );
});
