// Command-line options, parsed strictly; a mistake is a usage error that shows the command's usage.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../errors.js';
import { hasEntry, ownEntry } from '../own.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * The arguments with each option's value attached (`--jobs -1` as `--jobs=-1`), so the command
 * checks the value and says what it takes. Node's parser reads a value starting with a dash as a
 * forgotten one ("argument is ambiguous"); a number never is an option, nor is a lone `-` (standard
 * input or output), anything else is refused.
 */
function attachValues(args: string[], options: Options, usage: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') return [...out, ...args.slice(i)];
    const option = arg.startsWith('--') && !arg.includes('=') ? ownEntry(options, arg.slice(2)) : undefined;
    const value = args[i + 1];
    if (option?.type !== 'string' || value === undefined || !value.startsWith('-')) {
      out.push(arg);
      continue;
    }
    if (!/^-\d/.test(value) && value !== '-') {
      const known = value.startsWith('--') && hasEntry(options, value.slice(2).split('=')[0]!);
      const hint = known ? '' : `; for one that starts with "-", write ${arg}=${value}`;
      throw new UsageError(`${arg} needs a value${hint}\nusage: ${usage}`);
    }
    out.push(`${arg}=${value}`);
    i++;
  }
  return out;
}

export function parse<T extends Options>(args: string[], options: T, usage: string) {
  const attached = attachValues(args, options, usage);
  try {
    return parseArgs({ args: attached, options, allowPositionals: true, strict: true });
  } catch (e) {
    const unknown =
      (e as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? /'(-[^']*)'/.exec((e as Error).message)?.[1] : undefined;
    if (unknown !== undefined) {
      const near = nearest(unknown.replace(/^-+/, '').split('=')[0]!, Object.keys(options));
      throw new UsageError(`unknown option ${unknown}${near ? `; did you mean --${near}?` : ''}\nusage: ${usage}`);
    }
    throw new UsageError(`${(e as Error).message.replace(/\. To specify a positional.*$/s, '')}\nusage: ${usage}`);
  }
}

/** The option a mistyped name most likely meant: at most two letters off (a third of a long name), or one it starts. */
function nearest(typed: string, names: readonly string[]): string | undefined {
  let best: { name: string; d: number } | undefined;
  for (const name of names) {
    const d = name.startsWith(typed) || typed.startsWith(name) ? 0.5 : distance(typed, name);
    if (d <= Math.max(2, Math.floor(name.length / 3)) && (!best || d < best.d)) best = { name, d };
  }
  return typed ? best?.name : undefined;
}

/** Levenshtein distance: the fewest letters added, removed or changed to make one word the other. */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length]!;
}

/** `--probes N`: at most this many follow-ups a question, from 0 to 5; undefined when not given. */
export function maxProbesOf(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 5) throw new UsageError('--probes takes a whole number from 0 to 5');
  return n;
}
