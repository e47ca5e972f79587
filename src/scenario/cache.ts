// Parsed scenario files kept between runs: parsing YAML is most of a cold start.
import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { OwnFolder, PRIVATE_FILE, writeAtomic } from '../files.js';
import { parseText, parseWithLines, type ParsedFile } from './parse.js';
import type { Path } from './path.js';

/** Changes when what a parse produces changes, so old cache entries are not used. */
const CACHE_FORMAT = 'yaml-2/v2';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Lines are needed only for error messages: for data kept from before, the YAML is parsed again only then. */
function linesLater(file: string, text: string): (path: Path) => number | undefined {
  let lines: ((path: Path) => number | undefined) | undefined;
  return (p: Path) => (lines ??= parseWithLines(file, text).lineOf)(p);
}

/** A parse that may be kept: it is written to the cache only once the file has validated. */
export interface CachedParse extends ParsedFile {
  /** Whether the data came from the cache rather than from parsing the text now. */
  fromCache: boolean;
  /** Keeps this parse for the next run: called once the file is known to be valid. */
  remember(): void;
  /** Drops a cached copy that turned out not to hold: the next read parses the text. */
  forget(): void;
}

/** What an entry holds: the key of the text it is the parse of, a digest of the data, the data. */
interface Entry {
  format: string;
  key: string;
  digest: string;
  data: unknown;
}

/**
 * The data of each parsed file as JSON, named by a hash of the text, so a cached copy is used
 * only for exactly the same text. Only files that validated are kept (a file that is not a
 * scenario, given by mistake, leaves no copy), and an entry is used only when it says which
 * text it was parsed from and its data still matches its digest.
 */
export class ParseCache {
  /** Read and written only when it is this user's alone. */
  private readonly folder: OwnFolder;

  constructor(readonly dir: string) {
    this.folder = new OwnFolder(dir);
  }

  /** Like parseText, but from the cache when this exact text was parsed and validated before. */
  parse(file: string, text: string): CachedParse {
    const key = sha256(`${CACHE_FORMAT}\0${text}`);
    const path = join(this.dir, `${key}.json`);
    const forget = () => rmSync(path, { force: true });
    const cached = this.read(path, key);
    if (cached) {
      return { file, data: cached.data, lineOf: linesLater(file, text), fromCache: true, remember: () => {}, forget };
    }
    const parsed = parseText(file, text);
    const remember = () => {
      const json = JSON.stringify(parsed.data ?? null);
      const entry: Entry = { format: CACHE_FORMAT, key, digest: sha256(json), data: parsed.data ?? null };
      try {
        if (this.folder.usable(true)) writeAtomic(path, JSON.stringify(entry), PRIVATE_FILE);
      } catch {
        // A cache that cannot be written only costs time.
      }
    };
    return { ...parsed, fromCache: false, remember, forget };
  }

  /** The entry at `path` when it is whole and is the parse of the text with `key`; anything else is not used. */
  private read(path: string, key: string): Entry | undefined {
    if (!this.folder.usable(false)) return undefined;
    let entry: Partial<Entry>;
    try {
      entry = JSON.parse(readFileSync(path, 'utf8')) as Partial<Entry>;
    } catch {
      return undefined;
    }
    if (!entry || typeof entry !== 'object' || entry.format !== CACHE_FORMAT || entry.key !== key) return undefined;
    if (entry.digest !== sha256(JSON.stringify(entry.data ?? null))) return undefined;
    return entry as Entry;
  }
}

/**
 * The data of files this process parsed and validated, by a digest of the text, the most recent
 * last: a text loaded again (the shipped scenarios, by each command a process runs) is not parsed
 * again. Each use gets a copy of its own, made as `structuredClone` makes it, so a later load gets
 * what the first did (a date stays a date); only a file that validated is kept, and not a very
 * large one; the YAML is parsed again only for lines.
 */
const parsedHere = new Map<string, unknown>();
const PARSED_HERE = 32;
/** Texts longer than this are parsed each time: 32 of them at most stay small. */
const PARSED_HERE_CHARS = 256 * 1024;

function parseRemembered(file: string, text: string): CachedParse {
  const key = sha256(text);
  const forget = () => parsedHere.delete(key);
  if (parsedHere.has(key)) {
    const data = parsedHere.get(key);
    parsedHere.delete(key);
    parsedHere.set(key, data);
    return { file, data: structuredClone(data), lineOf: linesLater(file, text), fromCache: true, remember: () => {}, forget };
  }
  const parsed = parseText(file, text);
  const remember = () => {
    if (text.length > PARSED_HERE_CHARS) return;
    let copy: unknown;
    try {
      copy = structuredClone(parsed.data);
    } catch {
      return; // Data that cannot be copied is parsed again next time.
    }
    if (parsedHere.size >= PARSED_HERE) parsedHere.delete(parsedHere.keys().next().value!);
    parsedHere.set(key, copy);
  };
  return { ...parsed, fromCache: false, remember, forget };
}

/**
 * Parses through the cache when there is one, else through what this process parsed before; `fresh`
 * parses the text now, whatever was kept.
 */
export function parseWith(cache: ParseCache | undefined, file: string, text: string, fresh = false): ParsedFile & Partial<CachedParse> {
  if (fresh) return parseText(file, text);
  return cache ? cache.parse(file, text) : parseRemembered(file, text);
}
