// Session files: each save is atomic (write a temporary file, flush it, rename it over the old one).
import { existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { FatalError, InvalidFileError, UsageError } from '../errors.js';
import { fileErrorReason, PRIVATE_FILE, privateDir, writeAtomic } from '../files.js';
import { Session } from '../interview/session.js';
import { lockSession, SessionBusyError } from './lock.js';

/** A session that could not be written: the file and why, for the one-line message. */
export class SaveError extends FatalError {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`cannot save the session to ${file}: ${reason}`, 1);
  }
}

export interface SessionSummary {
  id: string;
  scenario: string;
  /** A whole interview, or a drill on one criterion. */
  kind: 'interview' | 'drill';
  status: Session['status'];
  /** Every question was asked and answered: only then is `total` the interview's score. */
  finished: boolean;
  createdAt: string;
  updatedAt: string;
  questionsAnswered: number;
  /** The mean of the question scores so far, when any question is scored. */
  total?: number;
  file: string;
}

export class SessionStore {
  readonly dir: string;

  constructor(home: string) {
    this.dir = join(home, 'sessions');
  }

  pathOf(id: string): string {
    return join(this.dir, `${id}.json`);
  }

  /**
   * Where a recording of a session goes: `<id>.audio/<name>.wav` beside the session file. Returns
   * the absolute path and the name the session keeps (relative, so the data folder can move).
   */
  recordingPath(sessionId: string, name: string): { file: string; relative: string } {
    const relative = join(`${sessionId}.audio`, `${name}.wav`);
    return { file: join(this.dir, relative), relative };
  }

  /**
   * The audio file of one of a session's recordings, or undefined when the name the session keeps
   * leads anywhere but into that session's own audio folder (`<id>.audio/`), by `..`, an absolute
   * path or a link: a session file is data that may have been edited, and what it names is read
   * and sent to the transcription service.
   */
  recordingFile(sessionId: string, relative: string): string | undefined {
    const folder = join(this.dir, `${sessionId}.audio`);
    const file = resolve(this.dir, relative);
    if (dirname(file) !== folder) return undefined;
    let real: string;
    try {
      real = realpathSync(file);
    } catch {
      return file; // missing: reading it says so
    }
    return dirname(real) === realpathSync(folder) ? file : undefined;
  }

  /** The lock file that says which process writes a session. */
  lockOf(id: string): string {
    return join(this.dir, `${id}.lock`);
  }

  /**
   * Makes this process the session's only writer until it exits, or throws SessionBusyError
   * naming the one that is. Saving claims a session too; resuming claims it before reading it,
   * so what is read is what the last writer left.
   */
  claim(id: string): void {
    privateDir(this.dir);
    lockSession(id, this.lockOf(id));
  }

  /** A session to go on with: claimed, then read. */
  take(id: string): Session {
    if (!/^[A-Za-z0-9_-]+$/.test(id)) throw new UsageError(`"${id}" is not a session id`);
    if (!existsSync(this.pathOf(id))) return this.load(id);
    this.claim(id);
    return this.load(id);
  }

  save(session: Session): void {
    try {
      this.claim(session.id);
    } catch (e) {
      if (e instanceof SessionBusyError) throw e;
      throw new SaveError(this.pathOf(session.id), fileErrorReason(e));
    }
    try {
      privateDir(this.dir);
      writeAtomic(this.pathOf(session.id), `${JSON.stringify(session, null, 2)}\n`, PRIVATE_FILE);
    } catch (e) {
      throw new SaveError(this.pathOf(session.id), fileErrorReason(e));
    }
  }

  /**
   * Keeps a copy of a session that could not be saved where it belongs (a full disk, a read-only
   * folder): in the system's temporary folder. Returns where, or undefined when that fails too.
   * The folder is a new one of this user's only: the temporary folder is shared, and a folder
   * of a known name there could be someone else's.
   */
  rescue(session: Session): string | undefined {
    try {
      const file = join(mkdtempSync(join(tmpdir(), 'rehearse-rescued-')), `${session.id}.json`);
      writeAtomic(file, `${JSON.stringify(session, null, 2)}\n`, PRIVATE_FILE);
      return file;
    } catch {
      return undefined;
    }
  }

  load(id: string): Session {
    if (!/^[A-Za-z0-9_-]+$/.test(id)) throw new UsageError(`"${id}" is not a session id`);
    const file = this.pathOf(id);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      throw new UsageError(`no session "${id}" in ${this.dir} (see \`rehearse sessions\`)`);
    }
    return parseSession(file, text);
  }

  /** Every readable session with its file, in no order; unreadable files are reported, not fatal. */
  all(): { sessions: { session: Session; file: string }[]; unreadable: string[] } {
    let names: string[];
    try {
      // Session files only: `<id>.json`, not the reports beside them (`<id>.report.json`).
      names = readdirSync(this.dir).filter((n) => /^[A-Za-z0-9_-]+\.json$/.test(n));
    } catch {
      return { sessions: [], unreadable: [] };
    }
    const sessions: { session: Session; file: string }[] = [];
    const unreadable: string[] = [];
    for (const name of names) {
      const file = join(this.dir, name);
      try {
        sessions.push({ session: parseSession(file, readFileSync(file, 'utf8')), file });
      } catch {
        unreadable.push(file);
      }
    }
    return { sessions, unreadable };
  }

  /** Every readable session, newest first; unreadable files are reported, not fatal. */
  list(): { sessions: SessionSummary[]; unreadable: string[] } {
    const { sessions: all, unreadable } = this.all();
    const sessions = all.map(({ session: s, file }): SessionSummary => {
      const totals = Object.values(s.scores).map((x) => x.total);
      return {
        id: s.id,
        scenario: s.scenario.id,
        kind: s.kind ?? 'interview',
        status: s.status,
        finished: s.status === 'finished',
        createdAt: s.createdAt,
        updatedAt: s.updatedAt,
        questionsAnswered: Object.keys(s.scores).length,
        ...(totals.length ? { total: Math.round(totals.reduce((a, b) => a + b, 0) / totals.length) } : {}),
        file,
      };
    });
    sessions.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
    return { sessions, unreadable };
  }
}

export function parseSession(file: string, text: string): Session {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new InvalidFileError([{ file, path: '', message: `not valid JSON: ${(e as Error).message}` }]);
  }
  const result = Session.safeParse(data);
  if (!result.success) {
    throw new InvalidFileError(
      result.error.issues.slice(0, 5).map((i) => ({ file, path: i.path.map(String).join('.'), message: i.message })),
    );
  }
  return result.data;
}

/** A new session id: when it started, which scenario, and a little randomness against clashes. */
export function newSessionId(now: Date, scenarioId: string, random: string): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `${stamp}-${scenarioId}-${random}`;
}
