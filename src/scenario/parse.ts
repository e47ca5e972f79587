// Parses YAML or JSON text and validates it with zod, naming the file, line and field of each issue.
// Text in, data out: reading files and caching them is load.ts's and cache.ts's work.
import { LineCounter, parseDocument, isAlias, isNode, visit, type Alias, type Document, type Node } from 'yaml';
import type * as z from '../zod.js';
import { InvalidFileError, type FileIssue } from '../errors.js';
import { formatPath, type Path, type PathIssue } from './path.js';

export interface ParsedFile {
  file: string;
  data: unknown;
  /** The 1-based line of the deepest node on `path` that exists in the file. */
  lineOf(path: Path): number | undefined;
}

/**
 * Copies of aliased content allowed while reading a file (the `yaml` package's `maxAliasCount`,
 * which counts only aliases of content that itself holds aliases). A scenario needs a few; a
 * "billion laughs" file, nine aliases of nine aliases of…, would need millions, and the memory.
 */
const MAX_ALIAS_COUNT = 100;

export function parseText(file: string, text: string): ParsedFile {
  const parsed = parseWithLines(file, text);
  let data: unknown;
  try {
    data = parsed.doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    // The yaml package throws a ReferenceError for an alias it will not follow; none of them is a bug of ours.
    if (!(e instanceof ReferenceError)) throw e;
    throw new InvalidFileError([aliasIssue(file, parsed.doc, parsed.lineAt)]);
  }
  return { file, data, lineOf: parsed.lineOf };
}

/** Whether any alias is inside a node. */
function holdsAlias(node: Node): boolean {
  let found = false;
  visit(node, {
    Alias: () => {
      found = true;
      return visit.BREAK;
    },
  });
  return found;
}

/** Which alias the yaml package would not follow, and why: one with no anchor before it, else the first alias of aliases. */
function aliasIssue(file: string, doc: Document, lineAt: (offset: number) => number): FileIssue {
  const anchors = new Map<string, Node>();
  let unanchored: Alias | undefined;
  let nested: Alias | undefined;
  visit(doc, {
    Node: (_, node) => {
      if (isAlias(node)) {
        const target = anchors.get(node.source);
        if (!target) unanchored ??= node;
        else if (holdsAlias(target)) nested ??= node;
      } else if (node.anchor) anchors.set(node.anchor, node);
      return unanchored ? visit.BREAK : undefined;
    },
  });
  const at = unanchored ?? nested;
  const message = unanchored
    ? `YAML alias *${unanchored.source} has no anchor &${unanchored.source} before it`
    : `YAML aliases expand too far: aliases of content that holds aliases would make more than ${MAX_ALIAS_COUNT} copies`;
  return { file, ...(at?.range ? { line: lineAt(at.range[0]) } : {}), path: '', message };
}

/** Parses with line information; throws the syntax errors with their lines. */
export function parseWithLines(
  file: string,
  text: string,
): { doc: Document; lineOf: (path: Path) => number | undefined; lineAt: (offset: number) => number } {
  const lineCounter = new LineCounter();
  // JSON is read by the same parser (it is YAML 1.2), so both formats get line numbers.
  const doc: Document = parseDocument(text.replace(/^\uFEFF/, ''), {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
  });
  if (doc.errors.length > 0) {
    throw new InvalidFileError(
      doc.errors.map((e) => ({
        file,
        line: lineCounter.linePos(e.pos[0]).line,
        path: '',
        message: `${e.code === 'DUPLICATE_KEY' ? 'duplicate key' : 'YAML syntax error'}: ${firstLine(e.message)}`,
      })),
    );
  }
  const lineOf = (path: Path): number | undefined => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n) as unknown[], true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return undefined;
  };
  return { doc, lineOf, lineAt: (offset) => lineCounter.linePos(offset).line };
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

export function issueAt(parsed: ParsedFile, path: Path, message: string): FileIssue {
  return { file: parsed.file, line: parsed.lineOf(path), path: formatPath(path), message };
}

/** A check's findings, placed in the file they came from. */
export function issuesIn(parsed: ParsedFile, issues: readonly PathIssue[]): FileIssue[] {
  return issues.map((i) => issueAt(parsed, i.path, i.message));
}

/** Validates parsed data; on failure throws every issue with its line. */
export function validate<S extends z.ZodType>(schema: S, parsed: ParsedFile): z.infer<S> {
  const result = schema.safeParse(parsed.data ?? {});
  if (result.success) return result.data;
  throw new InvalidFileError(
    result.error.issues.map((issue) => {
      let message = issue.message.replace(/^Invalid input: /, '');
      if (/received undefined$/.test(message)) message = `required field is missing (${message.replace(/, received undefined$/, '')})`;
      if (issue.code === 'unrecognized_keys') {
        const key = String(issue.keys[0]);
        return issueAt(parsed, [...issue.path, key], `unknown field (${issue.keys.join(', ')})`);
      }
      return issueAt(parsed, issue.path, message);
    }),
  );
}
