// `npm run bench:nlp`: rehearse's hand-written text rules against three NLP libraries on labelled
// cases from interview answers (bench/nlp-cases.ts), and their speed. `--misses` lists what each got
// wrong; `--no-speed` leaves out the timing.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PACKAGE_ROOT } from '../src/paths.js';
import { FIGURES, NEGATION, NOUN_PHRASES, PARTS_OF_SPEECH, SPOKEN, WRITTEN } from './nlp-cases.js';
import { figureCase, negationCase, nounPhraseCase, splitCase, tagCase } from './nlp-labels.js';
import { scoreFigures, scoreNegation, scoreNounPhrases, scoreSplits, scoreTags, type Counts, type Graded } from './nlp-score.js';
import { TOOLS, type Task, type Tool } from './nlp-tools.js';
import { median, wordCount } from './util.js';

const showMisses = process.argv.includes('--misses');

const written = WRITTEN.map(splitCase);
const spoken = SPOKEN.map(splitCase);
const figures = FIGURES.map(figureCase);
const negation = NEGATION.map(negationCase);
const nounPhrases = NOUN_PHRASES.map(nounPhraseCase);
const tags = PARTS_OF_SPEECH.map(tagCase);

const pct = (right: number, of: number) => (of ? `${Math.round((100 * right) / of)}%` : '—');
const f1 = (c: Counts) => {
  const p = c.hit / (c.hit + c.extra);
  const r = c.hit / (c.hit + c.missed);
  return c.hit ? `${Math.round((200 * p * r) / (p + r))}%` : '0%';
};

/** Rows of one cell after the tool's name (why it has no figures) do not set the columns' widths. */
function table(title: string, head: string[], rows: string[][]) {
  console.log(`\n${title}`);
  const all = [head, ...rows];
  const width = head.map((_, i) => Math.max(...all.filter((r) => i === 0 || r.length === head.length).map((r) => r[i]!.length)));
  for (const r of all) console.log(`  ${r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(width[i]!))).join('  ')}`.trimEnd());
}

/** One row per tool: its figures, or why it has none; the misses listed after the table when asked. */
function task(title: string, id: Task, head: string[], run: (t: Tool, misses: string[]) => string[] | undefined) {
  const notes: string[] = [];
  const rows = TOOLS.map((t) => {
    const misses: string[] = [];
    const row = t.lacks[id] ? undefined : run(t, misses);
    if (t.how?.[id]) notes.push(`${t.name}: ${t.how[id]}`);
    if (showMisses && misses.length) notes.push(`${t.name} missed:`, ...misses.map((m) => `  ${m}`));
    return row ? [t.name, ...row] : [t.name, `— ${t.lacks[id] ?? 'not measured'}`];
  });
  table(title, ['tool', ...head], rows);
  for (const n of notes) console.log(`    ${n}`);
}

const splitRow = (c: Counts) => [pct(c.hit, c.hit + c.extra), pct(c.hit, c.hit + c.missed), f1(c), `${c.exact}/${c.cases}`];
const gradedRow = (g: Graded) => [
  `${pct(g.right, g.of)} (${g.right}/${g.of})`,
  ...(g.also ? [`${pct(g.also.right, g.also.of)} (${g.also.right}/${g.also.of})`] : []),
  ...(g.also2 ? [`${pct(g.also2.right, g.also2.of)} (${g.also2.right}/${g.also2.of})`] : []),
];
const count = (n: number, what: string) => `${n} ${what}`;
const boundaryCount = (cases: { starts: number[] }[]) => cases.reduce((n, k) => n + k.starts.length, 0);

console.log(`rehearse bench:nlp · node ${process.version} · ${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}`);

