// Seeded answers made by mixing sentences with the shapes that make phrase matching hard: figures,
// hyphens and slashes between words, plurals and possessives, word endings, fillers, punctuation and
// letters outside ASCII. Used to compare two implementations of the same matching on many inputs.

/** A seeded generator (an LCG), so every run makes the same answers. */
export function seeded(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x / 2 ** 32;
  };
}

const FIGURES = ['12%', '3.5', '1,000', '30-day', '2x', '99.9%', '7', '45', '2024', '10k', '£40', '$5', '#1', '3rd', '1/3'];
const FILLERS = ['um,', 'uh', 'you know,', 'like,', 'I mean,', 'erm', 'basically', 'hmm'];
const ODD = ['café', 'naïve', 'Zürich', '📈', 'नमस्ते', 'ｘ', 'façade', 'résumé', '—', '–', '…', '？', '·', '"quoted"', '(aside)', '[note]'];
const JOINERS = ['-', '/', '.', ' - ', '  ', '\u00a0', '\n', ', ', '; ', ': '];
const ENDINGS = ['s', 'es', "'s", '’s', 'ing', 'ed', 'ly', 'er', 'ation'];
const ENDS = ['.', '.', '.', '?', '!', ';', '', '...', '.\n', '\n\n- ', '\n2. '];

/**
 * One generated text: a few sentences of the pool, each changed in one or more ways. `vocabulary`
 * holds phrases spliced in whole (a rubric's terms, the cue phrases), so that matches are common.
 */
export function generatedText(rand: () => number, pool: readonly string[], vocabulary: readonly string[], sentences: number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const parts: string[] = [];
  for (let n = 0; n < sentences; n++) {
    let words = pick(pool).split(/\s+/u).filter(Boolean);
    const changes = Math.floor(rand() * 4);
    for (let c = 0; c < changes; c++) words = changed(rand, words, vocabulary, pick);
    let sentence = words.join(' ');
    if (rand() < 0.1) sentence = sentence.toLowerCase().replace(/[.,;:!?]/gu, '');
    if (rand() < 0.05) sentence = sentence.replace(/'/gu, '’');
    parts.push(sentence.replace(/[.!?]$/u, '') + pick(ENDS));
  }
  return parts.join(' ');
}

function changed(rand: () => number, words: string[], vocabulary: readonly string[], pick: <T>(xs: readonly T[]) => T): string[] {
  const out = [...words];
  const at = Math.floor(rand() * (out.length + 1));
  const word = Math.min(at, out.length - 1);
  switch (Math.floor(rand() * 8)) {
    case 0:
      out.splice(at, 0, pick(FIGURES));
      break;
    case 1:
      if (word > 0) out.splice(word - 1, 2, `${out[word - 1]}${pick(JOINERS)}${out[word]}`);
      break;
    case 2:
      if (word >= 0) out[word] = `${out[word]!.replace(/[.,;:!?]$/u, '')}${pick(ENDINGS)}`;
      break;
    case 3:
      out.splice(at, 0, pick(FILLERS));
      break;
    case 4:
      out.splice(at, 0, pick(ODD));
      break;
    case 5:
      if (vocabulary.length) out.splice(at, 0, pick(vocabulary));
      break;
    case 6:
      // A word said twice, or cut short as a stem.
      if (word >= 0) out.splice(word, 0, rand() < 0.5 ? out[word]! : out[word]!.slice(0, Math.max(1, out[word]!.length - 3)));
      break;
    default:
      if (word >= 0) out[word] = rand() < 0.5 ? out[word]!.toUpperCase() : out[word]!.charAt(0).toUpperCase() + out[word]!.slice(1);
  }
  return out;
}

/** The words of phrases in the phrase syntax, written as an answer would: groups resolved, wildcards filled. */
export function phraseSamples(rand: () => number, phrases: readonly string[]): string[] {
  const fill = ['the', 'users', '12', 'weekly', 'merchant', 'a'];
  return phrases.map((p) =>
    p
      .replace(/\(([^)]*)\)\??/gu, (_, g: string) => {
        const choices = g.split('|');
        return choices[Math.floor(rand() * choices.length)]!;
      })
      .replace(/\b_s\b/gu, 'visits')
      .replace(/(^|\s)_(?=\s|$)/gu, (_, s: string) => `${s}${fill[Math.floor(rand() * fill.length)]}`)
      .replace(/#/gu, String(Math.floor(rand() * 100)))
      .replace(/\*/gu, rand() < 0.5 ? 'ing' : '')
      .replace(/\?/gu, ''),
  );
}
