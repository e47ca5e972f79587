// The text of a new scenario: a commented one to fill in, or a copy of another made the user's own.
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';

/** A scenario that validates as written, with a comment on every part saying what to change. */
export function scenarioTemplate(id: string, schemaPath: string): string {
  // The first line lets editors that read it (VS Code's YAML extension) complete and check fields.
  return `# yaml-language-server: $schema=${schemaPath}
# Your own interview. Change what the comments point at, then:
#   rehearse validate <this file>        checks it, and ranks each question's example answers
#   rehearse interview --scenario ${id}
# The rubric language (signals, criteria, lexicons): docs/rubrics.md in rehearse's repository.

id: ${id} # how commands name it; letters, digits, - and _
title: My next interview # shown in the list of scenarios
summary: One line on the company and the role, for the list.
role: Senior Product Manager

company:
  name: Example Health
  stage: Series B, 120 people
  market: Telemedicine for small clinics
  description: >-
    Two or three sentences the interviewer knows about the company: what it sells, to whom,
    and how it makes money. Probes and the "fits this company" criterion use it.

interviewer:
  name: Jordan Lee
  title: VP Product
  style: Warm but precise; asks for numbers.

context:
  # Words of this company's world. An answer that uses them scores on "fits this company".
  # A trailing * matches any ending: clinic* matches clinic, clinics, clinician.
  terms:
    - clinic*
    - patient*
    - visit*
    - appointment*
    - telemedicine

# Rubric libraries: rehearse:pm is the one rehearse ships (rubrics kpi, metrics, vision,
# incentives, shortfall, risks). Your own library is a path relative to this file, such as
# rubrics/mine.yaml; it can use rehearse:pm in turn and extend its rubrics.
uses:
  - rehearse:pm

questions:
  - id: north-star
    prompt: What is the single most important metric for our product, and why?
    rubric: kpi # a rubric in the libraries above
    budget:
      probes: 2 # follow-ups at most
      seconds: 300 # the answer's time budget
    followUps:
      # Asked when the answer is weak on a criterion it targets (criteria of the kpi rubric:
      # choice, definition, justification, context, supporting).
      - id: why
        prompt: Why that metric rather than revenue?
        targets: [justification]
      - id: define
        prompt: How exactly would you count it?
        targets: [definition]
    # A strong answer, shown after the score card in practice mode.
    example: >-
      My north star would be completed visits per active clinic per week: a visit counts once the
      consultation ends with notes signed, and a clinic is active if it held at least one visit that
      week. I would pick it over sign-ups or booked appointments, because a booking that never happens
      earns the clinic nothing, while a clinic that completes visits with us every week has moved its
      work onto our product, and that is what makes it renew and pay. In our market small clinics
      churn when the tool does not save them time, so this number moves before revenue does. Beside it
      I would track no-show rate and patient ratings as guardrails, so we never push visit volume at
      the cost of care, and time to first visit for new clinics as a leading indicator. If the north
      star stalled, I would split it by clinic size and by cohort before changing the roadmap.

  - id: incentives
    prompt: Our sales team is paid on new clinics signed. How would you keep them and product pulling the same way?
    rubric: incentives
    followUps:
      - id: who-decides
        prompt: When sales and product disagree on the roadmap, who decides, and how?
        targets: [governance]
    example: >-
      I would pay part of the sales commission on clinics still active after six months, not only on
      the contract signed, so sales and product are rewarded for the same outcome: clinics that keep
      holding visits with us. Sales would get a monthly slot in roadmap review to bring the three
      requests that block the most revenue, each with the deals behind it; product decides the order,
      in the open, and writes down why. We would review churned clinics together every month, so both
      teams see what a bad-fit deal costs, and agree on a shared retention target for the quarter. The
      risk is that sales slows down; I would watch new clinics signed per month and adjust the split
      after two quarters if it drops.
`;
}

/**
 * Another scenario's text made the user's own: a new id, and `uses` paths that still point at
 * the same libraries from the user's folder (a shipped library by name, any other by full path).
 * Comments and layout are kept.
 */
export function copiedScenario(text: string, id: string, library: (ref: string) => string): string {
  const doc = parseDocument(text);
  if (!isMap(doc.contents)) throw new Error('not a scenario');
  doc.set('id', id);
  const uses = doc.get('uses');
  if (isSeq(uses)) {
    uses.items.forEach((item, i) => {
      if (isScalar(item) && typeof item.value === 'string') uses.set(i, library(item.value));
    });
  }
  return doc.toString();
}
