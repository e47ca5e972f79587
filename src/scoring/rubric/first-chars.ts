// What a regular expression's match can start with, as a lookahead put in front of it: the engine then
// passes over a place where no match can start with one test, instead of trying the pattern there. A
// pattern that opens with a lookbehind otherwise reads back from every place it tries, and over a long
// run of spaces (sentences set aside are blanked to spaces) that is quadratic. Only such patterns get
// the lookahead: for the others the engine finds where a match may start on its own, faster than the
// lookahead would (measured on the shipped patterns: 2–4 µs per answer slower with it).
//
// The lookahead is an alternation of the pattern's own single-character atoms, copied as written, so
// that under the same flags each reads as it does in the pattern. It only ever refuses places where the
// pattern cannot match, so the matches are the same. Anything this reader does not know (a
// backreference, a pattern that can match nothing at all) leaves the pattern as it is.
//
// The same reading also gives the strings one of which every match must hold (requiredLiterals): a
// pattern that opens with any letter ("\p{L}+ above 99%") makes the engine try every place, and most
// answers hold none of the words it turns on, so one quick test for them spares the whole search.

class Unsupported extends Error {}

interface First {
  /** The sources of the atoms a match can start with. */
  atoms: string[];
  /** Whether this part can match the empty string, so what follows it can start the match too. */
  nullable: boolean;
  /** Strings one of which every match of this part holds, when known (see `requiredLiterals`). */
  need?: string[];
  /** The character this part is, when it is one literal character and nothing else. */
  char?: string;
}

/** A bound on the strings of a required set, so that testing for them stays one short alternation (a bound chosen, not tuned). */
const MOST_NEEDED = 32;

/**
 * Strings one of which every match of the pattern holds, read in unicode mode, or undefined when the
 * reader cannot tell (a part that needs no literal, a construct it does not read). A text holding
 * none of them (tested under the pattern's own flags, so case folds alike) has no match: the scorer
 * then skips the pattern, as literal prefilters do in engines such as RE2.
 */
export function requiredLiterals(source: string): string[] | undefined {
  try {
    const reader = new Reader(source);
    const all = reader.disjunction();
    return reader.at < source.length ? undefined : all.need;
  } catch (e) {
    // A pattern nested deeper than the reader's stack goes (RangeError) is one it cannot tell about either.
    if (e instanceof Unsupported || e instanceof RangeError) return undefined;
    throw e;
  }
}

/** The strings of `requiredLiterals` as one pattern that finds any of them under the scorer's flags, or null when there are none. */
export function requiredPattern(source: string): RegExp | null {
  const needs = requiredLiterals(source);
  // Only syntax characters are escaped: in unicode mode any other escape is an error.
  return needs ? new RegExp(needs.map((x) => x.replace(/[\\^$.*+?()[\]{}|/]/gu, '\\$&')).join('|'), 'iu') : null;
}

/** The better of two required sets: the one whose shortest string is longer, then the one with fewer strings. */
function better(a: string[] | undefined, b: string[]): string[] {
  if (!a) return b;
  const shortest = (x: string[]) => Math.min(...x.map((s) => s.length));
  return shortest(b) > shortest(a) || (shortest(b) === shortest(a) && b.length < a.length) ? b : a;
}

/** The pattern with a lookahead for its first characters in front, or the pattern unchanged. Read in unicode mode. */
export function withFirstChars(source: string): string {
  // No lookbehind anywhere: nothing to read (a rubric is compiled when a process starts, so this is kept cheap).
  if (!source.includes('(?<=') && !source.includes('(?<!')) return source;
  try {
    const reader = new Reader(source);
    const first = reader.disjunction();
    if (reader.at < source.length || first.nullable || !first.atoms.length || !reader.opensWithLookbehind) return source;
    return `(?=${[...new Set(first.atoms)].join('|')})(?:${source})`;
  } catch (e) {
    if (e instanceof Unsupported || e instanceof RangeError) return source;
    throw e;
  }
}

class Reader {
  at = 0;
  /** Whether a lookbehind stands before what a match can start with. */
  opensWithLookbehind = false;
  constructor(private readonly src: string) {}

  private peek(k = 0): string {
    return this.src[this.at + k] ?? '';
  }

  private fail(): never {
    throw new Unsupported();
  }

  disjunction(): First {
    const atoms: string[] = [];
    let nullable = false;
    // Every alternative must hold one of its own: the set is theirs together, or unknown if one has none.
    let need: string[] | undefined = [];
    for (;;) {
      const alt = this.alternative();
      atoms.push(...alt.atoms);
      nullable ||= alt.nullable;
      need = need && alt.need ? [...need, ...alt.need] : undefined;
      if (this.peek() !== '|') break;
      this.at++;
    }
    if (need && (need.length > MOST_NEEDED || need.some((x) => x === ''))) need = undefined;
    return { atoms, nullable, ...(need ? { need: [...new Set(need)] } : {}) };
  }

