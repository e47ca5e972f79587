// Parsed scenario files kept between runs: parsing YAML is most of a cold start.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PRIVATE_FILE, privateDir, writeAtomic } from '../files.js';
import { parseText, parseWithLines, type ParsedFile } from './parse.js';
import type { Path } from './path.js';

/** Changes when what a parse produces changes, so old cache entries are not used. */
const CACHE_FORMAT = 'yaml-2/v1';

/**
 * The data of each parsed file as JSON, named by a hash of the text, so a cached copy is used
 * only for exactly the same text.
 */
export class ParseCache {
  constructor(readonly dir: string) {}

  /** Like parseText, but from the cache when this exact text was parsed before. */
  parse(file: string, text: string): ParsedFile {
    const key = createHash('sha256').update(`${CACHE_FORMAT}\0${text}`).digest('hex');
    const path = join(this.dir, `${key}.json`);
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(path, 'utf8'));
    } catch {
      const parsed = parseText(file, text);
      try {
        privateDir(this.dir);
        writeAtomic(path, JSON.stringify(parsed.data ?? null), PRIVATE_FILE);
      } catch {
        // A cache that cannot be written only costs time.
      }
      return parsed;
    }
    // Lines are needed only for error messages: the YAML is parsed again only then.
    let lines: ((path: Path) => number | undefined) | undefined;
    return { file, data, lineOf: (p) => (lines ??= parseWithLines(file, text).lineOf)(p) };
  }
}

/** Parses through the cache when there is one. */
export function parseWith(cache: ParseCache | undefined, file: string, text: string): ParsedFile {
  return cache ? cache.parse(file, text) : parseText(file, text);
}
