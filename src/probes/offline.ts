// The deterministic probe writer: the scripted follow-up, grounded in a phrase the candidate used.
import { MAX_QUOTE_WORDS } from '../text/quotable.js';
import type { ProbeRequest, ProbeResult, ProbeWriter, WriteOptions } from './types.js';

type Opening = (phrase: string, question: string) => string;

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}

/** Openings that tie the follow-up to the candidate's words. */
const GROUNDED: Opening[] = [
  (p, q) => `You mentioned “${p}”. ${q}`,
  (p, q) => `Let’s stay with “${p}” for a moment. ${q}`,
  (p, q) => `Going back to “${p}”: ${lowerFirst(q)}`,
  (p, q) => `On “${p}” — ${lowerFirst(q)}`,
  (p, q) => `You said “${p}”. ${q}`,
];

/** Openings for when the answer gave nothing to build on. */
const PLAIN: Opening[] = [
  (_, q) => q,
  (_, q) => `Let me push on that. ${q}`,
  (_, q) => `One more on this. ${q}`,
  (_, q) => `Let me come at it another way. ${q}`,
  (_, q) => `Coming back to that: ${lowerFirst(q)}`,
];

/** Back to the question itself, for an answer that bears on none of it: the question asked again, nothing of the answer quoted. */
const REDIRECT: Opening[] = [
  (_, q) => `Let’s come back to the question I asked. ${q}`,
  (_, q) => `That takes us away from what I asked. ${q}`,
  (_, q) => `I’d like to hear about the question itself. ${q}`,
];

/** A phrase worth quoting: a few words, not a lone connective, short enough to say aloud. */
export function isQuotable(phrase: string): boolean {
  const text = phrase.trim();
  const words = text.split(/\s+/).filter(Boolean);
  return (
    words.length <= MAX_QUOTE_WORDS && text.length >= 4 && !/^(?:because|since|so|the|and|but|which|that|drives?|leads? to)$/i.test(text)
  );
}

export function offlineProbe(req: ProbeRequest): ProbeResult {
  const anchor = req.anchors.find(isQuotable);
  const asked = new Set(req.previous.map((p) => p.trim()));
  // Start where the session is, so consecutive probes open differently; skip any wording already used.
  const rotate = (list: Opening[]) => list.map((_, i) => list[(req.previous.length + i) % list.length]!);
  const candidates = req.offTopic
    ? [...rotate(REDIRECT), ...rotate(PLAIN)].map((o) => ({ o, grounded: false }))
    : [...(anchor ? rotate(GROUNDED).map((o) => ({ o, grounded: true })) : []), ...rotate(PLAIN).map((o) => ({ o, grounded: false }))];
  for (const { o, grounded } of candidates) {
    // Steering back, the question is asked again: the scripted follow-up assumes an answer to it.
    const text = o(anchor ?? '', req.offTopic ? req.question.prompt : req.followUp.prompt);
    if (!asked.has(text)) {
      return { ok: true, probe: { text, criterion: req.criterion.id, ...(grounded ? { basedOn: anchor } : {}), source: 'offline' } };
    }
  }
  return { ok: false, error: 'every wording of this follow-up was already used in the session' };
}

export const offlineWriter: ProbeWriter = {
  async write(req: ProbeRequest, options?: WriteOptions): Promise<ProbeResult> {
    const result = offlineProbe(req);
    if (result.ok) options?.onToken?.(result.probe.text);
    return result;
  },
};
