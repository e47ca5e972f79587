// `rehearse grade` draws transcripts as a reader should see them: escape sequences in a file's
// name or in what was said reach neither the table, the Markdown, nor the failure lines.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gradeCommand } from '../../src/commands/grade.js';
import { captureIO } from '../support/capture-io.js';

/** What a terminal acts on, or that reorders text; \n and \t are the only controls allowed out. */
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

const GRADED = [
  'Ananya Rao: Hi Priya\x1b]0;pwned\x07, thanks for joining us today.',
  '',
  'Priya Nair: Thanks for having me.',
  '',
  'Ananya Rao: Tell us, what is the most important KPI for our product? And why?\x1b[0m',
  '',
  'Priya Nair: My north star would be \x1b]8;;http://evil.example\x1b\\monthly transacting merchants\x1b]8;;\x1b\\: the number of merchants',
  'who accept at least twenty UPI payments in a month\x9b2J. I would pick it over app downloads\u202e, because downloads say nothing',
  'about whether merchants trust us. It matters because merchants who transact every week are the ones we can lend to.',
].join('\n');

/** A question of no family, with a sequence in the middle of a word: not graded, and the failure quotes it. */
const UNGRADED = GRADED.replace('most important KPI for our product', 'best \x1b[1mlunch\x1b[0m spot near the office');

/** A folder of two transcripts, each with an escape sequence in its name. */
function folder(home: string): string {
  const dir = join(home, 'transcripts');
  mkdirSync(dir);
  writeFileSync(join(dir, 'kpi\x1b[31m.txt'), GRADED);
  writeFileSync(join(dir, 'odd\x1b]0;t\x07.txt'), UNGRADED);
  return dir;
}

describe('rehearse grade on transcripts with escape sequences', () => {
  it.each(['table', 'md'])('--format %s prints no control character but \\n and \\t', async (format) => {
    const io = captureIO();
    await gradeCommand([folder(io.home), '--format', format], io);
    const printed = io.stdout() + io.stderr();
    expect(printed).not.toMatch(CONTROL);
    expect(io.stdout()).toContain('kpi.txt');
    expect(io.stdout()).toContain('what is the most important KPI');
    // The transcript with nothing to grade is a failure line that quotes its question.
    expect(io.stderr()).toMatch(/odd\.txt:5: nothing to grade: .*"Tell us, what is the best lunch spot near the office\? And why\?"/);
  });
});
