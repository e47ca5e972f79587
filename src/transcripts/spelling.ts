// Typos in an interviewer's question ("importnat", "vison", "secondry") mended to the words the
// question families look for, so a misspelt question is recognised as it would be spelt right.

/** Words shorter than this are left as they are: a one-letter change to a short word is another word ("goal", "coal"). */
const MIN_LENGTH = 5;

/** Whether `a` becomes `b` by one letter added, dropped, changed, or two neighbours swapped. */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // one changed
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // two swapped
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** A question word run into the verb after it ("Whatwould you do…", "howdo you…"), a slip of fast typing. */
const GLUED = /\b(what|how|why|which|where|when|who)(would|could|should|do|does|did|is|are|was|were|will|can)\b/gi;

export class Speller {
  private readonly words = new Set<string>();
  /** Known words by first letter and length, so a word is compared with few of them. */
  private readonly byHead = new Map<string, string[]>();

  /** `phrases` in the phrase syntax: only their whole literal words (no stems, no wildcards) are learnt. */
  constructor(phrases: Iterable<string>) {
    for (const phrase of phrases)
      for (const w of phrase.toLowerCase().match(/[a-z][a-z'-]*\*?/g) ?? []) {
        if (w.endsWith('*') || w.length < MIN_LENGTH || this.words.has(w)) continue;
        this.words.add(w);
        const bucket = this.byHead.get(w[0]!);
        if (bucket) bucket.push(w);
        else this.byHead.set(w[0]!, [w]);
      }
  }

  /** The text with each unknown word one edit from exactly one known word replaced by it; everything else as it was. */
  correct(text: string): string {
    return text.replace(GLUED, '$1 $2').replace(/[A-Za-z][a-z]+/g, (word) => {
      const w = word.toLowerCase();
      if (w.length < MIN_LENGTH || this.words.has(w)) return word;
      // The first letter is seldom the one mistyped, and keeping it keeps most real words apart.
      const near = (this.byHead.get(w[0]!) ?? []).filter((k) => oneEditApart(w, k));
      return near.length === 1 ? near[0]! : word;
    });
  }
}
