// Finds a loop in a regular expression that can read the same text in two ways, such as `(a|a)*` or `(x|xx)+`.
import type { AST } from '@eslint-community/regexpp';
import type { CharSet } from 'refa';

/** The characters a character, class or escape matches (regexp-ast-analysis's, passed in so it loads only when needed). */
export type CharsOf = (node: AST.Character | AST.CharacterClass | AST.CharacterSet) => CharSet;

/** Past this many characters and classes the check is not worth its time; the nested-quantifier check still runs. */
const MAX_POSITIONS = 300;

interface Part {
  nullable: boolean;
  first: number[];
  last: number[];
}

/**
 * The text of a loop that can match the same characters along two different paths, or undefined.
 * Such a loop doubles the engine's work with every repetition when a match fails: exponential
 * backtracking. Read on the position (Glushkov) automaton of the pattern: it has a state that two
 * different paths, reading the same characters, leave and return to. Lookarounds, anchors and
 * back-references are read as matching nothing, which only ever finds more paths, not fewer.
 */
export function ambiguousLoop(pattern: AST.Pattern, charsOf: CharsOf): string | undefined {
  const chars: CharSet[] = [];
  const follow: Set<number>[] = [];
  /** The innermost unbounded quantifier around each position, to name the loop found. */
  const loopOf: (AST.Quantifier | undefined)[] = [];
  let tooBig = false;

  const link = (from: readonly number[], to: readonly number[]) => {
    for (const f of from) for (const t of to) follow[f]!.add(t);
  };
  const sequence = (parts: Part[]): Part => {
    let out: Part = { nullable: true, first: [], last: [] };
    for (const p of parts) {
      link(out.last, p.first);
      out = {
        nullable: out.nullable && p.nullable,
        first: out.nullable ? [...out.first, ...p.first] : out.first,
        last: p.nullable ? [...out.last, ...p.last] : p.last,
      };
    }
    return out;
  };
  const choice = (parts: Part[]): Part => ({
    nullable: parts.some((p) => p.nullable),
    first: parts.flatMap((p) => p.first),
    last: parts.flatMap((p) => p.last),
  });
  const nothing: Part = { nullable: true, first: [], last: [] };

  const walk = (node: AST.Element | AST.Alternative, loop: AST.Quantifier | undefined): Part => {
    switch (node.type) {
      case 'Alternative':
        return sequence(node.elements.map((e) => walk(e, loop)));
      case 'Group':
      case 'CapturingGroup':
        return choice(node.alternatives.map((a) => walk(a, loop)));
      case 'Quantifier': {
        if (node.max === 0) return nothing;
        const unbounded = node.max === Infinity;
        const inner = walk(node.element, unbounded ? node : loop);
        if (unbounded) link(inner.last, inner.first);
        return { ...inner, nullable: inner.nullable || node.min === 0 };
      }
      case 'Character':
      case 'CharacterClass':
      case 'CharacterSet': {
        if (node.type === 'CharacterSet' && node.kind === 'property' && node.strings) return nothing;
        if (chars.length >= MAX_POSITIONS) {
          tooBig = true;
          return nothing;
        }
        const at = chars.length;
        chars.push(charsOf(node));
        follow.push(new Set());
        loopOf.push(loop);
        return { nullable: false, first: [at], last: [at] };
      }
      default:
        // Assertions, lookarounds, back-references: read as matching the empty text.
        return nothing;
    }
  };
  const whole = choice(pattern.alternatives.map((a) => walk(a, undefined)));
  if (tooBig) return undefined;

  // Pairs of positions reached by the same characters from the start, and which pairs lead to which.
  const n = chars.length;
  const overlaps = (a: number, b: number) => !chars[a]!.isDisjointWith(chars[b]!);
  const key = (a: number, b: number) => a * n + b;
  const next = new Map<number, number[]>();
  const stack: [number, number][] = [];
  const seen = new Set<number>();
  const visit = (a: number, b: number) => {
    if (!overlaps(a, b) || seen.has(key(a, b))) return;
    seen.add(key(a, b));
    stack.push([a, b]);
  };
  for (const a of whole.first) for (const b of whole.first) visit(a, b);
  while (stack.length) {
    const [a, b] = stack.pop()!;
    const out: number[] = [];
    for (const x of follow[a]!) {
      for (const y of follow[b]!) {
        if (!overlaps(x, y)) continue;
        out.push(key(x, y));
        visit(x, y);
      }
    }
    next.set(key(a, b), out);
  }

  // A strongly connected set of pairs holding both a pair (p, p) and a pair (p, q), p ≠ q: two paths on the same text.
  for (const component of components([...seen], (k) => next.get(k) ?? [])) {
    const same = component.find((k) => Math.floor(k / n) === k % n);
    if (same !== undefined && component.some((k) => Math.floor(k / n) !== k % n)) {
      return loopOf[same % n]?.raw ?? pattern.raw;
    }
  }
  return undefined;
}

/** Tarjan's strongly connected components, without recursion (a pattern may have hundreds of positions). */
function components(nodes: number[], edges: (k: number) => number[]): number[][] {
  const index = new Map<number, number>();
  const low = new Map<number, number>();
  const onStack = new Set<number>();
  const stack: number[] = [];
  const out: number[][] = [];
  let counter = 0;
  for (const root of nodes) {
    if (index.has(root)) continue;
    const work: { node: number; edge: number }[] = [{ node: root, edge: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length) {
      const top = work[work.length - 1]!;
      const targets = edges(top.node);
      if (top.edge < targets.length) {
        const t = targets[top.edge++]!;
        if (!index.has(t)) {
          index.set(t, counter);
          low.set(t, counter++);
          stack.push(t);
          onStack.add(t);
          work.push({ node: t, edge: 0 });
        } else if (onStack.has(t)) low.set(top.node, Math.min(low.get(top.node)!, index.get(t)!));
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1]!.node;
        low.set(parent, Math.min(low.get(parent)!, low.get(top.node)!));
      }
      if (low.get(top.node) === index.get(top.node)) {
        const component: number[] = [];
        let k: number;
        do {
          k = stack.pop()!;
          onStack.delete(k);
          component.push(k);
        } while (k !== top.node);
        if (component.length > 1 || edges(top.node).includes(top.node)) out.push(component);
      }
    }
  }
  return out;
}
