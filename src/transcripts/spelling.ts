// Typos in an interviewer's question ("importnat", "vison", "secondry", "teh", "wuld") mended to
// the words the question families look for, so a misspelt question is recognised as it would be spelt right.

/** Words shorter than this are left as they are: a one-letter change to a short word is another word ("goal", "coal"). */
const MIN_LENGTH = 5;

/**
 * Short words too common to be another word when misspelt, as people mistype them in a hurry: the
 * edit-distance mending leaves words this short alone, so they are listed instead.
 */
const SHORT_TYPOS: Readonly<Record<string, string>> = {
  teh: 'the',
  hte: 'the',
  taht: 'that',
  thta: 'that',
  adn: 'and',
  nad: 'and',
  waht: 'what',
  wht: 'what',
  wat: 'what',
  whta: 'what',
  whats: "what's",
  wats: "what's",
  hwo: 'how',
  whcih: 'which',
  wich: 'which',
  whihc: 'which',
  wuld: 'would',
  woudl: 'would',
  wold: 'would',
  wud: 'would',
  coud: 'could',
  coudl: 'could',
  cuold: 'could',
  shoud: 'should',
  shoudl: 'should',
  shuold: 'should',
  yuo: 'you',
  yu: 'you',
  yoru: 'your',
  youre: "you're",
  youd: "you'd",
  youve: "you've",
  cna: 'can',
  dont: "don't",
  doesnt: "doesn't",
  didnt: "didn't",
  isnt: "isn't",
  wont: "won't",
  cant: "can't",
  wouldnt: "wouldn't",
  hasnt: "hasn't",
  havent: "haven't",
  thier: 'their',
  yuor: 'your',
};

/**
 * The commonest words of five letters or more that are one edit from a cue word ("though" from
 * "through", "where" from "there"): they are spelt right far more often than a cue word is mistyped
 * into them, so they are never mended.
 */
const COMMON = new Set(
  'though through thought these those there their where which while whole would could should about after again other others every since until under above below being doing going maybe still quite small large later early first shall never often along among around whose whom within without before during today tonight yours ours theirs might right great thing things think thinks means something anything everything nothing'.split(
    ' ',
  ),
);

/** Whether `a` becomes `b` by one letter added, dropped, changed, or two neighbours swapped. */
export function oneEditApart(a: string, b: string): boolean {
  return editAt(a, b) >= 0;
}

/** Where the one edit that makes `a` into `b` is (the first letter that differs), or -1 when they are not one edit apart. */
function editAt(a: string, b: string): number {
  if (a === b || Math.abs(a.length - b.length) > 1) return -1;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return i; // one changed
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2) ? i : -1; // two swapped
  }
  return (a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1)) ? i : -1;
}

/** A question word run into the verb after it ("Whatwould you do…", "howdo you…"), a slip of fast typing. */
const GLUED = /\b(what|how|why|which|where|when|who)(would|could|should|do|does|did|is|are|was|were|will|can)\b/gi;

/** An element of a phrase: its literal choices ("(falls|fell)" → falls, fell), or none for a wildcard. */
const choices = (element: string): string[] =>
  element
    .replace(/^\(|\)\??$|\?$/g, '')
    .split('|')
    .map((w) => w.toLowerCase())
    .filter((w) => /^[a-z][a-z'-]*$/.test(w));

export class Speller {
  private readonly words = new Set<string>();
  /** Known words by first letter and length, so a word is compared with few of them. */
  private readonly byHead = new Map<string, string[]>();
  /** The words said next to each known word in its phrases ("shall" → "we"), to check a mending against the text around it. */
  private readonly beside = new Map<string, Set<string>>();

  /** `phrases` in the phrase syntax: only their whole literal words (no stems, no wildcards) are learnt. */
  constructor(phrases: Iterable<string>) {
    for (const phrase of phrases)
      for (const part of phrase.split(/\s+\+\s+/)) {
        // Single words only: a choice of several words ("(eye on|keep)") is split into its words.
        const elements = part.replace(/\(([^)]*)\)/g, (g) => g.replace(/\s+/g, '|')).split(/\s+/);
        elements.forEach((element, i) => {
          for (const w of choices(element)) {
            if (w.length < MIN_LENGTH) continue;
            const near = new Set([...choices(elements[i - 1] ?? ''), ...choices(elements[i + 1] ?? '')]);
            const known = this.beside.get(w);
            if (known) near.forEach((n) => known.add(n));
            else this.beside.set(w, near);
            if (this.words.has(w)) continue;
            this.words.add(w);
            const bucket = this.byHead.get(w[0]!);
            if (bucket) bucket.push(w);
            else this.byHead.set(w[0]!, [w]);
          }
        });
      }
  }

  /**
   * The text with each unknown word one edit from exactly one known word replaced by it; everything
   * else as it was. A change to a word's second or last letter is more often another word than a typo
   * ("small" and "shall", "reads" and "ready", "healthy" and "health"): such a word is mended only
   * when the word beside it is the one its phrase has there ("shal we start").
   */
  correct(text: string): string {
    const glued = text.replace(GLUED, '$1 $2');
    return glued.replace(/[A-Za-z][a-z]*(?:['’][a-z]+)?/g, (word, at: number) => {
      const w = word.toLowerCase();
      const cased = (mended: string) => (/^[A-Z]/.test(word) ? mended[0]!.toUpperCase() + mended.slice(1) : mended);
      const short = SHORT_TYPOS[w];
      if (short) return cased(short);
      if (w.length < MIN_LENGTH || this.words.has(w) || COMMON.has(w) || !/^[a-z]+$/.test(w)) return word;
      // The first letter is seldom the one mistyped, and keeping it keeps most real words apart.
      const near = (this.byHead.get(w[0]!) ?? []).filter((k) => oneEditApart(w, k));
      if (near.length !== 1) return word;
      const known = near[0]!;
      const i = editAt(w, known);
      if (i >= 2 && i < Math.min(w.length, known.length) - 1) return cased(known);
      const before = /([a-z']+)\W*$/i.exec(glued.slice(0, at))?.[1]?.toLowerCase();
      const after = /^\W*([a-z']+)/i.exec(glued.slice(at + word.length))?.[1]?.toLowerCase();
      const beside = this.beside.get(known)!;
      return (before && beside.has(before)) || (after && beside.has(after)) ? cased(known) : word;
    });
  }
}
