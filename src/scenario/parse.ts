// Parses YAML or JSON text and validates it with zod, naming the file, line and field of each issue.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import type { z } from 'zod';
import { InvalidFileError, type FileIssue } from '../errors.js';

export type Path = readonly PropertyKey[];

export function formatPath(path: Path): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

export interface ParsedFile {
  file: string;
  data: unknown;
  /** The 1-based line of the deepest node on `path` that exists in the file. */
  lineOf(path: Path): number | undefined;
}

export function parseText(file: string, text: string): ParsedFile {
  const doc = parseWithLines(file, text);
  return { file, data: doc.doc.toJS(), lineOf: doc.lineOf };
}

/** Parses with line information; throws the syntax errors with their lines. */
function parseWithLines(file: string, text: string): { doc: Document; lineOf: (path: Path) => number | undefined } {
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
  return { doc, lineOf };
}

/**
 * Where parsed files are kept between runs: the data as JSON, named by a hash of the text, so a
 * cached copy is used only for exactly the same text. Parsing YAML is most of a cold start.
 */
let cacheDir: string | undefined;

export function useParseCache(dir: string | undefined): void {
  cacheDir = dir;
}

/** Like parseText, but from the cache when this exact text was parsed before. */
export function parseTextCached(file: string, text: string): ParsedFile {
  if (!cacheDir) return parseText(file, text);
  const key = createHash('sha256').update(`${CACHE_FORMAT}\0${text}`).digest('hex');
  const path = join(cacheDir, `${key}.json`);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    const parsed = parseText(file, text);
    try {
      mkdirSync(cacheDir, { recursive: true });
      const tmp = `${path}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify(parsed.data ?? null));
      renameSync(tmp, path);
    } catch {
      // A cache that cannot be written only costs time.
    }
    return parsed;
  }
  // Lines are needed only for error messages: the YAML is parsed again only then.
  let lines: ((path: Path) => number | undefined) | undefined;
  return { file, data, lineOf: (p) => (lines ??= parseWithLines(file, text).lineOf)(p) };
}

/** Changes when what a parse produces changes, so old cache entries are not used. */
const CACHE_FORMAT = 'yaml-2/v1';

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

export function issueAt(parsed: ParsedFile, path: Path, message: string): FileIssue {
  return { file: parsed.file, line: parsed.lineOf(path), path: formatPath(path), message };
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
