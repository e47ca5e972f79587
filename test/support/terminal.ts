// A real pseudo-terminal (tmux) running the built CLI: keys in, the screen out.
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CLI, ROOT } from '../helpers.js';

export const hasTmux = spawnSync('tmux', ['-V']).status === 0;
// On a developer's machine without tmux these are skipped; CI installs tmux and must run them.

/** The poll interval of `waitFor`: how often a condition is looked at, never a wait for its own sake. */
const POLL_MS = 50;
/** The screen is read again at least this often, even when the pane's output log has not grown. */
const RECAPTURE_MS = 500;
const tick = () => new Promise((r) => setTimeout(r, POLL_MS));
const execFileAsync = promisify(execFile);
/** What `screen` asks tmux for: the pane as text, with what scrolled above it. */
const SCREEN = ['capture-pane', '-p', '-t', 'main', '-S', '-500'];

export class Terminal {
  readonly socket = `rehearse-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  constructor(readonly home: string) {}
  tmux(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, ...args], { encoding: 'utf8' });
  }
  /** `env` adds settings (quoted for the shell here) to the run's environment. */
  start(args: string, opts: { color?: boolean; columns?: number; rows?: number; env?: Record<string, string> } = {}) {
    // Whichever of NO_COLOR and FORCE_COLOR the test runner's own environment has, only the one asked for is set.
    const [unset, set] = opts.color ? ['NO_COLOR', 'FORCE_COLOR=1'] : ['FORCE_COLOR', 'NO_COLOR=1'];
    // A person's terminal, not CI: Ink draws nothing live when CI is set, and tmux passes it on.
    const extra = Object.entries(opts.env ?? {})
      .map(([k, v]) => `${k}='${v.replace(/'/g, `'\\''`)}'`)
      .join(' ');
    const command = `cd ${ROOT} && env -u CI -u GITHUB_ACTIONS -u ${unset} REHEARSE_HOME=${this.home} ${set} ${extra} node ${CLI} ${args}; echo "[exit $?]"; echo "[tty $(stty -a | tr ' ;' '\\n\\n' | grep -xE -- '-?(icanon|echo)' | tr '\\n' ' ')]"; sleep 120`;
    this.tmux('new-session', '-d', '-s', 'main', '-x', String(opts.columns ?? 100), '-y', String(opts.rows ?? 50), command);
    // Everything the pane prints is also appended to a log, so `waitFor` reads the screen again
    // only when something was drawn (a file's size is cheap to look at; a tmux call is not).
    this.tmux('pipe-pane', '-t', 'main', `cat >> '${this.log}'`);
  }
  private get log(): string {
    return join(tmpdir(), `${this.socket}.log`);
  }
  private logSize(): number {
    try {
      return statSync(this.log).size;
    } catch {
      return -1;
    }
  }
  /** Everything the pane was sent so far, escape sequences and all, as the program wrote it. */
  written(): string {
    try {
      return readFileSync(this.log, 'latin1');
    } catch {
      return '';
    }
  }
  /** Only what is on the screen now, not what scrolled above it. */
  visible(): string {
    return this.tmux('capture-pane', '-p', '-t', 'main');
  }
  screen(escapes = false): string {
    return this.tmux(...SCREEN, ...(escapes ? ['-e'] : []));
  }
  /** The same as `screen()`, without blocking the worker while tmux answers. */
  private async screenSoon(): Promise<string> {
    return (await execFileAsync('tmux', ['-L', this.socket, ...SCREEN], { encoding: 'utf8' })).stdout;
  }
  keys(...keys: string[]) {
    this.tmux('send-keys', '-t', 'main', ...keys);
  }
  type(text: string) {
    this.tmux('send-keys', '-t', 'main', '-l', text);
  }
  paste(text: string) {
    const file = join(this.home, 'paste.txt');
    writeFileSync(file, text);
    this.tmux('load-buffer', file);
    this.tmux('paste-buffer', '-t', 'main');
  }
  /**
   * Waits until `test` holds for the screen, which it is given as tmux draws it. The screen is read
   * again only when the pane printed something or half a second passed, and without blocking the
   * worker; `test` is asked every poll, as it may look at files.
   */
  async waitFor(test: (screen: string) => boolean, what: string, ms = 10_000): Promise<string> {
    const until = Date.now() + ms;
    let s = '';
    let size = Number.NaN;
    let readAt = 0;
    for (;;) {
      const now = Date.now();
      const grown = this.logSize();
      if (grown !== size || now - readAt >= RECAPTURE_MS) {
        size = grown;
        readAt = now;
        s = await this.screenSoon();
      }
      if (test(s)) return s;
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}; the screen:\n${this.screen()}`);
      await tick();
    }
  }
  stop() {
    try {
      this.tmux('kill-server');
    } catch {
      /* already gone */
    }
    rmSync(this.log, { force: true });
  }
}
