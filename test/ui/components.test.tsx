// The screens drawn to a fake terminal, and the whole app driven by keys through a fake stdin.
import React from 'react';
import chalk from 'chalk';
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadCatalog } from '../../src/scenario/catalog.js';
import { loadScenario } from '../../src/scenario/load.js';
import { newSession, type Session } from '../../src/interview/session.js';
import { offlineWriter } from '../../src/probes/offline.js';
import { buildReport } from '../../src/report/build.js';
import { score } from '../../src/scoring/score.js';
import { countWords } from '../../src/text/text.js';
import { App, type AppProps } from '../../src/ui/App.js';
import { editorReducer, type EditorState } from '../../src/ui/editor-state.js';
import { EditorView } from '../../src/ui/EditorView.js';
import { Intro } from '../../src/ui/Intro.js';
import type { Outcome } from '../../src/ui/InterviewFlow.js';
import { QuestionScreen } from '../../src/ui/QuestionScreen.js';
import { ReportView } from '../../src/ui/ReportView.js';
import { ScenarioPicker } from '../../src/ui/ScenarioPicker.js';
import { cardKeys, ScoreCard } from '../../src/ui/ScoreCard.js';
import { NO_COLOURS, ThemeContext } from '../../src/ui/theme.js';
import { fixture } from '../helpers.js';

// Scenarios written for the tests, so tuning the shipped ones cannot break a UI test.
const FIXTURES = fixture('scenarios/good');
const shedshare = loadScenario(fixture('scenarios/good/interview.yaml'));
const catalog = () => loadCatalog({ dirs: [FIXTURES] });
const clock = () => new Date('2026-01-01T10:00:30Z');

/** Waits until the last frame satisfies the test, or fails with that frame. */
async function frameWith(get: () => string | undefined, test: (frame: string) => boolean, ms = 3000): Promise<string> {
  const until = Date.now() + ms;
  for (;;) {
    const frame = get() ?? '';
    if (test(frame)) return frame;
    if (Date.now() > until) throw new Error(`timed out waiting; last frame:\n${frame}`);
    await new Promise((r) => setTimeout(r, 15));
  }
}

let cleanup: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanup) c();
  cleanup = [];
});
const themed = (node: React.ReactElement) => <ThemeContext.Provider value={NO_COLOURS}>{node}</ThemeContext.Provider>;
function mount(node: React.ReactElement) {
  const r = render(themed(node));
  cleanup.push(r.unmount);
  return r;
}

/** The whole app, as the launcher renders it, with an offline interviewer and a clock that ticks a second a call. */
function app(onExit: (o: Outcome) => void, mode: 'practice' | 'interview' = 'practice', start?: AppProps['start']) {
  const saved: Session[] = [];
  const created: string[] = [];
  let t = Date.parse('2026-01-01T10:00:00Z');
  const r = render(
    <App
      scenarios={catalog()}
      {...(start ? { start } : {})}
      options={{ mode }}
      world={{
        engine: { writers: { offline: offlineWriter }, save: (s) => saved.push(s), now: () => new Date((t += 1000)) },
        newId: (_, scenarioId) => {
          created.push(scenarioId);
          return 'ui-test';
        },
        report: (s, l) => ({ report: buildReport(s, l.scenario), path: '/tmp/ui-test.report.md' }),
        rescue: () => undefined,
      }}
      onExit={onExit}
      color={false}
    />,
  );
  cleanup.push(r.unmount);
  return { r, saved, created };
}

/** The picker is drawn, so the keys are listened to (they are subscribed in the commit that draws it). */
const picker = (r: ReturnType<typeof render>) => frameWith(r.lastFrame, (f) => f.includes('Choose an interview'));
const answersIn = (saved: Session[]) => saved.at(-1)?.turns.filter((t) => t.kind === 'answer') ?? [];

