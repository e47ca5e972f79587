// A small linear classifier of text: a multinomial logistic regression over word features, with
// the light word reading it needs (lower case, contractions spelt out, numbers folded, stems) and
// its trainer. The question model of transcripts and the answer topic model of scoring are two
// uses of it, each with its own features and classes.

/** The trained weights as shipped: one row of weights (one per class) for each feature kept. */
export interface ModelWeights {
  about: string;
  classes: string[];
  bias: number[];
  weights: Record<string, number[]>;
}

export interface Example {
  text: string;
  label: string;
  /** How much the example counts in training, 1 unless given. */
  weight?: number;
  /** False: its words weigh on the features the other examples make, but make none of their own. */
  vocabulary?: boolean;
}

/** Spellings folded to one form before words are read: typographic quotes, dashes. */
const QUOTES = /[\u2018\u2019\u02bc`]/g;
/** A word, a number (with its decimals, thousands and a percent or unit sign), or a question mark. */
const TOKEN = /[a-z]+(?:'[a-z]+)*|\d[\d,.]*(?:%|k|m|x)?|\?/g;
/** Contractions spelt out, so "what's" and "what is" read alike. */
const CONTRACTIONS: Record<string, string[]> = {
  "n't": ['not'],
  "'re": ['are'],
  "'ve": ['have'],
  "'ll": ['will'],
  "'d": ['would'],
  "'m": ['am'],
  "'s": [],
};

/**
 * A word's stem, lightly: plurals, -ing, -ed and -ly cut, so "metrics", "metric" and "incentivised",
 * "incentivising" meet. Short words are left alone ("is", "was", "red").
 */
export function stem(word: string): string {
  let w = word;
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 3 && w.endsWith('s') && !/(?:ss|us|is|ous)$/.test(w)) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  else if (w.length > 5 && w.endsWith('ly')) w = w.slice(0, -2);
  if (w.length > 5 && /(?:is|iz)e$/.test(w)) w = w.slice(0, -1);
  return w;
}

/** The text's words as a model reads them: lower case, contractions spelt out, numbers folded, stemmed. */
export function words(text: string): string[] {
  const out: string[] = [];
  // `match` with a global pattern gives the tokens alone, where `matchAll` makes an object for each.
  for (const t of text.toLowerCase().replace(QUOTES, "'").match(TOKEN) ?? []) {
    let read = readings.get(t);
    if (!read) {
      read = readToken(t);
      if (readings.size >= READINGS_KEPT) readings.clear();
      readings.set(t, read);
    }
    for (const w of read) out.push(w);
  }
  return out;
}

/** Each token's reading, kept: a long answer says the same words many times, and the stems cost more than a look-up. */
const readings = new Map<string, readonly string[]>();
const READINGS_KEPT = 50_000;

/** The words one token reads as: a number as <num>, a contraction spelt out, anything else stemmed. */
function readToken(t: string): readonly string[] {
  if (/^\d/.test(t)) return ['<num>'];
  const contraction = /^(.+?)(n't|'re|'ve|'ll|'d|'m|'s)$/.exec(t);
  if (contraction) {
    // "won't" and "can't" drop more than "n't".
    const head = contraction[1] === 'wo' ? 'will' : contraction[1] === 'ca' ? 'can' : contraction[1]!;
    return [stem(head), ...CONTRACTIONS[contraction[2]!]!];
  }
  return [t === '?' ? t : stem(t.replace(/'/g, ''))];
}

/** Unigrams of `ws` (with `prefix`) into `out`, and its bigrams too when asked, the start and end counting as words. */
export function grams(ws: readonly string[], prefix: string, out: Set<string>, bigrams: boolean): void {
  const w = ['<s>', ...ws, '</s>'];
  for (let i = 1; i < w.length; i++) {
    if (i < w.length - 1) out.add(prefix + w[i]!);
    if (bigrams) out.add(`${prefix}${w[i - 1]} ${w[i]}`);
  }
}

/** Weights read once into a form that costs one map look-up a feature. */
export class LinearClassifier {
  /** Each feature's row number, the rows by number, and per row the last call that counted it. */
  private readonly rowOf: Map<string, number>;
  private readonly rowList: number[][];
  private readonly counted: Int32Array;
  private calls = 0;

  constructor(
    readonly data: ModelWeights,
    private readonly featuresOf: (text: string) => string[],
  ) {
    this.rowOf = new Map(Object.keys(data.weights).map((f, i) => [f, i]));
    this.rowList = Object.values(data.weights);
    this.counted = new Int32Array(this.rowList.length);
  }

  /** Each class's probability for the text, in the order of `classes`. */
  probabilities(text: string): number[] {
    const z = [...this.data.bias];
    for (const f of this.featuresOf(text)) {
      const i = this.rowOf.get(f);
      if (i === undefined) continue;
      const row = this.rowList[i]!;
      for (let c = 0; c < z.length; c++) z[c]! += row[c]!;
    }
    return softmax(z);
  }

  /**
   * The same for features that may repeat, each counted once, in the order first met: what
   * `probabilities` gives when `featuresOf` makes a set of them, without making the set.
   */
  probabilitiesOfDistinct(features: readonly string[]): number[] {
    const z = [...this.data.bias];
    if (this.calls === 0x7fffffff) {
      this.counted.fill(0);
      this.calls = 0;
    }
    const call = ++this.calls;
    for (const f of features) {
      const i = this.rowOf.get(f);
      if (i === undefined || this.counted[i] === call) continue;
      this.counted[i] = call;
      const row = this.rowList[i]!;
      for (let c = 0; c < z.length; c++) z[c]! += row[c]!;
    }
    return softmax(z);
  }

  /** The probability of one class. */
  probability(text: string, label: string): number {
    return this.probabilities(text)[this.data.classes.indexOf(label)] ?? 0;
  }
}

export function softmax(z: number[]): number[] {
  const max = Math.max(...z);
  const e = z.map((v) => Math.exp(v - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

export interface TrainingSettings {
  /** L2 penalty on the weights, per example. */
  l2: number;
  /** Full passes over the examples. */
  epochs: number;
  /** A feature seen in fewer examples than this is left out: it would fit one line, not a phrasing. */
  minCount: number;
  rate: number;
  /** How far each class's examples are weighted to count as much as another's: 0 not at all, 1 fully. */
  balance: number;
}

/** Weights are kept to this many decimals, so the shipped file is small and the same on every machine. */
const DECIMALS = 2;

/**
 * Fits the model by full-batch gradient descent (Adam) on the cross-entropy plus an L2 penalty.
 * Everything is in a fixed order, so the same examples always give the same weights.
 */
export function train(
  examples: readonly Example[],
  classes: readonly string[],
  about: string,
  s: TrainingSettings,
  featuresOf: (text: string) => string[],
): ModelWeights {
  const counts = new Map<string, number>();
  const rows = examples.map((e) => featuresOf(e.text));
  rows.forEach((fs, e) => {
    if (examples[e]!.vocabulary !== false) for (const f of fs) counts.set(f, (counts.get(f) ?? 0) + 1);
  });
  const vocab = [...counts].filter(([, n]) => n >= s.minCount).map(([f]) => f);
  vocab.sort();
  const index = new Map(vocab.map((f, i) => [f, i]));
  const x = rows.map((fs) => fs.map((f) => index.get(f)).filter((i): i is number => i !== undefined));
  const y = examples.map((e) => classes.indexOf(e.label));
  if (y.some((c) => c < 0)) throw new Error(`an example's label is none of ${classes.join(', ')}`);
  // Balancing evens out how many examples each class has; an example's own weight then counts on top. Evening out
  // what the classes weigh instead was measured too: it reads more real answers as about none of the families.
  const perClass = classes.map((_, c) => y.filter((v) => v === c).length);
  const weightOf = y.map(
    (c, e) => (s.balance ? (examples.length / classes.length / perClass[c]!) ** s.balance : 1) * (examples[e]!.weight ?? 1),
  );
  const K = classes.length;
  const n = examples.length;
  // Weights and bias in one array: feature i's row at i*K, the bias at vocab.length*K.
  const size = (vocab.length + 1) * K;
  const w = new Float64Array(size);
  const m = new Float64Array(size);
  const v = new Float64Array(size);
  const g = new Float64Array(size);
  const b = vocab.length * K;
  const [beta1, beta2, eps] = [0.9, 0.999, 1e-8];
  for (let epoch = 1; epoch <= s.epochs; epoch++) {
    g.fill(0);
    for (let e = 0; e < n; e++) {
      const xs = x[e]!;
      const z = new Array<number>(K);
      for (let c = 0; c < K; c++) {
        let sum = w[b + c]!;
        for (const i of xs) sum += w[i * K + c]!;
        z[c] = sum;
      }
      const p = softmax(z);
      for (let c = 0; c < K; c++) {
        const d = (weightOf[e]! * (p[c]! - (y[e] === c ? 1 : 0))) / n;
        g[b + c]! += d;
        for (const i of xs) g[i * K + c]! += d;
      }
    }
    for (let j = 0; j < b; j++) g[j]! += s.l2 * w[j]!;
    for (let j = 0; j < size; j++) {
      m[j] = beta1 * m[j]! + (1 - beta1) * g[j]!;
      v[j] = beta2 * v[j]! + (1 - beta2) * g[j]! * g[j]!;
      const mh = m[j]! / (1 - beta1 ** epoch);
      const vh = v[j]! / (1 - beta2 ** epoch);
      w[j]! -= (s.rate * mh) / (Math.sqrt(vh) + eps);
    }
  }
  const round = (value: number) => Math.round(value * 10 ** DECIMALS) / 10 ** DECIMALS || 0;
  const weights: Record<string, number[]> = {};
  vocab.forEach((f, i) => {
    const row = Array.from(w.subarray(i * K, (i + 1) * K), round);
    // A feature whose weights all round to nothing says nothing: it is not shipped.
    if (row.some((value) => value !== 0)) weights[f] = row;
  });
  return { about, classes: [...classes], bias: Array.from(w.subarray(b, b + K), round), weights };
}
