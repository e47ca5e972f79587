// The compiled phrase matcher finds exactly what the trie walk it replaced found, span for span, on
// thousands of generated answers read against the shipped rubrics' phrase lists and the reasoning cues.
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/scenario/catalog.js';
import { CUES, HEDGE, METRIC_SHAPES, PLAN, SITUATED, VAGUE } from '../../src/scenario/cues.js';
import type { ResolvedRubric } from '../../src/scenario/rubric.js';
import { PhraseMatcher, spansOf } from '../../src/text/phrase-matcher.js';
import { PhraseSet } from '../../src/text/phrases.js';
import { tokenize } from '../../src/text/text.js';
import { generatedText, phraseSamples, seeded } from '../support/generated-answers.js';
import { PhraseIndex as ReferenceIndex } from '../support/reference-phrase-index.js';

const CUE_LISTS = [...Object.values(CUES), VAGUE, SITUATED, HEDGE, PLAN, METRIC_SHAPES].map((c) => c.phrases);
const isRegex = (p: string) => p.length > 2 && p.startsWith('/') && p.endsWith('/');

/** A rubric's phrase lists, as the scorer groups them: its signals', its topic and the other families', its context. */
function listsOf(rubric: ResolvedRubric): (readonly string[])[][] {
  const signals = Object.values(rubric.signals).flatMap((s) =>
    [s, ...(s.near ? [s.near] : [])].map((m) =>
      [...(m.terms ?? []), ...(m.lexicon ? (rubric.lexicons[m.lexicon] ?? []) : [])].filter((p) => !isRegex(p)),
    ),
  );
  return [signals, CUE_LISTS, [rubric.topic, ...rubric.contrast.map((c) => c.topic)], [rubric.context]];
}

const catalog = loadCatalog();
const questions = catalog.flatMap((s) => s.scenario.questions.map((q) => ({ q, rubric: s.rubrics[q.id]! })));
const everySentence = questions.flatMap(({ q }) => [q.example, ...q.exemplars.map((e) => e.text)].join(' ').split(/(?<=[.!?])\s+/u));

describe('the compiled phrase matcher', () => {
  it('finds what the trie walk found, on generated answers against every shipped rubric', () => {
    const rand = seeded(20260301);
    const rubrics = [...new Set(questions.map((x) => x.rubric))];
    let compared = 0;
    let spans = 0;
    // A section's trie walk, built once for the same lists: most rubrics share the cue lists and a family's signals.
    const built = new Map<string, ReferenceIndex>();
    const referenceFor = (lists: (readonly string[])[]) => {
      const key = JSON.stringify(lists);
      let ref = built.get(key);
      if (!ref) {
        ref = new ReferenceIndex();
        for (const l of lists) ref.add(l);
        built.set(key, ref);
      }
      return ref;
    };
    for (const rubric of rubrics) {
      const sections = listsOf(rubric);
      const set = new PhraseSet();
      const references = sections.map((lists) => {
        set.section();
        for (const l of lists) set.add(l);
        return referenceFor(lists);
      });
      const matcher = new PhraseMatcher(set.compile());
      const vocabulary = phraseSamples(rand, sections.flat(2));
      for (let n = 0; n < 150; n++) {
        const text = generatedText(rand, rand() < 0.7 ? everySentence : vocabulary, vocabulary, 1 + Math.floor(rand() * 12));
        const tokens = tokenize(text);
        const found = matcher.find(text, tokens, matcher.wordsOf(tokens));
        const expected = references.flatMap((ref) => ref.find(text, tokens));
        const actual = expected.map((_, list) => spansOf(found, list));
        expect(actual, text).toEqual(expected);
        compared++;
        spans += expected.reduce((k, s) => k + s.length, 0);
      }
    }
    expect(compared).toBeGreaterThan(2000);
    // The comparison means something only when most answers match many phrases.
    expect(spans / compared).toBeGreaterThan(20);
  });

  it('reads only the sections asked for', () => {
    const set = new PhraseSet();
    set.section().add(['weekly active users']);
    set.section().add(['active users']);
    const matcher = new PhraseMatcher(set.compile());
    const text = 'our weekly active users grew';
    const tokens = tokenize(text);
    const words = matcher.wordsOf(tokens);
    const both = matcher.find(text, tokens, words);
    const second = matcher.find(text, tokens, words, 0b10);
    expect([spansOf(both, 0), spansOf(both, 1)]).toEqual([[{ start: 4, end: 23 }], [{ start: 11, end: 23 }]]);
    expect([spansOf(second, 0), spansOf(second, 1)]).toEqual([[], [{ start: 11, end: 23 }]]);
  });

  it('finds nothing where there is nothing to find: no lists, empty lists, sections with none', () => {
    const text = 'our weekly active users grew';
    const tokens = tokenize(text);
    const none = new PhraseMatcher(new PhraseSet().compile());
    expect(none.find(text, tokens, none.wordsOf(tokens)).starts).toHaveLength(0);
    const set = new PhraseSet();
    set.section().add([]);
    set.section().add(['active users']);
    const matcher = new PhraseMatcher(set.compile());
    const words = matcher.wordsOf(tokens);
    expect([spansOf(matcher.find(text, tokens, words, 0b01), 0), spansOf(matcher.find(text, tokens, words, 0b01), 1)]).toEqual([[], []]);
    expect(spansOf(matcher.find(text, tokens, words), 1)).toEqual([{ start: 11, end: 23 }]);
  });

  it('keeps a plural form within its own section', () => {
    const set = new PhraseSet();
    set.section().add(['metric']);
    set.section().add(['metric tree']);
    const matcher = new PhraseMatcher(set.compile());
    const text = 'the metrics tree';
    const tokens = tokenize(text);
    const found = matcher.find(text, tokens, matcher.wordsOf(tokens));
    expect([spansOf(found, 0), spansOf(found, 1)]).toEqual([[{ start: 4, end: 11 }], []]);
  });
});