const splitHead = ['precision', 'recall', 'F1', 'texts all right'];
task(
  `1. Sentence splitting, written answers (${count(written.length, 'texts')}, ${count(boundaryCount(written), 'boundaries')})`,
  'written',
  splitHead,
  (t, m) => t.sentences && splitRow(scoreSplits(written, t.sentences, m)),
);
task(
  `2. Sentence splitting, speech with no punctuation or capitals (${count(spoken.length, 'texts')}, ${count(boundaryCount(spoken), 'boundaries')})`,
  'spoken',
  splitHead,
  (t, m) => t.sentences && splitRow(scoreSplits(spoken, t.sentences, m)),
);
task(
  `3. Figures with units (${count(figures.length, 'texts')}, ${count(
    figures.reduce((n, k) => n + k.figures.length, 0),
    'figures',
  )}; list numbers, ordinals, years, times are not figures)`,
  'figures',
  ['precision', 'recall', 'F1', 'whole figure with unit', 'in pieces'],
  (t, m) => {
    if (!t.figures) return undefined;
    const c = scoreFigures(figures, t.figures, m);
    const share = (n: number) => `${pct(n, c.cases)} (${n}/${c.cases})`;
    return [pct(c.hit, c.hit + c.extra), pct(c.hit, c.hit + c.missed), f1(c), share(c.exact), share(c.pieces ?? 0)];
  },
);
task(
  `4. Negation scope (${count(negation.length, 'texts')}, ${count(
    negation.reduce((n, k) => n + k.phrases.length, 0),
    'metric phrases',
  )})`,
  'negation',
  ['accuracy', 'negated caught', 'others left alone'],
  (t, m) => t.negated && gradedRow(scoreNegation(negation, t.negated, m)),
);
task(
  `5. Noun phrase holding a word (${count(nounPhrases.length, 'phrases')}; articles and possessives set aside)`,
  'nounPhrases',
  ['exact phrase', 'whole phrase inside'],
  (t, m) => t.nounPhrase && gradedRow(scoreNounPhrases(nounPhrases, t.nounPhrase, m)),
);
console.log(
  '    the rule for taggers without a chunker: the run of nouns, adjectives and numbers around the word, hyphenated words whole, ending on a noun',
);
task(
  `6. Parts of speech: verb or noun, adjective or adverb (${count(tags.length, 'words')}; many imperatives, as advice is given)`,
  'partsOfSpeech',
  ['accuracy'],
  (t, m) => t.tag && gradedRow(scoreTags(tags, t.tag, m)),
);

// ---------- speed ----------

/** About 20,000 words of answers: the cases' texts, written and spoken, over and over. */
function longText(words: number): string {
  const texts = [...written, ...spoken, ...figures, ...negation, ...nounPhrases].map((k) => k.text);
  const out: string[] = [];
  let n = 0;
  for (let i = 0; n < words; i++) {
    const t = texts[i % texts.length]!;
    out.push(t);
    n += wordCount(t);
  }
  return out.join('\n\n');
}

const ROUNDS = 5;
const LOAD_ROUNDS = 3;

/**
 * The median of what each job reports (milliseconds), the jobs run in turns, one of each per round,
 * so that a busy machine slows them all alike; with `warm`, a first round is not counted.
 */
function inTurns(jobs: (() => number)[], rounds: number, warm: boolean): number[] {
  const times = jobs.map(() => [] as number[]);
  for (let r = warm ? -1 : 0; r < rounds; r++) {
    jobs.forEach((job, i) => {
      const ms = job();
      if (r >= 0) times[i]!.push(ms);
    });
  }
  return times.map(median);
}

function timePass(pass: () => unknown): number {
  const t0 = performance.now();
  pass();
  return performance.now() - t0;
}

