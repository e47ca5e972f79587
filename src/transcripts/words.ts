// The content words of what interviewers say, for telling whether two turns are about the same thing.
import { tokenize } from '../text/text.js';

const STOP = new Set(
  'the a an and or of to in on for with at by from as is are was were be been it its this that these those you your we our us i me my they them their what which who how why when where do does did can could would should will shall have has had about into over than then there here just also so if not no yes'.split(
    ' ',
  ),
);

/** Words too common in interviews to tie a follow-up to a question. */
const COMMON = new Set(
  'think thing things say said tell talk know make want like really way something people get go one product team'.split(' '),
);

/** Light stemming, so "measuring", "measured" and "measures" compare equal. */
const stem = (w: string) => w.replace(/(?:ing|ed|es|s|ly)$/u, '') || w;

/** Words interviewers use for the same thing, compared as one. */
const SAME = new Map(
  Object.entries({
    kpi: 'metric',
    measure: 'metric',
    figure: 'metric',
    indicator: 'metric',
    number: 'metric',
    goal: 'target',
    objective: 'target',
  }),
);

/** What bare probes are made of: "Why?", "Can you give an example?", "Say more about how." */
export const PROBE = new Set(
  'why more example elaborate expand detail specific mean instance explain clarify else anything such how give walk through sure exactly'.split(
    ' ',
  ),
);

/** Content words, stemmed, for comparing a question with a rewording of it. */
export function keywords(text: string): Set<string> {
  const out = new Set<string>();
  for (const t of tokenize(text)) {
    const w = t.norm.replace(/'s$/, '');
    if (w.length < 3 || STOP.has(w)) continue;
    const stemmed = stem(w);
    out.add(SAME.get(stemmed) ?? stemmed);
  }
  return out;
}

/** Content words that say what a question is about, leaving out those every interview uses. */
export const ownWords = (words: Iterable<string>): string[] => [...words].filter((w) => !COMMON.has(w));

/** What listeners say to keep someone talking: "Thanks, that's helpful.", "Love that." */
const ACKNOWLEDGES = new Set(
  'thank thanks helpful great love nice good cool interesting perfect okay sure right yeah yes got sense see fair fascinating wow continue please sorry ahead hmm mhm absolutely totally exactly awesome useful clear makes wonderful amazing brilliant'.split(
    ' ',
  ),
);

/** Whether a remark only acknowledges what was said, so the answer may go on after it. */
export const acknowledges = (text: string): boolean =>
  ownWords(keywords(text)).filter((w) => !ACKNOWLEDGES.has(w) && !PROBE.has(w)).length === 0;
