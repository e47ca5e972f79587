// One writer per session: a lock file beside it names the process that owns it, and outlives a crash
// only until someone notices that process is gone.
import { closeSync, linkSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { FatalError } from '../errors.js';
import { PRIVATE_FILE } from '../files.js';

/** Who holds a lock, as written in the lock file. */
export interface LockOwner {
  pid: number;
  host: string;
  /** When it was taken, ISO 8601. */
  since: string;
}

/** The session is another process's: who holds it, and what to do. */
export class SessionBusyError extends FatalError {
  constructor(
    readonly sessionId: string,
    /** Unknown while the other process is still writing its lock file. */
    readonly owner: LockOwner | undefined,
    readonly lockFile: string,
  ) {
    const where = !owner
      ? 'which is opening it this moment'
      : `${owner.host === hostname() ? `process ${owner.pid}` : `process ${owner.pid} on ${owner.host}`}, since ${owner.since.slice(0, 19).replace('T', ' ')}`;
    super(
      `session ${sessionId} is open in another rehearse (${where}); finish or quit it there first. ` +
        `If no rehearse is running it, remove ${lockFile}`,
      1,
    );
  }
}

/** A lock file that holds nothing readable yet may be one being written this moment; older than this, it is left over. */
const HALF_WRITTEN_MS = 10_000;

/** Lock files this process holds, removed when it exits. */
const held = new Set<string>();
let releasing = false;

function releaseAll(): void {
  for (const file of held) {
    if (ownerIn(readOrNothing(file))?.pid === process.pid) rmSync(file, { force: true });
  }
  held.clear();
}

const readOrNothing = (file: string): string | undefined => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
};

function ownerIn(text: string | undefined): LockOwner | undefined {
  if (!text) return undefined;
  try {
    const o = JSON.parse(text) as Partial<LockOwner>;
    return typeof o.pid === 'number' && typeof o.host === 'string' && typeof o.since === 'string'
      ? { pid: o.pid, host: o.host, since: o.since }
      : undefined;
  } catch {
    return undefined;
  }
}

/** Whether the owner may still be running: a process on another machine cannot be asked, so it is taken to be. */
function mayBeRunning(owner: LockOwner): boolean {
  if (owner.host !== hostname()) return true;
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists, and is someone else's.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function create(file: string, me: LockOwner): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'wx', PRIVATE_FILE);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
  try {
    writeSync(fd, JSON.stringify(me));
  } catch (e) {
    // A full disk: no half-written lock is left for the next run to wonder about.
    rmSync(file, { force: true });
    throw e;
  } finally {
    closeSync(fd);
  }
  return true;
}

/**
 * Removes a left-over lock, but only the one that was seen: it is first moved aside, then read
 * again. Two processes that find the same left-over lock cannot both take the session: a lock
 * written meanwhile by the first is moved back by the second, which then finds it held.
 */
function removeLeftOver(file: string, seen: string | undefined): void {
  const aside = `${file}.${process.pid}.${Math.random().toString(36).slice(2, 8)}.stale`;
  try {
    renameSync(file, aside);
  } catch {
    return; // gone already
  }
  if (readOrNothing(aside) !== seen) {
    try {
      linkSync(aside, file);
    } catch {
      // A third process holds it now; the one moved aside is not needed to say so.
    }
  }
  rmSync(aside, { force: true });
}

/**
 * Takes the lock file for a session, or throws SessionBusyError naming who holds it. A lock
 * whose process has ended (it crashed, or the machine restarted) is taken over.
 */
export function lockSession(sessionId: string, file: string): void {
  if (held.has(file)) return;
  const me: LockOwner = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  for (let attempt = 0; attempt < 5; attempt++) {
    if (create(file, me)) {
      held.add(file);
      if (!releasing) {
        releasing = true;
        process.on('exit', releaseAll);
      }
      return;
    }
    const text = readOrNothing(file);
    if (text === undefined) continue; // released between the two steps
    const owner = ownerIn(text);
    if (owner) {
      if (owner.pid === process.pid && owner.host === me.host) {
        held.add(file);
        return;
      }
      if (mayBeRunning(owner)) throw new SessionBusyError(sessionId, owner, file);
    } else {
      let age: number;
      try {
        age = Date.now() - statSync(file).mtimeMs;
      } catch {
        continue;
      }
      if (age < HALF_WRITTEN_MS) throw new SessionBusyError(sessionId, undefined, file);
    }
    removeLeftOver(file, text);
  }
  throw new SessionBusyError(sessionId, ownerIn(readOrNothing(file)), file);
}