describe('ScenarioPicker', () => {
  const choices = catalog().map((s) => ({
    id: s.scenario.id,
    title: s.scenario.title,
    summary: s.scenario.summary,
    questions: s.scenario.questions.length,
  }));

  it('lists every scenario with its title and one-line description', () => {
    const frame = mount(<ScenarioPicker scenarios={choices} selected={0} />).lastFrame()!;
    for (const c of choices) {
      expect(frame).toContain(c.title);
      expect(frame).toContain(c.summary.slice(0, 30));
    }
    expect(frame).toMatch(/› 1\./);
    expect(mount(<ScenarioPicker scenarios={choices} selected={1} />).lastFrame()).toMatch(/› 2\./);
  });

  it('moves with the arrow keys and picks with Enter, even when keys come faster than renders', async () => {
    const { r } = app(() => {});
    await picker(r);
    r.stdin.write('\x1b[B');
    r.stdin.write('\r');
    const intro = await frameWith(r.lastFrame, (f) => f.includes('Press Enter to begin'));
    expect(intro).toContain(choices[1]!.title);
  });

  it('picks by number', async () => {
    const { r } = app(() => {});
    await picker(r);
    r.stdin.write('2');
    const intro = await frameWith(r.lastFrame, (f) => f.includes('Press Enter to begin'));
    expect(intro).toContain(choices[1]!.title);
  });
});

describe('Intro', () => {
  const { scenario } = shedshare;

  it('a drill says first what it works on: the criterion by its title, and its family', () => {
    const q = scenario.questions[0]!;
    const c = shedshare.rubrics[q.id]!.criteria[0]!;
    const r = render(
      <App
        scenarios={catalog()}
        start={{ loaded: shedshare }}
        options={{ mode: 'practice', drill: { criterion: c.id, family: shedshare.rubrics[q.id]!.family, questionId: q.id } }}
        world={{
          engine: { writers: { offline: offlineWriter }, save: () => {}, now: clock },
          newId: () => 'ui-drill',
          report: (s, l) => ({ report: buildReport(s, l.scenario), path: '/tmp/ui-drill.report.md' }),
          rescue: () => undefined,
        }}
        onExit={() => {}}
        color={false}
      />,
    );
    cleanup.push(r.unmount);
    const first = r.lastFrame()!.split('\n')[0]!;
    expect(first).toBe(`Drill on ${c.title} (${shedshare.rubrics[q.id]!.family}): one question, then follow-ups on that criterion.`);
    expect(mount(<Intro scenario={scenario} mode="practice" />).lastFrame()!).not.toContain('Drill on');
    // With no follow-ups to come (--probes 0), it promises none.
    const none = mount(
      <Intro scenario={scenario} mode="practice" drill={{ criterion: c.title, family: 'kpi', probes: false }} />,
    ).lastFrame()!;
    expect(none.split('\n')[0]).toBe(`Drill on ${c.title} (kpi): one question on it.`);
  });

  it('a drilled question that builds on an earlier one says that one first, as the interview would have asked it', () => {
    const q = scenario.questions[0]!;
    const c = shedshare.rubrics[q.id]!.criteria[0]!;
    const frame = mount(
      <Intro
        scenario={scenario}
        mode="practice"
        drill={{ criterion: c.title, family: 'kpi', probes: true, follows: 'Which number would you steer by?' }}
      />,
    ).lastFrame()!;
    const lines = frame.split('\n');
    expect(lines[0]).toMatch(/^Drill on /u);
    expect(lines.slice(1).join(' ')).toMatch(
      /^In the interview it comes after: “Which number would you steer by\?” Answer as if you had answered that one\./u,
    );
    expect(
      mount(<Intro scenario={scenario} mode="practice" drill={{ criterion: c.title, family: 'kpi', probes: true }} />).lastFrame(),
    ).not.toContain('comes after');
  });

  it('shows the company, role, interviewer, the number of questions and the keys; Enter starts', async () => {
    const frame = mount(<Intro scenario={scenario} mode="practice" />).lastFrame()!;
    expect(frame).toContain(scenario.company.name);
    expect(frame).toContain(scenario.role);
    expect(frame).toContain(scenario.interviewer.name);
    expect(frame).toContain(`${scenario.questions.length} questions`);
    expect(frame).toContain('Ctrl+D submits');
    const { r, created } = app(() => {}, 'practice', { loaded: shedshare });
    await frameWith(r.lastFrame, (f) => f.includes('Press Enter to begin'));
    r.stdin.write('\r');
    await frameWith(r.lastFrame, (f) => f.includes(`Question 1 of ${scenario.questions.length}`));
    expect(created).toEqual([scenario.id]);
  });
});

