// The question model measured as a new blind set would measure it: leave one generation of the
// written sets out, train on the others, and grade the one left out with the cues alone (before)
// and with the cues and that model (after), line by line and in whole conversations.
import { readTurn } from '../src/transcripts/reading.js';
import { QuestionModel } from '../src/transcripts/question-model.js';
import { questionModel } from '../src/transcripts/families.js';
import { conversationTallies, lineTally, pmFamilies, precisionOf, recallOf, type Tally } from './precision.js';
import { examplesOf, GENERATIONS, trainOn } from './question-sets.js';
import type { Figure } from './util.js';

const add = (a: Tally, b: Tally): Tally => ({
  right: a.right + b.right,
  wrong: a.wrong + b.wrong,
  keyed: a.keyed + b.keyed,
  misses: [...a.misses, ...b.misses],
});
const empty = (): Tally => ({ right: 0, wrong: 0, keyed: 0, misses: [] });
const pr = (t: Tally) => `${precisionOf(t)}% / ${recallOf(t)}%`;

interface Held {
  lines: Tally;
  conversations: Tally;
  exact: Tally;
}

function measure(generation: (typeof GENERATIONS)[number], model: QuestionModel | null): Held {
  const { byTurn, exact } = conversationTallies(generation.sets.conversations, model);
  return { lines: lineTally(generation.sets, pmFamilies(model)), conversations: byTurn, exact };
}

/** Microseconds a call costs, over the given lines read once to warm up, then again and again for about a fifth of a second. */
function microseconds(lines: readonly string[], read: (line: string) => unknown): number {
  for (const line of lines) read(line);
  let calls = 0;
  const started = performance.now();
  while (performance.now() - started < 200)
    for (const line of lines) {
      read(line);
      calls++;
    }
  return Math.round(((performance.now() - started) * 1000) / calls);
}

export function benchQuestionModel(): Figure[] {
  const out: Figure[] = [];
  const total = { before: { lines: empty(), conversations: empty() }, after: { lines: empty(), conversations: empty() } };
  for (const g of GENERATIONS) {
    const model = new QuestionModel(trainOn(GENERATIONS.filter((o) => o !== g)));
    const before = measure(g, null);
    const after = measure(g, model);
    for (const [k, t] of [
      ['before', before],
      ['after', after],
    ] as const) {
      total[k].lines = add(total[k].lines, t.lines);
      total[k].conversations = add(total[k].conversations, t.conversations);
    }
    out.push(
      {
        name: `${g.name} held out, single lines: precision / recall`,
        value: precisionOf(after.lines),
        unit: `% / ${recallOf(after.lines)}% with the model (cues alone: ${pr(before.lines)})`,
        ...(after.lines.misses.length ? { detail: `wrong or missed: ${after.lines.misses.join(' · ')}` } : {}),
      },
      {
        name: `${g.name} held out, conversations by turn: precision / recall`,
        value: precisionOf(after.conversations),
        unit: `% / ${recallOf(after.conversations)}% with the model (cues alone: ${pr(before.conversations)}; by exact line: ${pr(after.exact)}, cues alone ${pr(before.exact)})`,
        ...(after.conversations.misses.length ? { detail: `wrong or missed: ${after.conversations.misses.join(' · ')}` } : {}),
      },
    );
  }
  for (const [what, key] of [
    ['single lines', 'lines'],
    ['conversations by turn', 'conversations'],
  ] as const) {
    const after = total.after[key];
    const before = total.before[key];
    out.push(
      {
        name: `every generation held out in turn, ${what}: precision`,
        value: precisionOf(after),
        unit: `% of ${after.right + after.wrong} graded (cues alone: ${precisionOf(before)}% of ${before.right + before.wrong})`,
        target: '≥ 95%',
        ok: precisionOf(after) >= 95,
      },
      {
        name: `every generation held out in turn, ${what}: recall`,
        value: recallOf(after),
        unit: `% of ${after.keyed} (cues alone: ${recallOf(before)}%)`,
        target: '≥ 90%',
        ok: recallOf(after) >= 90,
      },
    );
  }
  const lines = GENERATIONS.flatMap(examplesOf).map((e) => e.text);
  const shipped = questionModel();
  const withModel = pmFamilies();
  const cuesAlone = pmFamilies(null);
  const perLine = microseconds(lines, (l) => shipped.predict(l));
  out.push(
    { name: 'the question model reading one line', value: perLine, unit: 'µs', target: '< 50 µs', ok: perLine < 50 },
    {
      name: 'reading one interviewer turn, cues and model',
      value: microseconds(lines, (l) => readTurn(l, withModel)),
      unit: `µs (cues alone: ${microseconds(lines, (l) => readTurn(l, cuesAlone))} µs), over the ${lines.length} lines of the sets`,
    },
  );
  return out;
}
