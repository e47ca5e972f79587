// The layering of src/, read from the imports: lower layers never import higher ones, no file
// imports itself round a cycle, pure modules do no I/O, and only config.ts reads the environment.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

const SRC = join(ROOT, 'src');

/** Lowest first. A module may import its own layer and the ones below it, never one above. */
const LAYERS: string[][] = [
  [
    'zod.ts',
    'errors.ts',
    'own.ts',
    'terminal-text.ts',
    'paths.ts',
    'json-lines.ts',
    'files.ts',
    'config.ts',
    'io.ts',
    'decode.ts',
    'input.ts',
    'v8-tuning.ts',
  ],
  ['policy'],
  ['text'],
  ['scenario'],
  ['scoring', 'delivery'],
  ['probes', 'voice'],
  ['interview'],
  ['transcripts'],
  ['report'],
  ['store'],
  ['calibration', 'batch'],
  ['app'],
  ['ui'],
  ['commands'],
  ['main.ts'],
  ['cli.ts', 'build-catalog.ts'],
];

/** Modules that take text and data in and give data out: no files, processes, network or terminal. */
const PURE = [
  'policy/',
  'text/',
  'scoring/',
  'calibration/fit.ts',
  'calibration/agreement.ts',
  'calibration/exemplars.ts',
  'delivery/',
  'voice/wav.ts',
  'transcripts/',
  'report/',
  'interview/machine.ts',
  'interview/policy.ts',
  'interview/session.ts',
  'scenario/schema.ts',
  'scenario/rubric.ts',
  'scenario/loaded.ts',
  'scenario/path.ts',
  'scenario/parse.ts',
  'scenario/model.ts',
  'scenario/cues.ts',
];
const IMPURE_IMPORTS = /^(?:node:)?(?:fs|fs\/promises|child_process|worker_threads|net|http|https|os)$|^openai$|^ink$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+'([^']+)'|import\(\s*'([^']+)'\s*\)/g;

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => (m[1] ?? m[2])!);
}

/** src-relative path of an import, or the package name for a package. */
function target(from: string, spec: string): string {
  if (!spec.startsWith('.')) return spec;
  return relative(SRC, resolve(dirname(from), spec)).replace(/\.js$/, '.ts');
}

const files = sourceFiles(SRC).map((f) => relative(SRC, f));
const exists = new Set(files);
const graph = new Map(
  files.map((f) => [
    f,
    importsOf(join(SRC, f)).map((s) => {
      const t = target(join(SRC, f), s);
      return exists.has(t) ? t : exists.has(t.replace(/\.ts$/, '.tsx')) ? t.replace(/\.ts$/, '.tsx') : t;
    }),
  ]),
);

function layerOf(file: string): number {
  const top = file.includes('/') ? file.split('/')[0]! : file;
  const i = LAYERS.findIndex((l) => l.includes(top));
  if (i < 0) throw new Error(`${file}: not in any layer; add its folder to LAYERS`);
  return i;
}

describe('the layout of src/', () => {
  it('reads every import it checks (the reader is not blind)', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(graph.get('main.ts')).toContain('errors.ts');
    expect(graph.get('main.ts')).toContain('ui/launch.tsx');
    expect(graph.get('cli.ts')).toContain('main.ts');
  });

  it('every module is in a layer, and no layer imports one above it', () => {
    const upward: string[] = [];
    for (const [file, deps] of graph) {
      for (const dep of deps) {
        if (!exists.has(dep)) continue;
        if (layerOf(dep) > layerOf(file)) upward.push(`${file} → ${dep}`);
      }
    }
    expect(upward).toEqual([]);
  });

  it('no import cycles', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const visit = (f: string) => {
      state.set(f, 'open');
      stack.push(f);
      for (const d of graph.get(f) ?? []) {
        if (!exists.has(d)) continue;
        if (state.get(d) === 'open') cycles.push([...stack.slice(stack.indexOf(d)), d].join(' → '));
        else if (!state.has(d)) visit(d);
      }
      stack.pop();
      state.set(f, 'done');
    };
    for (const f of files) if (!state.has(f)) visit(f);
    expect(cycles).toEqual([]);
  });

  it('pure modules import no file system, process, network or terminal library', () => {
    const impure = [...graph]
      .filter(([f]) => PURE.some((p) => (p.endsWith('/') ? f.startsWith(p) : f === p)))
      .flatMap(([f, deps]) => deps.filter((d) => IMPURE_IMPORTS.test(d)).map((d) => `${f} → ${d}`));
    expect(impure).toEqual([]);
  });

  it('only config.ts reads environment variables', () => {
    const readers = files.filter(
      (f) => f !== 'config.ts' && /process\.env|\benv\s*\.\s*[A-Z_]+|\benv\s*\[/.test(readFileSync(join(SRC, f), 'utf8')),
    );
    expect(readers).toEqual([]);
  });

  it('zod is imported only through zod.ts, so the bundle leaves out its locales', () => {
    const direct = [...graph]
      .filter(([f, deps]) => f !== 'zod.ts' && deps.some((d) => d === 'zod' || d.startsWith('zod/')))
      .map(([f]) => f);
    expect(direct).toEqual([]);
    // The reader sees zod's users through zod.ts: the test is not blind.
    expect(graph.get('scenario/schema.ts')).toContain('zod.ts');
    expect(graph.get('zod.ts')).toContain('zod');
  });

  it('each command is loaded only when it is run', () => {
    expect(readFileSync(join(SRC, 'main.ts'), 'utf8')).not.toMatch(/^import[^;]*'\.\/commands\/(?!help\.js)/m);
    expect(graph.get('main.ts')).toContain('commands/grade.ts');
  });

  it('Ink is loaded only by the terminal UI, and the CLI loads the UI only on demand', () => {
    const inkUsers = [...graph].filter(([, deps]) => deps.includes('ink')).map(([f]) => f);
    expect(inkUsers.every((f) => f.startsWith('ui/'))).toBe(true);
    for (const entry of ['cli.ts', 'main.ts']) expect(readFileSync(join(SRC, entry), 'utf8')).not.toMatch(/^import[^;]*'\.\/ui\//m);
  });
});

describe('voice is loaded only when asked for', () => {
  it('nothing imports the audio code but with import(), so a typed interview and every other command start without it', () => {
    const audio = (t: string) => t.startsWith('voice/') || t === 'app/voice.ts';
    const STATIC = /(?:^|\n)\s*import\s+(?!type\b)[^;]*?from\s+'([^']+)'/g;
    const eager = files
      .filter((f) => !audio(f))
      .flatMap((f) =>
        [...readFileSync(join(SRC, f), 'utf8').matchAll(STATIC)]
          .map((m) => target(join(SRC, f), m[1]!))
          .filter(audio)
          .map((t) => `${f} → ${t}`),
      );
    expect(eager).toEqual([]);
    // The reader sees the lazy imports too: the test is not blind.
    expect(graph.get('ui/launch.tsx')).toContain('app/voice.ts');
  });
});