/** The code that loads each toolkit, run in a fresh node so that nothing is cached. */
const LOADERS: Record<string, string> = {
  'rehearse rules': `const m = await import(${JSON.stringify(pathToFileURL(join(PACKAGE_ROOT, 'build/bench/src/scoring/rubric/matcher.js')).href)});
    const t = await import(${JSON.stringify(pathToFileURL(join(PACKAGE_ROOT, 'build/bench/src/text/text.js')).href)});
    t.analyse(['Warm up.'], ['Warm up.']); void m;`,
  compromise: `const { default: nlp } = await import('compromise'); nlp('Warm up.').sentences();`,
  'wink-nlp': `const { default: w } = await import('wink-nlp'); const { default: m } = await import('wink-eng-lite-web-model');
    w(m).readDoc('Warm up.');`,
  natural: `const { SentenceTokenizer } = await import('natural/lib/natural/tokenizers/index.js');
    const b = await import('natural/lib/natural/brill_pos_tagger/index.js');
    new SentenceTokenizer().tokenize('Warm up.');
    new b.BrillPOSTagger(new b.Lexicon('EN', 'NN', 'NNP'), new b.RuleSet('EN')).tag(['Warm', 'up']);`,
};

/** Milliseconds from the first import to a first result, as the fresh node reports it. */
function loadOnce(tool: string): number {
  const code = `const t0 = performance.now(); ${LOADERS[tool]} console.log(performance.now() - t0);`;
  return Number(execFileSync(process.execPath, ['--input-type=module', '-e', code], { cwd: PACKAGE_ROOT, encoding: 'utf8' }).trim());
}

/** Bytes on disk of a package and every package it depends on, found as node resolves them. */
function installed(name: string): { bytes: number; packages: number } {
  const seen = new Set<string>();
  const size = (dir: string): number =>
    readdirSync(dir, { withFileTypes: true }).reduce((n, e) => {
      if (e.name === 'node_modules') return n;
      const p = join(dir, e.name);
      return n + (e.isDirectory() ? size(p) : e.isFile() ? statSync(p).size : 0);
    }, 0);
  let bytes = 0;
  const visit = (pkg: string, from: string) => {
    let dir = from;
    // Up from the dependent's folder, as node looks: its own node_modules, then the ones above.
    while (!existsSync(join(dir, 'node_modules', pkg)) && dir.startsWith(PACKAGE_ROOT) && dir !== PACKAGE_ROOT) dir = join(dir, '..');
    const at = join(dir, 'node_modules', pkg);
    if (seen.has(at) || !existsSync(at)) return;
    seen.add(at);
    bytes += size(at);
    const meta = JSON.parse(readFileSync(join(at, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
    for (const dep of Object.keys(meta.dependencies ?? {})) visit(dep, at);
  };
  visit(name, PACKAGE_ROOT);
  return { bytes, packages: seen.size };
}

const PACKAGES: Record<string, string[]> = {
  compromise: ['compromise'],
  'wink-nlp': ['wink-nlp', 'wink-eng-lite-web-model'],
  natural: ['natural'],
};

function speed() {
  const text = longText(20_000);
  const words = wordCount(text);
  const pass = inTurns(
    TOOLS.map((t) => () => timePass(() => t.pass(text))),
    ROUNDS,
    true,
  );
  const load = inTurns(
    TOOLS.map((t) => () => loadOnce(t.name)),
    LOAD_ROUNDS,
    false,
  );
  table(
    `7. Speed on ${words.toLocaleString('en')} words of answers (median of ${ROUNDS} passes after a warm-up; load: median of ${LOAD_ROUNDS} fresh starts; tools in turns)`,
    ['tool', 'words per ms', 'pass', 'load', 'installed', 'what a pass does'],
    TOOLS.map((t, i) => {
      const sizes = (PACKAGES[t.name] ?? []).map(installed);
      const disk = sizes.length
        ? `${(sizes.reduce((n, s) => n + s.bytes, 0) / 1e6).toFixed(1)} MB in ${sizes.reduce((n, s) => n + s.packages, 0)} packages`
        : 'part of rehearse';
      return [t.name, (words / pass[i]!).toFixed(1), `${Math.round(pass[i]!)} ms`, `${Math.round(load[i]!)} ms`, disk, t.passDoes];
    }),
  );
}

if (!process.argv.includes('--no-speed')) speed();
