// Stops asking a writer that keeps failing: an unreachable server would otherwise cost the
// candidate its whole timeout at every follow-up. The candidate is told once.
import type { ProbeResult, ProbeWriter } from './types.js';

/** Consecutive failures after which the writer is not tried again in this interview. */
export const FAILURES_BEFORE_GIVING_UP = 2;

export function withBreaker(writer: ProbeWriter, limit = FAILURES_BEFORE_GIVING_UP): ProbeWriter {
  let failures = 0;
  return {
    async write(request, options): Promise<ProbeResult> {
      if (failures >= limit) return { ok: false, error: 'not tried again after repeated failures', quiet: true };
      let result: ProbeResult;
      try {
        result = await writer.write(request, options);
      } catch (e) {
        result = { ok: false, error: e instanceof Error ? e.message : String(e) };
      }
      if (result.ok) {
        failures = 0;
        return result;
      }
      failures++;
      if (failures < limit) return result;
      return {
        ok: false,
        error: `${result.error}; it failed ${limit} times in a row, so the offline writer asks the rest of this interview's follow-ups`,
      };
    },
  };
}
