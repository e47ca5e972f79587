// Text that a spreadsheet would run as a formula (a file name, a speaker, a question) is written to
// `grade --format csv` as text: a leading quote, the field quoted, through the built CLI.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvCell } from '../../src/report/formats/csv.js';
import { rehearse } from '../helpers.js';

/** An Otter transcript named like a formula, whose speakers and second question start like formulas too. */
function formulaTranscript(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rehearse-csv-'));
  writeFileSync(
    join(dir, '=2+5.txt'),
    [
      '@Sam  0:00',
      'What is the most important KPI for a subscription product, and why?',
      '=Alex  0:05',
      'Net revenue retention, because it shows whether customers stay and grow, and that is what a subscription business lives on over the years.',
      '@Sam  0:30',
      '=HYPERLINK("http://example.com","y") Which launch did you enjoy most in your career?',
      '=Alex  0:35',
      'The first one.',
      '',
    ].join('\n'),
  );
  return dir;
}

/** The fields of one CSV line, quotes undone (no line breaks inside fields in these rows). */
function fields(line: string): string[] {
  const out: string[] = [];
  const re = /("(?:[^"]|"")*"|[^,]*)(?:,|$)/g;
  for (let m = re.exec(line); m && m.index < line.length; m = re.exec(line)) {
    const f = m[1]!;
    out.push(f.startsWith('"') ? f.slice(1, -1).replace(/""/g, '"') : f);
  }
  return out;
}

describe('CSV cells that would run as formulas', () => {
  it('a file, a speaker and a question starting with = or @ are written as quoted text with a leading quote', () => {
    const dir = formulaTranscript();
    const run = rehearse(['grade', '=2+5.txt', '--format', 'csv'], { cwd: dir });
    expect(run.stderr).not.toMatch(/\n\s+at /);
    const [head, ...rows] = run.stdout.trim().split('\n');
    const columns = head!.split(',');
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      const cell = Object.fromEntries(fields(row).map((v, i) => [columns[i], v]));
      expect(cell.file).toBe("'=2+5.txt");
      expect(cell.interviewer).toBe("'@Sam");
      expect(cell.candidate).toBe("'=Alex");
      // Raw, every text cell that starts with a formula character is quoted, the quote inside.
      expect(row).not.toMatch(/(^|,)[=+\-@]/);
      expect(row).not.toMatch(/(^|,)"[=+\-@]/);
    }
    const question = fields(rows[1]!)[columns.indexOf('prompt')];
    expect(question).toBe('\'=HYPERLINK("http://example.com","y") Which launch did you enjoy most in your career?');
    // The numbers of the graded row are still numbers.
    const graded = Object.fromEntries(fields(rows[0]!).map((v, i) => [columns[i], v]));
    expect(graded.line).toBe('2');
    expect(graded.total).toMatch(/^\d+$/);
  });

  it('--out writes the same neutralised cells to the file', () => {
    const dir = formulaTranscript();
    const out = join(dir, 'grades.csv');
    rehearse(['grade', '=2+5.txt', '--out', out], { cwd: dir });
    const text = readFileSync(out, 'utf8');
    expect(text).toContain(`"'=2+5.txt",1,,otter,"'@Sam","'=Alex",`);
    expect(text).not.toMatch(/(^|,)[=+\-@]/m);
  });

  it.each([
    ['=1+1', `"'=1+1"`],
    ['+1', `"'+1"`],
    ['-1', `"'-1"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\tx', `"'\tx"`],
    ['a=b', 'a=b'],
    ['plain, with comma', '"plain, with comma"'],
  ])('a text cell %j is written %s', (text, written) => {
    expect(csvCell(text)).toBe(written);
  });

  it('a negative number stays a number', () => {
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(-0.5)).toBe('-0.5');
    expect(csvCell(undefined)).toBe('');
  });
});
