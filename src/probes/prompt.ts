// Renders the prompt templates in prompts/ with the request's values; the answer goes in as delimited data.
import { ownEntry } from '../own.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../paths.js';
import type { ProbeRequest } from './types.js';

export const PROMPTS_DIR = join(PACKAGE_ROOT, 'prompts');

export interface Templates {
  system: string;
  user: string;
}

export function loadTemplates(dir = PROMPTS_DIR): Templates {
  return { system: readFileSync(join(dir, 'probe.system.md'), 'utf8'), user: readFileSync(join(dir, 'probe.user.md'), 'utf8') };
}

/** The markers around the answer; the answer may not contain them. */
const MARKERS = /<<<|>>>/g;

export function placeholders(req: ProbeRequest): Record<string, string> {
  return {
    interviewer_name: req.scenario.interviewer.name,
    interviewer_title: req.scenario.interviewer.title,
    interviewer_style: req.scenario.interviewer.style,
    company_name: req.scenario.company.name,
    company_stage: req.scenario.company.stage,
    company_market: req.scenario.company.market,
    company_description: req.scenario.company.description,
    role: req.scenario.role,
    question: req.question.prompt,
    follow_up: req.followUp.prompt,
    criterion_id: req.criterion.id,
    criterion_title: req.criterion.title,
    criterion_missing: req.criterion.missing.length ? `A strong answer would ${req.criterion.missing.join('; ')}.` : '',
    answer_note: req.offTopic
      ? 'The answer so far bears on none of the question: steer the candidate back to it, politely, building on a phrase of the question, not of the answer.'
      : '',
    // The candidate cannot close the data block early: marker characters are swapped for look-alikes.
    answer: req.answer.replace(MARKERS, (m) => (m === '<<<' ? '‹‹‹' : '›››')),
  };
}

export function render(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => {
    const value = ownEntry(values, name);
    if (value === undefined) throw new Error(`prompt template names an unknown placeholder ${whole}`);
    return value;
  });
}

export function renderMessages(templates: Templates, req: ProbeRequest): { system: string; user: string } {
  const values = placeholders(req);
  return { system: render(templates.system, values).trim(), user: render(templates.user, values).trim() };
}
