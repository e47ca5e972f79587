// Probe latency: what rehearse adds between a submitted answer and the first probe token,
// against a local server that answers at once; and the offline writer's time per probe.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import OpenAI from 'openai';
import { advance, probeRequest, submitAnswer, type EngineDeps } from '../src/interview/engine.js';
import { newSession } from '../src/interview/session.js';
import { offlineProbe, offlineWriter } from '../src/probes/offline.js';
import { openaiWriter } from '../src/probes/openai.js';
import { loadTemplates } from '../src/probes/prompt.js';
import { findScenario } from '../src/scenario/catalog.js';
import { SessionStore } from '../src/store/sessions.js';
import { probeJson, startFakeOpenAI } from '../test/support/fake-openai.js';
import { median, type Figure } from './util.js';

const ANSWER = 'User engagement is the most important thing for us, because engaged merchants stay with Rupeeflow.';

export async function benchProbes(): Promise<Figure[]> {
  const server = await startFakeOpenAI((req) => {
    const criterion = /"criterion": "([a-z_-]+)"/.exec(req.body.messages[0]!.content)?.[1] ?? 'none';
    return {
      kind: 'stream',
      content: probeJson('Which number would show you “user engagement” each week?', criterion, 'User engagement'),
      chunk: 8,
    };
  });
  const home = mkdtempSync(join(tmpdir(), 'rehearse-bench-'));
  const store = new SessionStore(home);
  const loaded = findScenario('fintech');
  const llm = openaiWriter({ apiKey: 'bench-key', baseURL: server.url, model: 'bench', timeoutMs: 5000 }, loadTemplates());
  try {
    const rounds = 40;
    const total: number[] = [];
    for (let i = 0; i < rounds + 5; i++) {
      let first = 0;
      const deps: EngineDeps = {
        scenario: loaded,
        writers: { llm, offline: offlineWriter },
        save: (s) => store.save(s), // real atomic writes, as in a live interview
        now: () => new Date(),
        onProbeToken: () => {
          if (!first) first = performance.now();
        },
      };
      let s = newSession({ id: `bench-${i}`, scenario: { id: 'fintech', title: 'x' }, mode: 'practice', at: new Date().toISOString() });
      s = await advance(s, deps);
      const t0 = performance.now();
      await submitAnswer(s, ANSWER, deps);
      if (i >= 5) total.push(first - t0); // the first rounds warm up
    }

    // The same request straight through the SDK: the part of the wait that is the server and the wire.
    const client = new OpenAI({ apiKey: 'bench-key', baseURL: server.url });
    const raw: number[] = [];
    for (let i = 0; i < rounds + 5; i++) {
      const t0 = performance.now();
      const stream = await client.chat.completions.create({ model: 'bench', stream: true, messages: [{ role: 'user', content: 'x' }] });
      let first = 0;
      for await (const chunk of stream) {
        const piece = chunk.choices[0]?.delta?.content ?? '';
        // The probe's first token is the first piece past `{"probe": "`, as the writer sees it.
        if (!first && piece.includes('Whic')) first = performance.now();
      }
      if (!first) first = performance.now();
      if (i >= 5) raw.push(first - t0);
    }

    let s = newSession({ id: 'bench-offline', scenario: { id: 'fintech', title: 'x' }, mode: 'practice', at: new Date().toISOString() });
    const quiet: EngineDeps = { scenario: loaded, writers: { offline: offlineWriter }, save: () => {}, now: () => new Date() };
    s = await advance(s, quiet);
    s = await submitAnswer(s, ANSWER, quiet);
    const probe = s.turns.find((t) => t.kind === 'probe')!;
    const req = probeRequest(s, quiet, probe.followUpId!, probe.criterion!);
    for (let i = 0; i < 1000; i++) offlineProbe(req);
    const n = 20000;
    const t0 = performance.now();
    for (let i = 0; i < n; i++) offlineProbe(req);
    const offlineMs = (performance.now() - t0) / n;

    const added = median(total) - median(raw);
    return [
      {
        name: 'answer submitted → first LLM probe token',
        value: Number(median(total).toFixed(1)),
        unit: 'ms (median of 40)',
        detail: `includes an atomic session save, scoring, the policy, the prompt and the request; the local server answers at once`,
      },
      {
        name: 'of which the server and the wire (same request, SDK alone)',
        value: Number(median(raw).toFixed(1)),
        unit: 'ms (median of 40)',
      },
      {
        name: 'time rehearse itself adds',
        value: Number(added.toFixed(1)),
        unit: 'ms (difference of medians)',
        target: '< 30',
        ok: added < 30,
      },
      {
        name: 'offline writer, per probe',
        value: Number((offlineMs * 1000).toFixed(1)),
        unit: 'µs (mean of 20000)',
        target: '< 5 ms',
        ok: offlineMs < 5,
      },
    ];
  } finally {
    await server.close();
    rmSync(home, { recursive: true, force: true });
  }
}
