// A writer that keeps failing is not tried again, and the candidate is told once.
import { describe, expect, it } from 'vitest';
import { withBreaker } from '../../src/probes/breaker.js';
import { writeProbe } from '../../src/probes/chain.js';
import { offlineWriter } from '../../src/probes/offline.js';
import type { ProbeRequest, ProbeResult, ProbeWriter } from '../../src/probes/types.js';

const request: ProbeRequest = {
  scenario: {
    title: 'Shedshare',
    role: 'PM',
    company: { name: 'Shedshare', stage: 'seed', market: 'tool lending', description: 'Neighbours lend tools.' },
    interviewer: { name: 'Ines', title: 'Head of Product', style: 'direct' },
  },
  question: { id: 'kpi', prompt: 'Which single number would you run Shedshare by?' },
  followUp: { id: 'why', prompt: 'Why that number and not loans per month?' },
  criterion: { id: 'justification', title: 'Explains why', missing: [] },
  answer: 'Repeat borrowers per month.',
  anchors: ['repeat borrowers'],
  previous: [],
};

/** A writer that answers from a list, one result a call, and counts its calls. */
function scripted(results: ProbeResult[]): ProbeWriter & { calls: number } {
  const w = {
    calls: 0,
    write: async () => results[Math.min(w.calls++, results.length - 1)]!,
  };
  return w;
}

const down: ProbeResult = { ok: false, error: 'connect ECONNREFUSED 127.0.0.1:9' };
const fine: ProbeResult = { ok: true, probe: { text: 'Why repeat borrowers?', criterion: 'justification', source: 'llm' } };

describe('a writer that keeps failing', () => {
  it('is not tried after two failures in a row, and only the second says so', async () => {
    const llm = scripted([down]);
    const writers = { llm: withBreaker(llm), offline: offlineWriter };
    const notices = [];
    for (let i = 0; i < 4; i++) notices.push((await writeProbe(request, writers)).notice);
    expect(llm.calls).toBe(2);
    expect(notices[0]).toMatch(/ECONNREFUSED/);
    expect(notices[1]).toMatch(/failed 2 times in a row, so the offline writer asks the rest/);
    expect(notices.slice(2)).toEqual([undefined, undefined]);
  });

  it('a success in between starts the count again', async () => {
    const llm = scripted([down, fine, down, fine]);
    const breaker = withBreaker(llm);
    const results = [];
    for (let i = 0; i < 4; i++) results.push((await breaker.write(request)).ok);
    expect(results).toEqual([false, true, false, true]);
    expect(llm.calls).toBe(4);
  });

  it('a writer that throws counts as failing', async () => {
    let calls = 0;
    const breaker = withBreaker({
      write: async () => {
        calls++;
        throw new Error('socket hang up');
      },
    });
    expect(await breaker.write(request)).toEqual({ ok: false, error: 'socket hang up' });
    await breaker.write(request);
    expect(await breaker.write(request)).toMatchObject({ ok: false, quiet: true });
    expect(calls).toBe(2);
  });
});
