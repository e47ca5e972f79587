// How many workers a batch gets: the cores by default, as many as asked, with a note past the cores.
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { workerCount } from '../../src/batch/jobs.js';
import { rehearse } from '../helpers.js';

describe('workers for a batch', () => {
  it.each([
    // [asked, files, cores, jobs]
    [undefined, 1, 8, 1],
    [undefined, 100, 8, 1],
    [undefined, 400, 2, 2],
    [undefined, 5000, 8, 8],
    [undefined, 5000, 1, 1],
    [3, 10, 8, 3],
    [2, 10, 2, 2],
    // Never more workers than files.
    [16, 1, 2, 1],
  ] as const)('asked %s, %i files, %i cores: %i workers, no note', (asked, files, cores, jobs) => {
    expect(workerCount(asked, files, cores)).toEqual({ jobs });
  });

  it('more than the cores when asked, with a note saying so', () => {
    expect(workerCount(8, 100, 2)).toEqual({
      jobs: 8,
      note: "--jobs 8 is more than this machine's 2 cores: the workers take turns, so grading may be slower than with --jobs 2",
    });
  });

  it('the built CLI notes it on standard error and grades the same', () => {
    const more = String(availableParallelism() + 1);
    const files = [
      'test/fixtures/transcripts/interview.txt',
      'test/fixtures/transcripts/interview-otter.txt',
      'test/fixtures/transcripts/interview.srt',
    ];
    const asked = rehearse(['grade', ...files, '--format', 'csv', '--jobs', more]);
    const one = rehearse(['grade', ...files, '--format', 'csv', '--jobs', '1']);
    if (availableParallelism() < files.length) {
      expect(asked.stderr).toMatch(
        new RegExp(`^rehearse grade: --jobs ${more} is more than this machine's \\d+ cores?: the workers take turns`, 'm'),
      );
    }
    expect(asked.stdout).toBe(one.stdout);
    expect(one.stderr).not.toContain('--jobs');
    // Two runs of the CLI, one of them starting workers: slow on a busy machine.
  }, 60_000);
});
