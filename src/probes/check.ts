// Checks an LLM's reply before it may reach the candidate: one grounded question, no rubric, no score.
import { ProbeReply, type ProbeRequest, type ProbeResult } from './types.js';

/** Longest probe accepted, in words: a question that can be read in one breath. */
export const MAX_PROBE_WORDS = 60;

const REFUSAL = /^(?:i['’]?m sorry|i am sorry|sorry,|i can(?:no|['’])t|i won['’]t|as an ai|i am unable|i['’]m unable)/i;
const REVEALS =
  /\b(?:rubric|criteri(?:on|a)|scor(?:e|es|ed|ing)|grad(?:e|es|ed|ing)|points?|band|level \d|\d+\s*\/\s*(?:10|100)|marks?)\b/i;

const fold = (t: string) => t.toLowerCase().replace(/[’‘]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim();

/** The first {...} in the text, so a reply wrapped in prose or a code fence still parses. */
function jsonIn(text: string): unknown {
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start < 0 || end <= start) throw new Error('no JSON object');
  return JSON.parse(text.slice(start, end + 1));
}

export function checkReply(text: string, req: ProbeRequest): ProbeResult {
  const raw = text.trim();
  if (!raw) return { ok: false, error: 'the model returned nothing' };
  if (REFUSAL.test(raw)) return { ok: false, error: 'the model refused' };
  let data: unknown;
  try {
    data = jsonIn(raw);
  } catch {
    return { ok: false, error: 'the reply was not valid JSON' };
  }
  const parsed = ProbeReply.safeParse(data);
  if (!parsed.success) return { ok: false, error: `the reply lacked ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}` };
  const { probe, criterion, based_on: basedOn } = parsed.data;
  if (REFUSAL.test(probe)) return { ok: false, error: 'the model refused' };
  if ((probe.match(/\?/g) ?? []).length > 1) return { ok: false, error: 'the reply asked more than one question' };
  if (probe.split(/\s+/).length > MAX_PROBE_WORDS) return { ok: false, error: `the reply was longer than ${MAX_PROBE_WORDS} words` };
  if (REVEALS.test(probe) || fold(probe).includes(fold(req.criterion.title))) {
    return { ok: false, error: 'the reply revealed the rubric or a score' };
  }
  if (criterion !== req.criterion.id) return { ok: false, error: `the reply targeted "${criterion}", not "${req.criterion.id}"` };
  // Steering back from an answer that bears on none of the question, it builds on the question, not on that answer.
  const ground = req.offTopic ? req.question.prompt : req.answer;
  if (!fold(ground).includes(fold(basedOn).replace(/^["']|["']$/g, ''))) {
    return { ok: false, error: 'the reply was not grounded in the answer' };
  }
  return { ok: true, probe: { text: probe, criterion, basedOn, source: 'llm' } };
}

/**
 * Pulls the "probe" string out of a JSON reply while it streams, so its words can be shown
 * as they arrive. Feed it the reply piece by piece; it calls `emit` with decoded text.
 */
export class ProbeFieldStream {
  private buffer = '';
  private inside = false;
  private done = false;
  private escape = false;

  constructor(private readonly emit: (text: string) => void) {}

  push(piece: string): void {
    if (this.done) return;
    this.buffer += piece;
    if (!this.inside) {
      const open = /"probe"\s*:\s*"/.exec(this.buffer);
      if (!open) return;
      this.inside = true;
      this.buffer = this.buffer.slice(open.index + open[0].length);
    }
    let out = '';
    let i = 0;
    for (; i < this.buffer.length; i++) {
      const c = this.buffer[i]!;
      if (this.escape) {
        if (c === 'u') {
          const hex = this.buffer.slice(i + 1, i + 5);
          if (hex.length < 4) break; // wait for the rest of \uXXXX
          out += String.fromCharCode(parseInt(hex, 16));
          i += 4;
        } else out += c === 'n' ? '\n' : c === 't' ? '\t' : c;
        this.escape = false;
      } else if (c === '\\') this.escape = true;
      else if (c === '"') {
        this.done = true;
        break;
      } else out += c;
    }
    this.buffer = this.buffer.slice(i);
    if (out) this.emit(out);
  }
}
