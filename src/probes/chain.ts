// Gets a probe written: by the LLM when there is one, else (or when it fails) by the offline writer.
import { offlineProbe } from './offline.js';
import type { Probe, ProbeRequest, ProbeWriter, WriteOptions } from './types.js';

export interface ProbeWriters {
  llm?: ProbeWriter;
  offline: ProbeWriter;
}

export interface ProbeOutcome {
  probe: Probe;
  /** Set when the LLM failed and the offline writer stepped in: the candidate is told. */
  notice?: string;
}

export async function writeProbe(req: ProbeRequest, writers: ProbeWriters, options?: WriteOptions): Promise<ProbeOutcome> {
  let notice: string | undefined;
  if (writers.llm) {
    try {
      const result = await writers.llm.write(req, options);
      if (result.ok) return { probe: result.probe };
      if (!result.quiet) notice = `The LLM could not phrase this follow-up (${result.error}); the offline writer asked it instead.`;
    } catch (e) {
      // A writer should never throw; if one does, the interview still goes on.
      notice = `The LLM writer failed (${e instanceof Error ? e.message : String(e)}); the offline writer asked it instead.`;
    }
  }
  // Not streamed: the offline writer answers at once, and its text must not run on after what an
  // LLM streamed before it failed (the probe would be shown twice, or half of one glued to the other).
  const offline = await writers.offline.write(req).catch(() => offlineProbe(req));
  if (offline.ok) return { probe: offline.probe, ...(notice ? { notice } : {}) };
  // Nothing left to vary: ask the scripted follow-up as written.
  return { probe: { text: req.followUp.prompt, criterion: req.criterion.id, source: 'offline' }, ...(notice ? { notice } : {}) };
}
