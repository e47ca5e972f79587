// Real-world shapes of a transcript, each a fixture written for this test, with what grading it
// must do: who is who, which questions are graded, or the one-line reason it is refused.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gradeOptions } from '../../src/batch/options.js';
import { gradeText } from '../../src/batch/grade.js';
import { fixture } from '../helpers.js';
import { readLabel } from '../../src/transcripts/labels.js';

const opts = gradeOptions({ scenario: 'auto' });
const grade = (name: string) => gradeText(name, readFileSync(fixture(`transcript-shapes/${name}`), 'utf8'), opts);

interface Graded {
  interviewer: string;
  candidate: string;
  families: string[];
  setAside?: string[];
}

const graded: [string, Graded][] = [
  ['speaker-digits.txt', { interviewer: 'Speaker 1', candidate: 'Speaker 2', families: ['kpi', 'incentives'] }],
  ['lowercase-names.txt', { interviewer: 'maya l', candidate: 'tomás o', families: ['kpi', 'incentives'] }],
  ['markdown-bold.md', { interviewer: 'Interviewer', candidate: 'Candidate', families: ['kpi', 'incentives'] }],
  ['markdown-bold-times.md', { interviewer: 'Maya', candidate: 'Tomás', families: ['kpi', 'incentives'] }],
  ['bullets.md', { interviewer: 'Interviewer', candidate: 'Candidate', families: ['kpi', 'incentives'] }],
  ['emoji.txt', { interviewer: 'Interviewer', candidate: 'Candidate', families: ['kpi', 'incentives'] }],
  ['time-after-name.txt', { interviewer: 'Maya', candidate: 'Tomás', families: ['kpi', 'incentives'] }],
  ['leading-time.txt', { interviewer: 'Maya', candidate: 'Tomás', families: ['kpi', 'incentives'] }],
  ['zoom-web-copy.txt', { interviewer: 'Maya Lin', candidate: 'Tomás Ortega', families: ['kpi', 'incentives'] }],
  // The host asked three questions; the guest's one stray "today?" does not make him the interviewer.
  ['host-and-guest.txt', { interviewer: 'Ana', candidate: 'Ben', families: ['kpi', 'shortfall', 'incentives'] }],
  // Full-width colons, range times before each label, labels alone on their line.
  ['full-width.txt', { interviewer: 'Interviewer', candidate: 'Candidate', families: ['kpi', 'incentives'] }],
  ['range-times.txt', { interviewer: 'Interviewer', candidate: 'Candidate', families: ['kpi', 'incentives'] }],
  ['labels-alone.md', { interviewer: 'maya', candidate: 'tomas', families: ['kpi', 'incentives'] }],
  // JSON turn lists that name each side: interviewer/candidate, host/guest (with names), Q/A.
  ['turns-roles.json', { interviewer: 'Interviewer', candidate: 'Candidate', families: ['kpi', 'incentives'] }],
  ['turns-host-guest.json', { interviewer: 'Maya', candidate: 'Tomás', families: ['kpi', 'incentives'] }],
  ['turns-qa.json', { interviewer: 'Interviewer', candidate: 'Candidate', families: ['kpi', 'incentives'] }],
  // "[Name] 14:00:15 text": the name in brackets and a time before the words, no colon.
  ['bracketed-names.txt', { interviewer: 'Maya Lin', candidate: 'Tomás Ortega', families: ['kpi', 'incentives'] }],
  ['three-people.txt', { interviewer: 'Maya Lin', candidate: 'tomás ortega', families: ['kpi', 'incentives'], setAside: ['Sam Rivera'] }],
];

const refused: [string, RegExp][] = [
  ['header-block.txt', /^a document, not a conversation/],
  ['meeting-summary.md', /^a document, not a conversation/],
  ['subtitles-no-speakers.srt', /^subtitles with no speaker names/],
];

describe('real-world transcript shapes', () => {
  it.each(graded)('%s: who is who, and which questions are graded', (name, want) => {
    const { graded: out, failures } = grade(name);
    expect(failures).toEqual([]);
    expect(out).toHaveLength(1);
    const t = out[0]!;
    expect({
      interviewer: t.interviewer,
      candidate: t.candidate,
      families: t.answers.map((a) => a.family),
      ...(want.setAside ? { setAside: t.setAside } : {}),
    }).toEqual(want);
    // Evidence quotes the file at the line it names.
    const lines = readFileSync(fixture(`transcript-shapes/${name}`), 'utf8').split('\n');
    for (const e of t.answers.flatMap((a) => a.criteria.flatMap((c) => c.evidence))) expect(lines[e.line - 1]).toContain(e.quote);
  });

  it.each(refused)('%s is refused with its own reason, on one line', (name, reason) => {
    const { graded: out, failures } = grade(name);
    expect(out).toEqual([]);
    expect(failures).toHaveLength(1);
    expect(failures[0]!.reason).toMatch(reason);
    expect(failures[0]!.reason).not.toContain('\n');
  });
});

describe('"[Name] 14:00:15 text" lines', () => {
  it.each([
    [
      '[Maya Lin] 14:00:40 which number would you run it by?',
      { label: 'Maya Lin', text: 'which number would you run it by?', start: 50440 },
    ],
    ['[Tomás] 0:41 the monthly close', { label: 'Tomás', text: 'the monthly close', start: 41 }],
    // A turn left empty is still a turn.
    ['[Maya Lin] 14:04:06', { label: 'Maya Lin', text: '', start: 50646 }],
  ])('%j is read as a speaker’s turn', (line, want) => {
    expect(readLabel(line)).toEqual(want);
  });

  it.each(['[Laughter] 00:12:01 so the metric we chose', '[Music] 0:00 welcome back', '[x] 09:00 call finance', '[X] 10:00 send the deck'])(
    '%j is a note or a checklist box, not a speaker',
    (line) => {
      expect(readLabel(line)).toBeUndefined();
    },
  );
});
