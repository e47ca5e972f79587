// What export tools add to a transcript is left out of the answers: Meet's closing lines, Zoom's
// avatar captions, times inside the text, Otter's catch-all speaker. Evidence still quotes the file.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gradeOptions } from '../../src/batch/options.js';
import { gradeText } from '../../src/batch/grade.js';
import { fixture } from '../helpers.js';

const opts = gradeOptions({ scenario: 'auto' });

const cases: [string, { interviewer: string; candidate: string; families: string[]; never: RegExp }][] = [
  [
    'meet-trailer.txt',
    {
      interviewer: 'Lena Park',
      candidate: 'Omar Haddad',
      families: ['kpi', 'incentives'],
      never: /Transcription ended|editable transcript/,
    },
  ],
  ['zoom-avatars.txt', { interviewer: 'Lena Park', candidate: 'Omar Haddad', families: ['kpi', 'incentives'], never: /user avatar/ }],
  [
    'podcast-inline-times.txt',
    { interviewer: 'Lena Park', candidate: 'Omar Haddad', families: ['kpi', 'incentives'], never: /\(00:\d\d:\d\d\)/ },
  ],
  // The catch-all speaker said the most, but a named one answers: the named one is the candidate.
  [
    'otter-unknown.txt',
    { interviewer: 'Lena Park', candidate: 'Omar Haddad', families: ['kpi', 'incentives'], never: /shopping list part/ },
  ],
];

describe('export boilerplate', () => {
  it.each(cases)('%s: only the candidate’s words are graded', (name, want) => {
    const text = readFileSync(fixture(`exports/${name}`), 'utf8');
    const { graded, failures } = gradeText(name, text, opts);
    expect(failures).toEqual([]);
    const t = graded[0]!;
    expect({ interviewer: t.interviewer, candidate: t.candidate, families: t.answers.map((a) => a.family) }).toMatchObject({
      interviewer: want.interviewer,
      candidate: want.candidate,
      families: want.families,
    });
    for (const a of t.answers) for (const x of a.answers) expect(x.text).not.toMatch(want.never);
    // Evidence quotes the file at the line it names.
    const lines = text.split('\n');
    const evidence = t.answers.flatMap((a) => a.criteria.flatMap((c) => c.evidence));
    expect(evidence.length).toBeGreaterThan(0);
    for (const e of evidence) expect(lines[e.line - 1]).toContain(e.quote);
  });
});
