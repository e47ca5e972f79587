// Compiled phrase matchers kept between runs, beside the parsed scenario files: compiling a rubric's
// phrase lists is most of what scoring the first answer of a process costs.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OwnFolder, PRIVATE_FILE, writeAtomic } from '../files.js';
import { FORM, NUMBER, STEM, WORD, type PhraseData } from '../text/phrase-matcher.js';

/**
 * Changes when the layout of an entry changes; what the entry holds is named by its key. The
 * integers are stored in this machine's byte order, which the format names.
 */
const ENTRY_FORMAT = `compiled-phrases/2/${new Uint8Array(Uint32Array.of(1).buffer)[0] === 1 ? 'le' : 'be'}`;

/** The integer arrays of an entry, in the order they are stored after its header. */
const ARRAYS = ['edgeStart', 'edges', 'endStart', 'ends'] as const;

/** The hex digest that opens an entry, and the line feed after it. */
const DIGEST = 64;
const HEAD = DIGEST + 1;

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

/** What an entry's header says: its layout, the key it was compiled for, the words and lists, and each array's length. */
interface Header extends Omit<PhraseData, (typeof ARRAYS)[number]> {
  format: string;
  key: string;
  lengths: number[];
}

/**
 * One file per key: the digest of the rest as a line of hex, the header's length (four bytes), the
 * header as JSON, then the integer arrays as bytes, each starting on a four-byte boundary so they are
 * read in place. An entry is used only when it is whole (the digest holds), of this layout, and says
 * it is the key asked for; anything else, a file cut short or written by another version, is not
 * used, and the lists are compiled again.
 */
export class CompiledCache {
  /** Read and written only when it is this user's alone. */
  private readonly folder: OwnFolder;

  constructor(readonly dir: string) {
    this.folder = new OwnFolder(dir);
  }

  private pathOf(key: string): string {
    return join(this.dir, `phrases-${key}.bin`);
  }

  read(key: string): PhraseData | undefined {
    if (!this.folder.usable(false)) return undefined;
    try {
      const file = readFileSync(this.pathOf(key));
      if (file.length < HEAD + 4 || file.toString('latin1', 0, DIGEST) !== sha256(file.subarray(HEAD))) return undefined;
      const size = file.readUInt32LE(HEAD);
      const header = JSON.parse(file.toString('utf8', HEAD + 4, HEAD + 4 + size)) as Header;
      if (header.format !== ENTRY_FORMAT || header.key !== key) return undefined;
      const { format: _format, key: _key, lengths, ...rest } = header;
      let at = aligned(HEAD + 4 + size);
      const arrays: Record<string, Int32Array> = {};
      ARRAYS.forEach((name, i) => {
        arrays[name] = int32s(file, at, lengths[i]!);
        at += 4 * lengths[i]!;
      });
      if (at !== file.length) return undefined;
      const data = { ...rest, ...arrays } as PhraseData;
      return wellFormed(data) ? data : undefined;
    } catch {
      return undefined;
    }
  }

  write(key: string, data: PhraseData): void {
    const { edgeStart, edges, endStart, ends, ...rest } = data;
    const arrays = [edgeStart, edges, endStart, ends];
    const header: Header = { format: ENTRY_FORMAT, key, ...rest, lengths: arrays.map((a) => a.length) };
    const json = Buffer.from(JSON.stringify(header), 'utf8');
    const start = aligned(HEAD + 4 + json.length);
    const file = Buffer.alloc(start + 4 * arrays.reduce((n, a) => n + a.length, 0));
    file.writeUInt32LE(json.length, HEAD);
    json.copy(file, HEAD + 4);
    let at = start;
    for (const a of arrays) {
      file.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), at);
      at += a.byteLength;
    }
    file.write(sha256(file.subarray(HEAD)), 0, 'latin1');
    file[DIGEST] = 0x0a;
    try {
      if (this.folder.usable(true)) writeAtomic(this.pathOf(key), file, PRIVATE_FILE);
    } catch {
      // A cache that cannot be written only costs time.
    }
  }
}

const aligned = (n: number) => (n + 3) & ~3;

/**
 * Whether the arrays hold together: every run within its array, every edge to a node, word or stem
 * that exists, every list that ends somewhere one of the lists. An entry whose digest holds can still
 * be wrong (written by a version with a bug); one that is not whole in this sense is compiled again.
 */
function wellFormed(d: PhraseData): boolean {
  const nodes = d.edgeStart.length - 1;
  if (nodes < 1 || d.endStart.length !== nodes + 1 || d.edges.length % 3 !== 0) return false;
  if (d.edgeStart[0] !== 0 || d.edgeStart[nodes] !== d.edges.length / 3 || d.endStart[0] !== 0 || d.endStart[nodes] !== d.ends.length)
    return false;
  for (let i = 0; i < nodes; i++) if (d.edgeStart[i]! > d.edgeStart[i + 1]! || d.endStart[i]! > d.endStart[i + 1]!) return false;
  const { edges, ends } = d;
  const words = d.words.length;
  const stems = d.stems.length;
  for (let j = 0; j < edges.length; j += 3) {
    const kind = edges[j]!;
    const key = edges[j + 1]!;
    const to = edges[j + 2]!;
    if (to < 0 || to >= nodes || kind < WORD || kind > NUMBER || key < 0) return false;
    if (kind === STEM ? key >= stems : kind <= FORM && key >= words) return false;
  }
  for (let j = 0; j < ends.length; j++) if (ends[j]! < 0 || ends[j]! >= d.lists) return false;
  return d.sections.every((s) => s.root >= 0 && s.root < nodes && s.firstList >= 0 && s.lists >= 0 && s.firstList + s.lists <= d.lists);
}

/** `count` integers at `at` of the file: read in place when the file's memory allows, else copied. */
function int32s(file: Buffer, at: number, count: number): Int32Array {
  if (at + 4 * count > file.length) throw new Error('cut short');
  if ((file.byteOffset + at) % 4 === 0) return new Int32Array(file.buffer, file.byteOffset + at, count);
  const out = new Int32Array(count);
  new Uint8Array(out.buffer).set(file.subarray(at, at + 4 * count));
  return out;
}