describe('QuestionScreen', () => {
  const { scenario } = shedshare;
  const second = scenario.questions[1]!;
  const asked = (): Session => ({
    ...newSession({ id: 's', scenario: { id: scenario.id, title: 'x' }, mode: 'practice', at: '2026-01-01T10:00:00Z' }),
    phase: 'answering',
    questionIndex: 1,
    questionStartedAt: '2026-01-01T10:00:00Z',
    turns: [{ role: 'interviewer', kind: 'question', questionId: second.id, text: second.prompt, at: '2026-01-01T10:00:00Z' }],
  });
  const props = { scenario, streaming: '', busy: false, editor: { text: 'Two words', cursor: 9 }, now: clock };

  it('shows progress, the time left, the question, the editor and a live word count', () => {
    const frame = mount(<QuestionScreen {...props} session={asked()} />).lastFrame()!;
    expect(frame).toContain(`Question 2 of ${scenario.questions.length}`);
    expect(frame).toContain(`4:30 left`); // 30 seconds into the fixture's 300-second budget
    expect(frame).toContain(second.prompt.slice(0, 30));
    expect(frame).toContain('Two words');
    expect(frame).toContain('2 words');
    expect(frame).toContain('Ctrl+D submit');
  });

  it.each(['', 'b'])('a question that wraps starts no line with the space it broke at (shifted by %j)', (shift) => {
    const text = `${shift}${'a '.repeat(90)}end.`;
    const session = asked();
    session.turns = [{ ...session.turns[0]!, text }];
    const frame = mount(<QuestionScreen {...props} session={session} />).lastFrame()!;
    const prose = frame.split('\n').filter((l) => l.trim() && !/^[╭│╰]/u.test(l));
    expect(prose.filter((l) => l.startsWith(' '))).toEqual([]);
    // Every word is there, in order, and no line is wider than the terminal.
    expect(prose.join(' ')).toContain(`${shift}${'a '.repeat(90)}end.`.replace(/\s+/g, ' '));
    for (const l of prose) expect(l.length).toBeLessThanOrEqual(100);
  });

  it('a question written on several lines keeps its line breaks', () => {
    const session = asked();
    session.turns = [{ ...session.turns[0]!, text: 'Three things:\n- the KPI you pick\n- why it matters' }];
    const lines = mount(<QuestionScreen {...props} session={session} />)
      .lastFrame()!
      .split('\n');
    expect(lines.some((l) => /Three things:$/.test(l))).toBe(true);
    expect(lines).toContain('- the KPI you pick');
    expect(lines).toContain('- why it matters');
  });

  it('shows a spinner while the follow-up is written, then the probe as it streams, and a fallback notice', () => {
    const probing = { ...asked(), phase: 'probing' as const };
    expect(mount(<QuestionScreen {...props} session={probing} />).lastFrame()).toMatch(/thinking of a follow-up/);
    const streaming = mount(<QuestionScreen {...props} session={probing} streaming="Which of those" />).lastFrame()!;
    expect(streaming).toContain(`${scenario.interviewer.name}: Which of those`);
    const notice = mount(<QuestionScreen {...props} session={asked()} notice="The LLM could not phrase this follow-up" />).lastFrame()!;
    expect(notice).toContain('The LLM could not phrase this follow-up');
  });

  it('shows why an answer did not go in', () => {
    expect(mount(<QuestionScreen {...props} session={asked()} hint="empty-answer" />).lastFrame()).toContain('Type your answer first.');
    expect(mount(<QuestionScreen {...props} session={asked()} hint="waiting-for-interviewer" />).lastFrame()).toContain(
      'One moment: your answer goes in as soon as the interviewer is ready.',
    );
  });

  it('counts over time', () => {
    const frame = mount(<QuestionScreen {...props} session={asked()} now={() => new Date('2026-01-01T10:05:10Z')} />).lastFrame()!;
    expect(frame).toContain('over time 0:10');
    expect(frame).not.toContain('-0:10');
  });
});