  /** Terms up to `|`, `)` or the end: the atoms of each until one that cannot match nothing. */
  private alternative(): First {
    const atoms: string[] = [];
    let open = true;
    // Literal characters in a row make one string every match holds; of those and the required
    // parts' own sets, the best stands for the alternative.
    let run = '';
    let need: string[] | undefined;
    const endRun = () => {
      if (run) need = better(need, [run]);
      run = '';
    };
    while (this.at < this.src.length && this.peek() !== '|' && this.peek() !== ')') {
      if (open && this.peek() === '(' && this.peek(1) === '?' && this.peek(2) === '<' && (this.peek(3) === '=' || this.peek(3) === '!'))
        this.opensWithLookbehind = true;
      const term = this.term();
      if (open) atoms.push(...term.atoms);
      if (!term.nullable) open = false;
      if (term.char !== undefined) run += term.char;
      else {
        endRun();
        if (term.need) need = better(need, term.need);
      }
    }
    endRun();
    return { atoms, nullable: open, ...(need ? { need } : {}) };
  }

  private term(): First {
    const c = this.peek();
    // Assertions: they consume nothing.
    if (c === '^' || c === '$') {
      this.at++;
      return { atoms: [], nullable: true };
    }
    if (c === '\\' && (this.peek(1) === 'b' || this.peek(1) === 'B')) {
      this.at += 2;
      return { atoms: [], nullable: true };
    }
    if (c === '(' && this.peek(1) === '?') {
      const kind = this.src.slice(this.at + 2, this.at + 4);
      if (kind[0] === '=' || kind[0] === '!' || kind === '<=' || kind === '<!') {
        this.at += kind[0] === '<' ? 4 : 3;
        this.disjunction();
        this.close();
        // A lookaround cannot be quantified in unicode mode.
        return { atoms: [], nullable: true };
      }
    }
    const atom = this.atom();
    return this.quantified(atom);
  }

  private close(): void {
    if (this.peek() !== ')') this.fail();
    this.at++;
  }

  private atom(): First {
    const c = this.peek();
    const start = this.at;
    if (c === '(') {
      if (this.peek(1) === '?') {
        if (this.peek(2) === ':') this.at += 3;
        else if (this.peek(2) === '<' && /[\p{L}$_]/u.test(this.peek(3))) {
          const end = this.src.indexOf('>', this.at);
          if (end < 0) this.fail();
          this.at = end + 1;
        } else this.fail();
      } else this.at++;
      const inner = this.disjunction();
      this.close();
      return inner;
    }
    if (c === '[') {
      this.at++;
      if (this.peek() === '^') this.at++;
      while (this.peek() !== ']') {
        if (this.at >= this.src.length) this.fail();
        this.at += this.peek() === '\\' ? 2 : 1;
      }
      this.at++;
      return { atoms: [this.src.slice(start, this.at)], nullable: false };
    }
    if (c === '\\') {
      const escaped = this.escape();
      // An escaped mark (\. \% \/) is that character; letters and digits escape classes and codes.
      const char = escaped.length === 2 && /[^\p{L}\p{N}]/u.test(escaped[1]!) ? escaped[1]! : undefined;
      return { atoms: [escaped], nullable: false, ...(char !== undefined ? { char } : {}) };
    }
    if (c === '' || c === ')' || c === '|' || c === '*' || c === '+' || c === '?' || c === '{' || c === ']' || c === '}') this.fail();
    // A character (a whole code point), or "." for any.
    const cp = this.src.codePointAt(this.at)!;
    this.at += cp > 0xffff ? 2 : 1;
    const atom = this.src.slice(start, this.at);
    return { atoms: [atom], nullable: false, ...(atom !== '.' ? { char: atom } : {}) };
  }

  /** An escape that stands for one character or one class of them; a backreference is not supported. */
  private escape(): string {
    const start = this.at;
    const e = this.peek(1);
    if (/[1-9k]/.test(e)) this.fail();
    if (e === 'p' || e === 'P') {
      if (this.peek(2) !== '{') this.fail();
      const end = this.src.indexOf('}', this.at);
      if (end < 0) this.fail();
      this.at = end + 1;
    } else if (e === 'u' && this.peek(2) === '{') {
      const end = this.src.indexOf('}', this.at);
      if (end < 0) this.fail();
      this.at = end + 1;
    } else if (e === 'u') this.at += 6;
    else if (e === 'x') this.at += 4;
    else if (e === 'c') this.at += 3;
    else if (e === '0' && /\d/.test(this.peek(2))) this.fail();
    else if (e === '') this.fail();
    else this.at += 2;
    if (this.at > this.src.length) this.fail();
    return this.src.slice(start, this.at);
  }

  private quantified(atom: First): First {
    const c = this.peek();
    let min = 1;
    if (c === '*' || c === '?') {
      min = 0;
      this.at++;
    } else if (c === '+') this.at++;
    else if (c === '{') {
      const m = /^\{(\d+)(,\d*)?\}/.exec(this.src.slice(this.at));
      if (!m) this.fail();
      min = Number(m[1]);
      this.at += m[0].length;
    } else return atom;
    if (this.peek() === '?') this.at++;
    // Repeated, a character is no longer one of a run; it, or the part's own set, is still needed if it must appear.
    const need = min === 0 ? undefined : (atom.need ?? (atom.char !== undefined ? [atom.char] : undefined));
    return { atoms: atom.atoms, nullable: atom.nullable || min === 0, ...(need ? { need } : {}) };
  }
}
