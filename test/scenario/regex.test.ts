// Which regular expressions an author may write: those that compile and cannot backtrack without end.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { backtrackingProblem, compileProblem, termProblem } from '../../src/scenario/regex.js';

const regexProblem = (source: string) => compileProblem(source) ?? backtrackingProblem(source);
import { ROOT } from '../helpers.js';

/** Every pattern and /regex/ phrase of a library file. */
function patternsOf(data: unknown): string[] {
  if (Array.isArray(data)) return data.flatMap(patternsOf);
  if (typeof data === 'string') return data.length > 2 && data.startsWith('/') && data.endsWith('/') ? [data.slice(1, -1)] : [];
  if (!data || typeof data !== 'object') return [];
  return Object.entries(data).flatMap(([k, v]) => (k === 'pattern' && typeof v === 'string' ? [v] : patternsOf(v)));
}

describe('the regular expressions an author writes', () => {
  it.each([
    ['(a+)+$', /exponential time: on a long run like "aaa…", "\(a\+\)\+" and the "a\+" it repeats/],
    ['(\\w+\\s?)*$', /exponential time/],
    ['(a|a)*$', /exponential time: "\(a\|a\)\*" can match the same text in more than one way/],
    ['(x|xx)+y', /exponential time: "\(x\|xx\)\+"/],
    ['(\\d|\\w)+!', /exponential time/],
    ['(?:retention|retain\\w*)+', /exponential time/],
    ['a+a+b', /polynomial time: on a long run like "aaa…", "a\+" and "a\+" can share it/],
    ['(unclosed', /^invalid regular expression: /],
  ])('refuses %s', (pattern, message) => {
    expect(regexProblem(pattern)).toMatch(message);
  });

  it.each([
    'revenue|churn',
    '(a|ab)*c',
    '(?:a|b)+c',
    '\\w+(?:\\s\\w+)*$',
    '\\d+(?:[.,]\\d+)?\\s*%',
    '(?:[^\\s:;.!?]+\\s+){0,7}x',
    'north star',
  ])('accepts %s', (pattern) => {
    expect(regexProblem(pattern)).toBeUndefined();
  });

  it('accepts every pattern of the shipped files (they are not analysed when loaded)', () => {
    const files = ['rubrics/pm.yaml', ...readdirSync(`${ROOT}/scenarios`).filter((f) => f.endsWith('.yaml'))];
    const shipped = files.flatMap((f) => patternsOf(parse(readFileSync(`${ROOT}/scenarios/${f}`, 'utf8'))));
    expect(shipped.length).toBeGreaterThan(3);
    expect(shipped.filter((p) => regexProblem(p) !== undefined)).toEqual([]);
  });

  it.each([
    ['metric *', /^"\*" is not a word, a group or a wildcard, so the phrase matches nothing \(a star ends a word or a group/],
    ['a ( ) b', /^"\( \)" is not a word, a group or a wildcard, so the phrase matches nothing$/],
    ['  ', /^an empty phrase matches nothing$/],
    ['()?', /^"\(\)\?" is not a word, a group or a wildcard/],
    ['metric *?', /^"\*\?" is not a word, a group or a wildcard/],
  ])('refuses the phrase %j, which can match nothing', (phrase, message) => {
    expect(termProblem(phrase)).toMatch(message);
  });

  it.each([
    ['optimi[sz]e for', '['],
    ['growth{2}', '{'],
    ['^churn', '^'],
    ['churn \\d', '\\'],
  ])('refuses the phrase %j, whose regular-expression marks the phrase syntax would drop', (phrase, mark) => {
    expect(termProblem(phrase)).toBe(
      `"${mark}" is not phrase syntax (words, "(a|b)" groups, "?", "*", "_", "_s", "#"): spell the forms out ("(optimise|optimize) for"), or write a regular expression between slashes`,
    );
    // Between slashes, the same marks are a regular expression's.
    expect(termProblem(`/${phrase}/`)).toBeUndefined();
  });

  it('accepts "$" and "+" inside the words of a phrase, as people write them', () => {
    for (const phrase of ['C++ skills', 'an A+ rating', 'revenue in us$']) expect(termProblem(phrase)).toBeUndefined();
  });

  it('accepts a star after a group', () => {
    expect(termProblem('revenue (target|goal)*')).toBeUndefined();
  });

  it('reads only a phrase between slashes as a regular expression', () => {
    expect(termProblem('(unclosed growth')).toBeUndefined();
    expect(termProblem('/(unclosed/')).toMatch(/invalid regular expression/);
  });
});