describe('EditorView', () => {
  /**
   * Each row that has the cursor on it: the row's text inside the border, the column of the
   * inverse cell and the character in it. Needs styles on (see `withStyles`).
   */
  const cursors = (frame: string) =>
    frame.split('\n').flatMap((row) => {
      const inner = row.replace(/^│ /, '').replace(/ *│$/, '');
      const at = inner.indexOf('\x1b[7m');
      // What is drawn inverse: from the style's start to its end, whole characters.
      const end = inner.indexOf('\x1b[27m', at);
      return at < 0 ? [] : [{ line: plain(inner), column: at, under: inner.slice(at + 4, end < 0 ? at + 5 : end) }];
    });
  const plain = (text: string) => text.replace(/\x1b\[\d+m/g, '');

  /**
   * Draws with text styles on. Ink styles text with chalk (this is Ink's own copy), which turns
   * styles off when the test runner's stdout is not a terminal; the cursor is a style (inverse),
   * not a character, so without styles it cannot be seen at all.
   */
  function withStyles(draw: () => void) {
    const level = chalk.level;
    chalk.level = 1;
    try {
      draw();
    } finally {
      chalk.level = level;
    }
  }

  it('draws the cursor where it is and every line', () => {
    withStyles(() => {
      let state: EditorState = { text: 'line one\nline two', cursor: 3 };
      const r = mount(<EditorView state={state} active />);
      expect(plain(r.lastFrame()!)).toContain('line one');
      expect(plain(r.lastFrame()!)).toContain('line two');
      expect(cursors(r.lastFrame()!)).toEqual([{ line: 'line one', column: 3, under: 'e' }]);

      state = editorReducer(state, { type: 'move-down' });
      r.rerender(themed(<EditorView state={state} active />));
      expect(cursors(r.lastFrame()!)).toEqual([{ line: 'line two', column: 3, under: 'e' }]);

      // Past the end of a line the cursor is a blank cell.
      state = editorReducer(state, { type: 'move-end' });
      r.rerender(themed(<EditorView state={state} active />));
      expect(cursors(r.lastFrame()!)).toEqual([{ line: 'line two ', column: 8, under: ' ' }]);
    });
  });

  it('an emoji under the cursor is drawn whole', () => {
    withStyles(() => {
      const frame = mount(<EditorView state={{ text: 'tools 🔧 lent', cursor: 6 }} active />).lastFrame()!;
      expect(cursors(frame)).toEqual([expect.objectContaining({ under: '🔧' })]);
      expect(plain(frame)).toContain('tools 🔧 lent');
    });
  });

  it('draws no cursor when the editor is not the active one', () => {
    withStyles(() => {
      const frame = mount(<EditorView state={{ text: 'line one\nline two', cursor: 3 }} active={false} />).lastFrame()!;
      expect(plain(frame)).toContain('line one');
      expect(cursors(frame)).toEqual([]);
    });
  });

  it('shows the last lines of a long answer, saying how many are above', () => {
    const text = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`).join('\n');
    const frame = mount(<EditorView state={{ text, cursor: text.length }} active />).lastFrame()!;
    expect(frame).toContain('line 20');
    expect(frame).toMatch(/\bline 9\b/);
    expect(frame).not.toMatch(/\bline 8\b/);
    expect(frame).not.toMatch(/\bline 2\b/);
    expect(frame).toContain('8 more line(s) above');
  });
});

describe('ScoreCard', () => {
  const q = shedshare.scenario.questions[0]!;
  // A middling answer, so the card has evidence and something missing.
  const middling = 'I would track the number of tools borrowed per month, because that shows members use the lockers.';
  const s = score(shedshare.rubrics[q.id]!, middling);
  const quote = s.criteria.flatMap((c) => c.evidence)[0]!.quote.replace(/\s+/g, ' ');
  const missing = s.criteria.flatMap((c) => c.missing)[0]!;

  it('shows the total, a bar per criterion, the evidence and what was missing', () => {
    const frame = mount(<ScoreCard prompt={q.prompt} score={s} example={q.example} showExample={false} />).lastFrame()!;
    expect(frame).toContain(`${s.total}/100 · ${s.band}`);
    for (const c of s.criteria) expect(frame).toContain(c.title);
    expect(frame).toMatch(/[█░]{10}/);
    expect(frame).toContain(`“${quote.slice(0, 40)}`);
    expect(frame).toContain(`→ ${missing.slice(0, 30)}`);
    expect(frame).not.toContain('A strong answer');
  });

  it('a long quote and a long hint wrap under their own first line, never back to the edge or after a space', () => {
    const long =
      'I would track the number of tools borrowed per month by members who live in the building, because that shows members use the lockers ' +
      'week after week and it is the habit that keeps them paying the membership when the winter comes and fewer people do repairs at home.';
    const frame = mount(
      <ScoreCard prompt={q.prompt} score={score(shedshare.rubrics[q.id]!, long)} example={q.example} showExample={false} />,
    ).lastFrame()!;
    const lines = frame.split('\n');
    const opened = lines.findIndex((l) => l.startsWith(' “'));
    expect(opened).toBeGreaterThan(0);
    // The quote's next lines start under its first letter, past the quote mark, until it closes.
    const close = lines.findIndex((l, i) => i >= opened && l.includes('”'));
    expect(close).toBeGreaterThan(opened);
    for (const l of lines.slice(opened + 1, close + 1)) expect(l).toMatch(/^ {2}\S/);
    for (const l of lines.filter((x) => x.trim())) expect(l).toMatch(/^(?:\S| {1,3}\S)/);
  });

  it('the strong example is laid out inside its border, no line starting with the space it broke at', () => {
    const frame = mount(<ScoreCard prompt={q.prompt} score={s} example={q.example} showExample={true} />).lastFrame()!;
    const inside = frame.split('\n').filter((l) => l.startsWith('│'));
    expect(inside.length).toBeGreaterThan(2);
    for (const l of inside) {
      expect(l).toMatch(/^│ (?:\S|\s*│$)/u);
      expect(l.length).toBeLessThanOrEqual(100);
    }
  });

  it.each([100, 80, 60, 40])('the keys under the card fit one line of %i columns, in full where they fit', (columns) => {
    const both = { above: true, below: true };
    for (const example of [false, true])
      for (const scroll of [undefined, both, { above: false, below: true }]) {
        const line = cardKeys(columns, scroll, example);
        expect(line.length, line).toBeLessThanOrEqual(columns);
        expect(line).toMatch(/\be\b/u);
        expect(line).toMatch(/Enter/u);
        // Where there is more, the line says so down to 40 columns.
        if (scroll && columns >= 40) expect(line).toContain('more below');
      }
    if (columns === 100)
      expect(cardKeys(100, both, false)).toBe('↑↓ scroll (more above, more below) · e shows a strong example answer · Enter to continue');
  });

  it("follows the terminal's size with one listener, however many paragraphs the card lays out", () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.name);
    process.on('warning', onWarning);
    const r = mount(<ScoreCard prompt={q.prompt} score={s} example={q.example} showExample={true} />);
    const stdout = r.stdout as unknown as NodeJS.EventEmitter;
    // Ink's own, and the one the card's paragraphs share.
    expect(stdout.listenerCount('resize')).toBeLessThanOrEqual(2);
    process.off('warning', onWarning);
    expect(warnings).not.toContain('MaxListenersExceededWarning');
  });

  it('in a drill, leads with the drilled criterion against its last attempt', () => {
    const drilled = s.criteria[s.criteria.length - 1]!;
    const drill = {
      criterion: drilled.id,
      family: 'kpi',
      questionId: q.id,
      before: { level: drilled.level + 1, maxLevel: drilled.maxLevel, date: '2026-03-04T09:00:00Z' },
    };
    const frame = mount(<ScoreCard prompt={q.prompt} score={s} example={q.example} showExample={false} drill={drill} />).lastFrame()!;
    const at = (title: string) => frame.indexOf(title);
    expect(frame).toContain(`Drill · last attempt ${drilled.level + 1}/${drilled.maxLevel} on 2026-03-04 · down`);
    for (const c of s.criteria) if (c.id !== drilled.id) expect(at(drilled.title)).toBeLessThan(at(c.title));
    const first = mount(
      <ScoreCard prompt={q.prompt} score={s} example={q.example} showExample={false} drill={{ ...drill, before: undefined }} />,
    );
    expect(first.lastFrame()).toContain('Drill · first attempt at this criterion');
  });

  it('shows the strong example answer when asked', () => {
    const frame = mount(<ScoreCard prompt={q.prompt} score={s} example={q.example} showExample />).lastFrame()!;
    expect(frame).toContain('A strong answer');
    expect(frame).toContain(q.example.trim().split('\n')[0]!.slice(0, 40));
  });
});

describe('ReportView', () => {
  const { scenario, rubrics } = shedshare;

  it('shows the total, each question, each criterion, the top changes and where it was saved', () => {
    let session = newSession({ id: 'r', scenario: { id: scenario.id, title: 'x' }, mode: 'practice', at: '2026-01-01T10:00:00Z' });
    // The first sentence of each strong example: answers with gains still worth making.
    const scores = Object.fromEntries(scenario.questions.map((q) => [q.id, score(rubrics[q.id]!, q.example.split('. ')[0]!)]));
    session = { ...session, status: 'finished', scores };
    const report = buildReport(session, scenario);
    const frame = mount(<ReportView report={report} path="/tmp/x.report.md" />).lastFrame()!;
    expect(frame).toContain(`Your result: ${report.total}/100`);
    for (const q of scenario.questions) expect(frame).toContain(q.prompt.slice(0, 25));
    expect(frame).toContain('Weakest criteria');
    expect(frame).toContain('What would raise your score most');
    expect(frame).toContain('Report saved: /tmp/x.report.md');
    expect(frame).not.toContain('How you said it');
  });

  it('a question too long for its line goes on under its first word, not a space further on', () => {
    const session = newSession({ id: 'r', scenario: { id: scenario.id, title: 'x' }, mode: 'practice', at: '2026-01-01T10:00:00Z' });
    const report = buildReport({ ...session, status: 'finished' }, scenario);
    const long =
      'How would you make sure that what the sales team is paid on and what the product team is measured on pull the same way, this year and next?';
    const frame = mount(
      <ReportView report={{ ...report, questions: [{ ...report.questions[0]!, prompt: long }] }} path="/tmp/x.report.md" />,
    ).lastFrame()!;
    const lines = frame.split('\n');
    const first = lines.findIndex((l) => l.includes('How would you make sure'));
    const next = lines[first + 1]!;
    // ink-testing-library draws 100 columns: the question's words take the 80 after its first 20.
    expect(lines[first]!.indexOf('How')).toBe(20);
    expect(next.search(/\S/u)).toBe(20);
    expect(`${lines[first]!.slice(20).trimEnd()} ${next.trim()}`).toBe(long);
  });

  it('with answers said aloud, a line of delivery figures for each of them, and what to work on', () => {
    const session = newSession({ id: 'r', scenario: { id: scenario.id, title: 'x' }, mode: 'interview', at: '2026-01-01T10:00:00Z' });
    const report = buildReport({ ...session, status: 'finished' }, scenario);
    const delivery = {
      timing: 'words' as const,
      seconds: 40,
      words: 130,
      wordsPerMinute: 195,
      fillers: { count: 2, perMinute: 3, which: [{ filler: 'um', count: 2 }] },
      longestPause: { seconds: 1.2, after: 'the lockers' },
      notes: [{ figure: 'pace' as const, text: 'Fast.' }],
    };
    const spoken = { ...report, questions: report.questions.map((q, i) => (i === 1 ? { ...q, delivery } : q)) };
    const frame = mount(<ReportView report={spoken} path="/tmp/x.report.md" />).lastFrame()!;
    expect(frame).toContain('How you said it');
    expect(frame).toContain(' 2. 195 wpm · 3 fillers/min · pause 1.2 s · pace to work on');
    expect(frame).not.toMatch(/ 1\. \d+ wpm/);
  });
});

describe('App: a whole interview through the keyboard', () => {
  const { scenario } = shedshare;
  const total = scenario.questions.length;

  /** Picks the fixture interview (1 in the list) and waits at its first question. */
  const begin = async (r: ReturnType<typeof render>) => {
    await picker(r);
    r.stdin.write('1');
    await frameWith(r.lastFrame, (f) => f.includes('Press Enter to begin'));
    r.stdin.write('\r');
    await frameWith(r.lastFrame, (f) => f.includes(`Question 1 of ${total}`));
  };
  /** Types an answer, waits until the editor counts its words, submits it and waits until the editor lets it go. */
  const answer = async (r: ReturnType<typeof render>, text: string) => {
    const count = new RegExp(`\\b${countWords(text)} words\\b`);
    r.stdin.write(text);
    await frameWith(r.lastFrame, (f) => count.test(f));
    r.stdin.write('\x04');
    await frameWith(r.lastFrame, (f) => !count.test(f));
  };

  it('picks the interview, answers with a multi-line paste, gets a probe, sees score cards, and ends on the report', async () => {
    const onExit = vi.fn();
    const { r, saved } = app(onExit);
    await begin(r);
    r.stdin.write('I would track the number of tools borrowed per month,\r');
    r.stdin.write('line two of a paste\nline three\n');
    await frameWith(r.lastFrame, (f) => f.includes('line three'));
    expect(answersIn(saved)).toHaveLength(0); // a paste does not submit
    r.stdin.write('\x04');
    await frameWith(r.lastFrame, (f) => f.includes('follows up:'));
    expect(answersIn(saved)[0]!.text).toBe('I would track the number of tools borrowed per month,\nline two of a paste\nline three\n');

    // Answer everything else: each follow-up and question gets an answer; score cards are dismissed.
    const busy = /thinking|Reading/;
    const waiting = new RegExp(`follows up:|Question \\d of ${total}|Enter to continue|Your result`);
    for (let guard = 0; guard < 40; guard++) {
      const frame = await frameWith(r.lastFrame, (f) => waiting.test(f) && !busy.test(f));
      if (frame.includes('Your result')) break;
      if (frame.includes('Enter to continue')) {
        r.stdin.write('e');
        await frameWith(r.lastFrame, (f) => f.includes('A strong answer'));
        r.stdin.write('\r');
        await frameWith(r.lastFrame, (f) => !f.includes('Enter to continue'));
        continue;
      }
      await answer(r, 'Monthly active borrowers, because members who borrow every week renew their membership and drive our revenue.');
    }
    const report = await frameWith(r.lastFrame, (f) => f.includes('Your result'));
    expect(report).toContain('Report saved: /tmp/ui-test.report.md');
    r.stdin.write('\r');
    await vi.waitFor(() => expect(onExit).toHaveBeenCalledWith(expect.objectContaining({ kind: 'finished' })));
    expect(saved.at(-1)!.status).toBe('finished');
  });

  it('Ctrl+C saves the session as quit, with the unsent draft', async () => {
    const onExit = vi.fn();
    const { r, saved } = app(onExit, 'interview');
    await begin(r);
    r.stdin.write('half an answer');
    await frameWith(r.lastFrame, (f) => f.includes('half an answer'));
    r.stdin.write('\x03');
    await vi.waitFor(() => expect(onExit).toHaveBeenCalledWith(expect.objectContaining({ kind: 'quit' })));
    expect(saved.at(-1)).toMatchObject({ status: 'quit', draft: 'half an answer' });
  });

  it('Ctrl+D on an empty answer sends nothing and says to type first', async () => {
    const { r, saved } = app(() => {}, 'interview');
    await begin(r);
    r.stdin.write('\x04');
    await frameWith(r.lastFrame, (f) => f.includes('Type your answer first.'));
    expect(answersIn(saved)).toHaveLength(0);
  });

  it('in interview mode, no score card between questions', async () => {
    const { r } = app(() => {}, 'interview');
    await begin(r);
    const seen: string[] = [];
    for (const [i, q] of scenario.questions.entries()) {
      await answer(r, q.example);
      const next = i + 1 < total ? `Question ${i + 2} of ${total}` : 'Your result';
      seen.push(await frameWith(r.lastFrame, (f) => f.includes(next)));
    }
    expect(seen.join('\n')).not.toContain('Enter to continue');
  });
});
