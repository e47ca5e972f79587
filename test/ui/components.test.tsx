import React from 'react';
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { findScenario, loadCatalog } from '../../src/scenario/catalog.js';
import { newSession, type Session } from '../../src/interview/session.js';
import { offlineWriter } from '../../src/probes/offline.js';
import { buildReport } from '../../src/report/build.js';
import { score } from '../../src/scoring/score.js';
import { App, type AppProps } from '../../src/ui/App.js';
import { EditorView } from '../../src/ui/EditorView.js';
import { Intro } from '../../src/ui/Intro.js';
import type { Outcome } from '../../src/ui/InterviewFlow.js';
import { QuestionScreen } from '../../src/ui/QuestionScreen.js';
import { ReportView } from '../../src/ui/ReportView.js';
import { ScenarioPicker } from '../../src/ui/ScenarioPicker.js';
import { ScoreCard } from '../../src/ui/ScoreCard.js';
import { NO_COLOURS, ThemeContext } from '../../src/ui/theme.js';

const fintech = findScenario('fintech');
const clock = () => new Date('2026-01-01T10:00:30Z');
const tick = (ms = 30) => new Promise((r) => setTimeout(r, ms));

/** Waits until the last frame satisfies the test, or fails with that frame. */
async function frameWith(get: () => string | undefined, test: (frame: string) => boolean, ms = 3000): Promise<string> {
  const until = Date.now() + ms;
  for (;;) {
    const frame = get() ?? '';
    if (test(frame)) return frame;
    if (Date.now() > until) throw new Error(`timed out waiting; last frame:\n${frame}`);
    await tick(15);
  }
}

let cleanup: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanup) c();
  cleanup = [];
});
function mount(node: React.ReactElement) {
  const r = render(<ThemeContext.Provider value={NO_COLOURS}>{node}</ThemeContext.Provider>);
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
      scenarios={loadCatalog()}
      {...(start ? { start } : {})}
      mode={mode}
      createSession={(l, m) => {
        created.push(l.scenario.id);
        return newSession({ id: 'ui-test', scenario: { id: l.scenario.id, title: l.scenario.title }, mode: m, at: '2026-01-01T10:00:00Z' });
      }}
      base={{ writers: { offline: offlineWriter }, save: (s) => saved.push(s), now: () => new Date((t += 1000)) }}
      finish={(s, l) => ({ report: buildReport(s, l.scenario), path: '/tmp/ui-test.report.md' })}
      onExit={onExit}
      color={false}
    />,
  );
  cleanup.push(r.unmount);
  return { r, saved, created };
}

