// Which files a `grade` call means: files as named, folders searched, globs (* ** ?) expanded.
import { readdirSync, statSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';

/** Files in folders that look like transcripts; a file named on the command line is read whatever its name. */
const TRANSCRIPT_FILE = /\.(?:txt|vtt|srt|json|jsonl|md|log|text)$/i;

/** A project's own documents, found in a folder beside its transcripts: never graded from a folder. */
const PROJECT_DOCUMENT =
  /^(?:readme|license|licence|changelog|changes|contributing|code_of_conduct|security|authors|notice|history)(?:\.[a-z]+)?$/i;

/** Every file below `dir` that `keep` accepts; hidden entries and node_modules are passed over. */
function walk(dir: string, out: string[], keep: (name: string) => boolean): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const path = join(dir, e.name);
    if (e.isDirectory()) walk(path, out, keep);
    else if (e.isFile() && keep(e.name)) out.push(path);
  }
}

function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      re += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

export interface Expanded {
  files: string[];
  /** Arguments that matched nothing, for the error message. */
  unmatched: string[];
  /** Files in the folders that were left out as a project's own documents (README, LICENSE…). */
  skipped: string[];
}

export function expandInputs(args: readonly string[]): Expanded {
  const files = new Set<string>();
  const unmatched: string[] = [];
  const skipped = new Set<string>();
  for (const arg of args) {
    if (/[*?]/.test(arg)) {
      const parts = arg.split('/');
      const firstWild = parts.findIndex((p) => /[*?]/.test(p));
      const base = parts.slice(0, firstWild).join('/') || '.';
      const found: string[] = [];
      const all: string[] = [];
      walk(base, all, () => true);
      const re = globToRegExp(arg.replace(/^\.\//, ''));
      for (const f of all) {
        const rel = (base === '.' ? relative('.', f) : f).split(sep).join('/');
        if (re.test(rel)) found.push(f);
      }
      if (found.length) found.forEach((f) => files.add(f));
      else unmatched.push(arg);
      continue;
    }
    let isDir = false;
    try {
      isDir = statSync(arg).isDirectory();
    } catch {
      // A missing file is reported when it is read, with the others still graded.
    }
    if (isDir) {
      const found: string[] = [];
      walk(arg, found, (name) => TRANSCRIPT_FILE.test(name));
      for (const f of found.filter((f) => PROJECT_DOCUMENT.test(basename(f)))) skipped.add(f);
      const kept = found.filter((f) => !skipped.has(f));
      if (kept.length) kept.forEach((f) => files.add(f));
      else if (!found.length) unmatched.push(arg);
    } else files.add(arg);
  }
  return { files: [...files].sort(), unmatched, skipped: [...skipped].sort() };
}
