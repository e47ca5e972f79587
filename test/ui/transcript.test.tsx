// A resumed session is drawn as a reader should see it: what its stored turns hold never acts on
// the terminal, and the words around it stay.
import React from 'react';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { newSession, type Session, type Turn } from '../../src/interview/session.js';
import { NO_COLOURS, ThemeContext } from '../../src/ui/theme.js';
import { Transcript } from '../../src/ui/Transcript.js';

/** What a terminal acts on, or that reorders text; \n and \t are the only controls allowed out. */
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

const at = '2026-01-01T10:00:00Z';
const turn = (role: Turn['role'], kind: Turn['kind'], text: string): Turn => ({ role, kind, questionId: 'kpi', text, at });

function storedSession(): Session {
  return {
    ...newSession({ id: 'hostile', scenario: { id: 'shedshare', title: 'Shedshare' }, mode: 'practice', at }),
    phase: 'asking',
    turns: [
      turn('interviewer', 'question', 'Which metric \x1b[31mmatters\x1b[0m most?'),
      turn('candidate', 'answer', 'Members who borrow\x1b]0;title\x07 every month.\nThey renew.'),
      turn('interviewer', 'probe', 'How would you \x1b]8;;http://evil.example\x1b\\count\x1b]8;;\x1b\\ them?\u202e'),
      turn('candidate', 'answer', 'Once a month\x9b2J, per building\x00\x07.'),
      turn('system', 'notice', 'The LLM failed: \x1b[2J\x1b[Hbad gateway'),
    ],
  };
}

describe('Transcript', () => {
  it('draws stored answers, probes and notices without their escape sequences', () => {
    const r = render(
      <ThemeContext.Provider value={NO_COLOURS}>
        <Transcript session={storedSession()} interviewer={'Inês\x1b]0;x\x07'} />
      </ThemeContext.Provider>,
    );
    const drawn = r.frames.join('');
    r.unmount();
    expect(drawn).not.toContain('\x1b');
    expect(drawn).not.toMatch(CONTROL);
    expect(drawn).toContain('Inês: Which metric matters most?');
    expect(drawn).toContain('You: Members who borrow every month.\n     They renew.');
    expect(drawn).toContain('Inês follows up: How would you count them?');
    expect(drawn).toContain('Once a month, per building.');
    expect(drawn).toContain('The LLM failed: bad gateway');
  });
});

describe('Transcript, read as a person would', () => {
  it('"Resumed." is not drawn as answer text: answers are the candidate\'s, a notice is marked as the interview\'s', () => {
    const session: Session = {
      ...newSession({ id: 'r', scenario: { id: 'shedshare', title: 'Shedshare' }, mode: 'practice', at }),
      phase: 'asking',
      turns: [
        turn('interviewer', 'question', 'Which metric matters most?'),
        turn('candidate', 'answer', 'Members who borrow every month.'),
        { ...turn('system', 'notice', 'Resumed.'), notice: 'resumed' },
        turn('candidate', 'answer', 'They renew.'),
      ],
    };
    const r = render(
      <ThemeContext.Provider value={NO_COLOURS}>
        <Transcript session={session} interviewer="Inês" />
      </ThemeContext.Provider>,
    );
    const lines = r.lastFrame()!.split('\n');
    r.unmount();
    const answer = lines.find((l) => l.includes('Members who borrow'))!;
    const resumed = lines.find((l) => /resumed/i.test(l))!;
    const lead = (line: string, text: RegExp) => line.slice(0, line.search(text));
    expect(lead(answer, /Members/)).toMatch(/\S/); // the answer says whose it is
    expect(lead(resumed, /resumed/i)).not.toBe(lead(answer, /Members/));
    expect(resumed).not.toMatch(/^\s*Resumed\.\s*$/);
  });
});

describe('Transcript, in a narrow terminal', () => {
  it('wraps a long answer between its indent and the edge, never breaking a word', () => {
    const words =
      'Weekly paying merchants rose from 112% to 101%, a contribution margin we track closely across every region and cohort we serve'.split(
        ' ',
      );
    const session: Session = {
      ...newSession({ id: 'w', scenario: { id: 'shedshare', title: 'Shedshare' }, mode: 'practice', at }),
      phase: 'asking',
      turns: [turn('interviewer', 'question', 'Which metric matters most?'), turn('candidate', 'answer', words.join(' '))],
    };
    const r = render(
      <ThemeContext.Provider value={NO_COLOURS}>
        <Transcript session={session} interviewer="Inês" />
      </ThemeContext.Provider>,
    );
    const lines = r
      .lastFrame()!
      .split('\n')
      .filter((l) => l.trim() && !l.startsWith('Inês'));
    r.unmount();
    // ink-testing-library draws 100 columns.
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(100);
    // Under the text, never a column further: a line does not start with the space it broke at.
    for (const l of lines.slice(1)) expect(l).toMatch(/^ {5}\S/u);
    const drawn = lines.map((l, i) => (i === 0 ? l.replace(/^You:\s*/u, '') : l.trim())).join(' ');
    expect(drawn.split(/\s+/u)).toEqual(words);
  });
});

describe('Transcript, a long answer', () => {
  it('takes the lines its text needs, with no run of empty lines after it that would push it out of sight', () => {
    const answer = Array.from({ length: 12 }, (_, i) => `Point ${i + 1}: we would check the weekly cohort before we change the plan.`).join(
      ' ',
    );
    const session: Session = {
      ...newSession({ id: 'l', scenario: { id: 'shedshare', title: 'Shedshare' }, mode: 'practice', at }),
      phase: 'asking',
      turns: [turn('interviewer', 'question', 'Which metric matters most?'), turn('candidate', 'answer', answer)],
    };
    const r = render(
      <ThemeContext.Provider value={NO_COLOURS}>
        <Transcript session={session} interviewer="Inês" />
      </ThemeContext.Provider>,
    );
    const frames = [...r.frames];
    r.unmount();
    // About 900 characters in 100 columns: ten lines or so, each with text, and nothing after the last.
    const drawn = frames.find((f) => f.includes('Point 12'))!.replace(/\n+$/u, '');
    expect(drawn.split('\n').length).toBeLessThanOrEqual(14);
    expect(drawn.split('\n').at(-1)).toContain('before we change the plan.');
    for (const f of frames) expect(f).not.toMatch(/\n[ \t]*\n[ \t]*\n/u);
  });
});
