// Atomic writes and the few words a file error is reported in.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { AtomicFile, fileErrorReason, writeAtomic } from '../src/files.js';

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rehearse-files-'));
  file = join(dir, 'report.md');
});

const errno = (code: string, message = `${code}: something`) => Object.assign(new Error(message), { code });

describe('writeAtomic', () => {
  it('creates a file, then replaces it whole, leaving no temporary file', () => {
    writeAtomic(file, 'first version, rather long\n'.repeat(100));
    writeAtomic(file, 'second\n');
    expect(readFileSync(file, 'utf8')).toBe('second\n');
    expect(readdirSync(dir)).toEqual(['report.md']);
  });

  it('into a folder that does not exist: throws ENOENT and creates nothing', () => {
    const missing = join(dir, 'missing', 'report.md');
    expect(() => writeAtomic(missing, 'x')).toThrow(expect.objectContaining({ code: 'ENOENT' }));
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a write that fails part-way leaves the old file as it was and no temporary file', () => {
    writeAtomic(file, 'old\n');
    expect(() => writeAtomic(file, undefined as unknown as string)).toThrow();
    expect(readFileSync(file, 'utf8')).toBe('old\n');
    expect(readdirSync(dir)).toEqual(['report.md']);
  });

  it('a rename that fails (a folder is in the way) leaves the folder and no temporary file', () => {
    const folder = join(dir, 'taken');
    mkdirSync(folder);
    writeFileSync(join(folder, 'inside.txt'), 'kept');
    expect(() => writeAtomic(folder, 'x')).toThrow();
    expect(readdirSync(dir)).toEqual(['taken']);
    expect(readFileSync(join(folder, 'inside.txt'), 'utf8')).toBe('kept');
  });
});

describe('AtomicFile', () => {
  it('written in pieces: readers see the old file until commit, then the whole new one', () => {
    writeAtomic(file, 'old\n');
    const out = new AtomicFile(file);
    out.write('one\n');
    out.write('two\n');
    expect(readFileSync(file, 'utf8')).toBe('old\n');
    out.commit();
    expect(readFileSync(file, 'utf8')).toBe('one\ntwo\n');
    expect(readdirSync(dir)).toEqual(['report.md']);
  });

  it('abort leaves the old file and removes the temporary one', () => {
    writeAtomic(file, 'old\n');
    const out = new AtomicFile(file);
    out.write('half of the new');
    expect(readdirSync(dir)).toHaveLength(2); // the temporary file sits beside it meanwhile
    out.abort();
    expect(readFileSync(file, 'utf8')).toBe('old\n');
    expect(readdirSync(dir)).toEqual(['report.md']);
  });

  it('abort with no old file leaves nothing; abort twice is harmless', () => {
    const out = new AtomicFile(file);
    out.abort();
    out.abort();
    expect(readdirSync(dir)).toEqual([]);
  });

  it.each([
    ['write after commit', (f: AtomicFile) => f.write('x')],
    ['commit twice', (f: AtomicFile) => f.commit()],
  ])('%s throws, and the committed file stays', (_, act) => {
    const out = new AtomicFile(file);
    out.write('done\n');
    out.commit();
    expect(() => act(out)).toThrow(`${file} is already closed`);
    out.abort();
    expect(readFileSync(file, 'utf8')).toBe('done\n');
  });
});

describe('fileErrorReason', () => {
  it.each<[string, unknown, string]>([
    ['ENOENT', errno('ENOENT'), 'no such file'],
    ['EISDIR', errno('EISDIR'), 'is a folder, not a file'],
    ['EACCES', errno('EACCES'), 'permission denied'],
    ['EPERM', errno('EPERM'), 'permission denied'],
    ['ENOSPC', errno('ENOSPC'), 'no space left on the device'],
    ['EROFS', errno('EROFS'), 'the file system is read-only'],
    ['another code: the message', errno('EMFILE', 'too many open files'), 'too many open files'],
    ['an error with no code: the message', new Error('disk on fire'), 'disk on fire'],
    ['not an error at all', 'a string thrown', 'a string thrown'],
    ['undefined', undefined, 'undefined'],
  ])('%s', (_, e, reason) => {
    expect(fileErrorReason(e)).toBe(reason);
  });

  it('names what really happens when a folder is read as a file', () => {
    let caught: unknown;
    try {
      readFileSync(dir);
    } catch (e) {
      caught = e;
    }
    expect(fileErrorReason(caught)).toBe('is a folder, not a file');
  });
});
