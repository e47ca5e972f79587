// Writing files so a reader sees the old content or the new, never a part; and what a failed read means.
import {
  chmodSync,
  closeSync,
  constants,
  fstatSync,
  fchmodSync,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  readlinkSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * The modes of what rehearse keeps in its data folder: sessions hold what candidates say about
 * their work, so only their owner may read them.
 */
export const PRIVATE_FILE = 0o600;
export const PRIVATE_DIR = 0o700;

/** A folder of the data folder, made if missing; one made before with wider access is narrowed. */
export function privateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR });
  if ((statSync(dir).mode & 0o077) !== 0) chmodSync(dir, PRIVATE_DIR);
}

/**
 * Whether `dir` is a folder of this user's that no one else can use, narrowed if it was wider:
 * a cache is read and written only there, since what it holds is trusted. A symbolic link, a
 * folder another user owns (say, made first in a shared folder) or one that cannot be opened is
 * not. Made first when `create` is set; a missing folder is otherwise not one.
 */
function ownPrivateDir(dir: string, create: boolean): boolean {
  let fd: number | undefined;
  try {
    if (create) mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR });
    // Opened without following a link, so what is checked and narrowed is the folder itself.
    fd = openSync(dir, constants.O_RDONLY | (constants.O_DIRECTORY ?? 0) | (constants.O_NOFOLLOW ?? 0));
    const stat = fstatSync(fd);
    if (!stat.isDirectory() || (process.getuid && stat.uid !== process.getuid())) return false;
    if ((stat.mode & 0o077) !== 0) fchmodSync(fd, PRIVATE_DIR);
    return true;
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** A cache's folder: used only once ownPrivateDir has found it this user's alone, which is then not asked again. */
export class OwnFolder {
  private own = false;

  constructor(readonly dir: string) {}

  /** Whether the folder may be read and written; `create` makes it first if missing (for a write). */
  usable(create: boolean): boolean {
    return (this.own ||= ownPrivateDir(this.dir, create));
  }
}

/**
 * A file written under a temporary name beside its final path, flushed, then renamed over it.
 * Used whole (`writeAtomic`) or in pieces, for output written as it is produced. With a `mode`,
 * the file gets exactly that mode; without, a file it replaces keeps its mode, as under a shell
 * redirection, and a new one gets the usual one (the umask's).
 */
let nextId = 0;

/** Temporary files being written, to remove when the process is stopped by a signal. */
const unfinished = new Set<AtomicFile>();

export class AtomicFile {
  private readonly tmp: string;
  private fd: number | undefined;

  constructor(
    readonly path: string,
    mode?: number,
  ) {
    // Unique to this writer, so two writers of one path (or two worker threads) never share it.
    this.tmp = `${path}.${process.pid}.${(nextId++).toString(36)}${Math.random().toString(36).slice(2, 6)}.tmp`;
    const kept = mode ?? existingMode(path);
    // Created with its final mode (the umask cannot widen it), so no one who may not read the file reads it half written.
    this.fd = openSync(this.tmp, 'w', kept ?? 0o666);
    unfinished.add(this);
    try {
      if (kept !== undefined) fchmodSync(this.fd, kept);
    } catch (e) {
      this.abort();
      throw e;
    }
  }

  write(data: string | Uint8Array): void {
    if (this.fd === undefined) throw new Error(`${this.path} is already closed`);
    writeWhole(this.fd, data);
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
    unfinished.delete(this);
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
    unfinished.delete(this);
  }
}

const STOPPING_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * While a long write is under way: a signal that stops the process first removes the temporary
 * files (the files they were to replace stay as they were), then stops it as the signal would
 * have, so the shell sees the usual status. Returns the function that ends this.
 */
export function abortWritesOnSignals(): () => void {
  const handler = (signal: NodeJS.Signals) => {
    for (const file of [...unfinished]) file.abort();
    stop();
    process.kill(process.pid, signal);
  };
  const stop = () => {
    for (const s of STOPPING_SIGNALS) process.off(s, handler);
  };
  for (const s of STOPPING_SIGNALS) process.on(s, handler);
  return stop;
}

/** The permission bits of an existing file, or undefined when there is none. */
function existingMode(path: string): number | undefined {
  try {
    return statSync(path).mode & 0o7777;
  } catch {
    return undefined;
  }
}

/** Writes a whole file atomically; on failure the old file stays and no temporary file is left. */
export function writeAtomic(path: string, data: string | Uint8Array, mode?: number): void {
  const file = new AtomicFile(path, mode);
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

/** Writes all of `data`, however many calls the file (a pipe, a disk filling up) takes. */
function writeWhole(fd: number, data: string | Uint8Array) {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at);
}

/** Something written in pieces and then put in place, or left as it was. */
export interface OutputFile {
  write(data: string | Uint8Array): void;
  commit(): void;
  abort(): void;
}

/** Where a symbolic link points, followed to the end (a link to a missing file names that file). */
function linkTarget(path: string): string {
  let at = path;
  for (let hops = 0; hops < 40; hops++) {
    let st;
    try {
      st = lstatSync(at);
    } catch {
      return at;
    }
    if (!st.isSymbolicLink()) return at;
    at = resolve(dirname(at), readlinkSync(at));
  }
  throw Object.assign(new Error('too many levels of symbolic links'), { code: 'ELOOP' });
}

/**
 * An output file that behaves as a shell redirection does: through a symbolic link to its
 * target, straight into a pipe or a device, and a regular file replaced whole (atomically) only
 * once everything is written. A folder is refused.
 */
export function openOutput(path: string): OutputFile {
  const target = linkTarget(path);
  let st;
  try {
    st = statSync(target);
  } catch {
    st = undefined; // a new file
  }
  if (st?.isDirectory()) throw Object.assign(new Error('is a folder, not a file'), { code: 'EISDIR' });
  if (st && !st.isFile()) {
    // A pipe, a terminal or a device (/dev/null): written as it comes, never replaced.
    const fd = openSync(target, 'w');
    let open = true;
    const close = () => {
      if (open) closeSync(fd);
      open = false;
    };
    return { write: (data) => writeWhole(fd, data), commit: close, abort: close };
  }
  return new AtomicFile(target);
}
