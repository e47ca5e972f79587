// Writing files so a reader sees the old content or the new, never a part; and what a failed read means.
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';

/**
 * A file written under a temporary name beside its final path, flushed, then renamed over it.
 * Used whole (`writeAtomic`) or in pieces, for output written as it is produced.
 */
let nextId = 0;

export class AtomicFile {
  private readonly tmp: string;
  private fd: number | undefined;

  constructor(readonly path: string) {
    // Unique to this writer, so two writers of one path (or two worker threads) never share it.
    this.tmp = `${path}.${process.pid}.${(nextId++).toString(36)}${Math.random().toString(36).slice(2, 6)}.tmp`;
    this.fd = openSync(this.tmp, 'w');
  }

  write(text: string): void {
    if (this.fd === undefined) throw new Error(`${this.path} is already closed`);
    writeSync(this.fd, text);
  }

  /** Flushes to disk and puts the file in place. */
  commit(): void {
    if (this.fd === undefined) throw new Error(`${this.path} is already closed`);
    const fd = this.fd;
    this.fd = undefined;
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(this.tmp, this.path);
  }

  /** Leaves the old file as it was and removes the temporary one. */
  abort(): void {
    if (this.fd !== undefined) {
      try {
        closeSync(this.fd);
      } catch {
        // Already unusable; the temporary file is removed below either way.
      }
      this.fd = undefined;
    }
    rmSync(this.tmp, { force: true });
  }
}

/** Writes a whole file atomically; on failure the old file stays and no temporary file is left. */
export function writeAtomic(path: string, data: string): void {
  const file = new AtomicFile(path);
  try {
    file.write(data);
    file.commit();
  } catch (e) {
    file.abort();
    throw e;
  }
}

/** Why a file could not be read or written, in a few words for a one-line message. */
export function fileErrorReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'is a folder, not a file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EROFS':
      return 'the file system is read-only';
    default:
      return e instanceof Error ? e.message : String(e);
  }
}
