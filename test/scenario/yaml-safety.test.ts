// Scenario and rubric files that would exhaust memory or be misread are refused on one line,
// `file:line: message`, never with a stack trace: an alias bomb, a dangling alias, bytes not UTF-8.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateFile } from '../../src/commands/validate.js';
import { parseText } from '../../src/scenario/parse.js';
import { fixture } from '../helpers.js';
import { issuesOf } from '../support/issues.js';

const dir = mkdtempSync(join(tmpdir(), 'rehearse-yaml-'));

/** Nine aliases of nine aliases of…: six lines that would expand to half a million strings. */
const BOMB = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
  'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
  'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
  'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
  'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
].join('\n');

describe('YAML aliases', () => {
  it.each([
    {
      name: 'an alias bomb',
      text: BOMB,
      issue: { file: 'bomb.yaml', line: 3, path: '', message: expect.stringMatching(/^YAML aliases expand too far/) },
    },
    {
      name: 'an alias with no anchor',
      text: 'id: x\ntitle: *nope\n',
      issue: { file: 'bomb.yaml', line: 2, path: '', message: 'YAML alias *nope has no anchor &nope before it' },
    },
  ])('$name is one issue with its line', ({ text, issue }) => {
    expect(issuesOf(() => parseText('bomb.yaml', text))).toEqual([issue]);
  });

  it('aliases a file uses to share content still read', () => {
    const text = 'shared: &shared [retention, churn]\nfirst: *shared\nsecond: *shared\n';
    expect(parseText('ok.yaml', text).data).toEqual({
      shared: ['retention', 'churn'],
      first: ['retention', 'churn'],
      second: ['retention', 'churn'],
    });
  });

  it('validate reports a bomb as file:line, not as an error of rehearse', () => {
    const file = join(dir, 'bomb.yaml');
    writeFileSync(file, BOMB);
    expect(validateFile(file).errors).toEqual([
      expect.objectContaining({ file, line: 3, message: expect.stringMatching(/^YAML aliases expand too far/) }),
    ]);
  });
});

describe('encodings of scenario files', () => {
  const scenario = readFileSync(fixture('scenarios/good/minimal.yaml'), 'utf8').replace(
    /uses:\n((?:\s+- .*\n)+)/,
    (_, list: string) => `uses:\n${list.replace(/- (.*)/g, (_m, rel: string) => `- ${join(fixture('scenarios/good'), rel)}`)}`,
  );

  it('bytes that are not UTF-8 are "not UTF-8" at their line, not a schema error', () => {
    const file = join(dir, 'latin1.yaml');
    const bytes = Buffer.from(`${scenario}\n# caf\u00e9\n`, 'latin1');
    writeFileSync(file, bytes);
    const line = scenario.split('\n').length + 1;
    expect(validateFile(file).errors).toEqual([
      { file, line, path: '', message: 'not UTF-8: this line has bytes that are not valid UTF-8; save the file as UTF-8' },
    ]);
  });

  it('UTF-16 with a byte-order mark reads as the same scenario', () => {
    const file = join(dir, 'utf16.yaml');
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(scenario, 'utf16le')]));
    expect(validateFile(file).errors).toEqual([]);
  });
});
