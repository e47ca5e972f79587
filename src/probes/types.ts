// The one interface every probe writer implements; a failure is a value, never a throw.
import * as z from '../zod.js';

export interface ProbeRequest {
  scenario: {
    title: string;
    role: string;
    company: { name: string; stage: string; market: string; description: string };
    interviewer: { name: string; title: string; style: string };
  };
  question: { id: string; prompt: string };
  followUp: { id: string; prompt: string };
  criterion: { id: string; title: string; missing: string[] };
  /** Everything the candidate has said to this question so far. */
  answer: string;
  /** Phrases of the answer the scorer found, best first: what a probe can build on. */
  anchors: string[];
  /** Probes already asked in this session, so wording is not repeated. */
  previous: string[];
  /** Set when what was said so far bears on none of the question: the probe steers back to it, quoting nothing. */
  offTopic?: boolean;
}

/** What a writer must return; an LLM's reply is checked against it. */
export const ProbeReply = z.object({
  probe: z.string().trim().min(1),
  criterion: z.string().trim().min(1),
  based_on: z.string().trim().min(1),
});

export interface Probe {
  text: string;
  criterion: string;
  basedOn?: string;
  source: 'llm' | 'offline';
}

export type ProbeResult =
  | { ok: true; probe: Probe }
  /** `quiet`: the writer was not tried (it had failed too often); the candidate was told already. */
  | { ok: false; error: string; quiet?: boolean };

export interface WriteOptions {
  /** Called with each piece of the probe's text as it arrives. */
  onToken?: (text: string) => void;
}

export interface ProbeWriter {
  write(request: ProbeRequest, options?: WriteOptions): Promise<ProbeResult>;
}