describe('ScenarioPicker', () => {
  const choices = loadCatalog().map((s) => ({
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
    await tick();
    r.stdin.write('\x1b[B');
    r.stdin.write('\r');
    const intro = await frameWith(r.lastFrame, (f) => f.includes('Press Enter to begin'));
    expect(intro).toContain(choices[1]!.title);
  });

  it('picks by number', async () => {
    const { r } = app(() => {});
    await tick();
    r.stdin.write('3');
    const intro = await frameWith(r.lastFrame, (f) => f.includes('Press Enter to begin'));
    expect(intro).toContain(choices[2]!.title);
  });
});

describe('Intro', () => {
  it('shows the company, role, interviewer, the number of questions and the keys; Enter starts', async () => {
    const frame = mount(<Intro scenario={fintech.scenario} mode="practice" />).lastFrame()!;
    expect(frame).toContain('Rupeeflow');
    expect(frame).toContain('Senior Product Manager, Merchant Payments');
    expect(frame).toContain('Ananya Rao');
    expect(frame).toContain('5 questions');
    expect(frame).toContain('Ctrl+D submits');
    const { r, created } = app(() => {}, 'practice', { loaded: fintech });
    await tick();
    r.stdin.write('\r');
    await frameWith(r.lastFrame, (f) => f.includes('Question 1 of 5'));
    expect(created).toEqual(['fintech']);
  });
});

describe('QuestionScreen', () => {
  const asked = (): Session => ({
    ...newSession({ id: 's', scenario: { id: 'fintech', title: 'x' }, mode: 'practice', at: '2026-01-01T10:00:00Z' }),
    phase: 'answering',
    questionIndex: 1,
    questionStartedAt: '2026-01-01T10:00:00Z',
    turns: [
      {
        role: 'interviewer',
        kind: 'question',
        questionId: 'guardrails',
        text: fintech.scenario.questions[1]!.prompt,
        at: '2026-01-01T10:00:00Z',
      },
    ],
  });
  const props = { scenario: fintech.scenario, streaming: '', busy: false, editor: { text: 'Two words', cursor: 9 }, now: clock };

  it('shows progress, the time left, the question, the editor and a live word count', () => {
    const frame = mount(<QuestionScreen {...props} session={asked()} />).lastFrame()!;
    expect(frame).toContain('Question 2 of 5');
    expect(frame).toContain('4:30 left');
    expect(frame).toContain('Beyond the north star');
    expect(frame).toContain('Two words');
    expect(frame).toContain('2 words');
    expect(frame).toContain('Ctrl+D submit');
  });

  it('shows a spinner while the follow-up is written, then the probe as it streams, and a fallback notice', () => {
    const probing = { ...asked(), phase: 'probing' as const };
    expect(mount(<QuestionScreen {...props} session={probing} />).lastFrame()).toMatch(/thinking of a follow-up/);
    const streaming = mount(<QuestionScreen {...props} session={probing} streaming="Which of those" />).lastFrame()!;
    expect(streaming).toContain('Ananya Rao: Which of those');
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
    expect(frame).toContain('over time -0:10');
  });
});

describe('EditorView', () => {
  it('draws the cursor where it is and every line', () => {
    const frame = mount(<EditorView state={{ text: 'line one\nline two', cursor: 3 }} active />).lastFrame()!;
    expect(frame).toContain('line one');
    expect(frame).toContain('line two');
  });

  it('shows the last lines of a long answer, saying how many are above', () => {
    const text = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`).join('\n');
    const frame = mount(<EditorView state={{ text, cursor: text.length }} active />).lastFrame()!;
    expect(frame).toContain('line 20');
    expect(frame).not.toContain('line 2\n');
    expect(frame).toContain('8 more line(s) above');
  });
});

describe('ScoreCard', () => {
  const q = fintech.scenario.questions[0]!;
  const s = score(fintech.rubrics[q.id]!, q.exemplars[0]!.text);

  it('shows the total, a bar per criterion, the evidence and what was missing', () => {
    const frame = mount(<ScoreCard prompt={q.prompt} score={s} example={q.example} showExample={false} />).lastFrame()!;
    expect(frame).toContain(`${s.total}/100 · ${s.band}`);
    for (const c of s.criteria) expect(frame).toContain(c.title);
    expect(frame).toMatch(/[█░]{10}/);
    expect(frame).toContain('“I would track the number of UPI transactions per month');
    expect(frame).toContain('→ ');
    expect(frame).not.toContain('A strong answer');
  });

  it('shows the strong example answer when asked', () => {
    const frame = mount(<ScoreCard prompt={q.prompt} score={s} example={q.example} showExample />).lastFrame()!;
    expect(frame).toContain('A strong answer');
    expect(frame).toContain('My north star would be monthly transacting merchants');
  });
});

describe('ReportView', () => {
  it('shows the total, each question, each criterion, the top changes and where it was saved', () => {
    let session = newSession({ id: 'r', scenario: { id: 'fintech', title: 'x' }, mode: 'practice', at: '2026-01-01T10:00:00Z' });
    const scores = Object.fromEntries(fintech.scenario.questions.map((q) => [q.id, score(fintech.rubrics[q.id]!, q.exemplars[0]!.text)]));
    session = { ...session, status: 'finished', scores };
    const report = buildReport(session, fintech.scenario);
    const frame = mount(<ReportView report={report} path="/tmp/x.report.md" />).lastFrame()!;
    expect(frame).toContain(`Your result: ${report.total}/100`);
    for (const q of fintech.scenario.questions) expect(frame).toContain(q.prompt.slice(0, 25));
    expect(frame).toContain('Weakest criteria');
    expect(frame).toContain('What would raise your score most');
    expect(frame).toContain('Report saved: /tmp/x.report.md');
  });
});

describe('App: a whole interview through the keyboard', () => {
  /** Picks a scenario by its number and waits at its first question. */
  const begin = async (r: ReturnType<typeof render>, choice: string, total: number) => {
    await tick();
    r.stdin.write(choice);
    await frameWith(r.lastFrame, (f) => f.includes('Press Enter to begin'));
    r.stdin.write('\r');
    await frameWith(r.lastFrame, (f) => f.includes(`Question 1 of ${total}`));
  };
  const type = async (r: ReturnType<typeof render>, text: string) => {
    r.stdin.write(text);
    await tick(10);
    r.stdin.write('\x04');
  };

  it('picks fintech, answers with a multi-line paste, gets a probe, sees score cards, and ends on the report', async () => {
    const onExit = vi.fn();
    const { r, saved } = app(onExit);
    await tick();
    r.stdin.write('2');
    await frameWith(r.lastFrame, (f) => f.includes('Press Enter to begin'));
    r.stdin.write('\r');
    await frameWith(r.lastFrame, (f) => f.includes('Question 1 of 5'));
    r.stdin.write('I would track the number of UPI transactions per month,\r');
    r.stdin.write('line two of a paste\nline three\n');
    await tick();
    expect(r.lastFrame()).toContain('line three');
    expect(saved.filter((s) => s.turns.some((t) => t.kind === 'answer'))).toHaveLength(0); // a paste does not submit
    r.stdin.write('\x04');
    await frameWith(r.lastFrame, (f) => f.includes('follows up:'));
    const answers = saved.at(-1)!.turns.filter((t) => t.kind === 'answer');
    expect(answers[0]!.text).toBe('I would track the number of UPI transactions per month,\nline two of a paste\nline three\n');

    // Answer everything else: each follow-up and question gets an answer; score cards are dismissed.
    for (let guard = 0; guard < 40; guard++) {
      const frame = await frameWith(
        r.lastFrame,
        (f) => /follows up:|Question \d of 5|Enter to continue|Your result/.test(f) && !/thinking|Reading/.test(f),
      );
      if (frame.includes('Your result')) break;
      if (frame.includes('Enter to continue')) {
        r.stdin.write('e');
        await frameWith(r.lastFrame, (f) => f.includes('A strong answer'));
        r.stdin.write('\r');
        await tick();
        continue;
      }
      await type(r, 'Monthly transacting merchants, because merchants who transact weekly trust us and drive loan revenue.');
      await tick(40);
    }
    const report = await frameWith(r.lastFrame, (f) => f.includes('Your result'));
    expect(report).toContain('Report saved: /tmp/ui-test.report.md');
    r.stdin.write('\r');
    await tick();
    expect(onExit).toHaveBeenCalledWith(expect.objectContaining({ kind: 'finished' }));
    expect(saved.at(-1)!.status).toBe('finished');
  });

  it('Ctrl+C saves the session as quit, with the unsent draft', async () => {
    const onExit = vi.fn();
    const { r, saved } = app(onExit, 'interview');
    await begin(r, '1', 4);
    r.stdin.write('half an answer');
    await tick();
    r.stdin.write('\x03');
    await tick();
    expect(onExit).toHaveBeenCalledWith(expect.objectContaining({ kind: 'quit' }));
    expect(saved.at(-1)).toMatchObject({ status: 'quit', draft: 'half an answer' });
  });

  it('Ctrl+D on an empty answer sends nothing and says to type first', async () => {
    const { r, saved } = app(() => {}, 'interview');
    await begin(r, '1', 4);
    r.stdin.write('\x04');
    await frameWith(r.lastFrame, (f) => f.includes('Type your answer first.'));
    expect(saved.at(-1)!.turns.filter((t) => t.kind === 'answer')).toHaveLength(0);
  });

  it('in interview mode, no score card between questions', async () => {
    const { r } = app(() => {}, 'interview');
    await begin(r, '1', 4);
    const seen: string[] = [];
    for (let i = 0; i < 4; i++) {
      await type(r, findScenario('ecommerce').scenario.questions[i]!.example);
      const f = await frameWith(r.lastFrame, (x) => x.includes(`Question ${Math.min(i + 2, 4)} of 4`) || x.includes('Your result'));
      seen.push(f);
    }
    expect(seen.join('\n')).not.toContain('Enter to continue');
  });
});
