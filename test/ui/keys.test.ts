// Raw terminal data cut into keys, as the terminal delivers it: several keys in one read, or one key across two.
import { describe, expect, it } from 'vitest';
import { splitKeys } from '../../src/ui/keys.js';

describe('splitKeys', () => {
  it.each([
    ['abc', ['abc'], ''],
    ['ab\x1b[D\x1b[Dc', ['ab', '\x1b[D', '\x1b[D', 'c'], ''],
    ['\x7f\x1b[3~', ['\x7f', '\x1b[3~'], ''],
    ['\x1b[200~one\rtwo\x04\x1b[201~', ['\x1b[200~', 'one\rtwo\x04', '\x1b[201~'], ''],
    ['text\x1b\r', ['text', '\x1b\r'], ''],
    ['\x1bOA', ['\x1bOA'], ''],
    ['abc\x1b', ['abc'], '\x1b'],
    ['abc\x1b[20', ['abc'], '\x1b[20'],
  ])('%j is %j, with %j left for the next read', (data, pieces, pending) => {
    expect(splitKeys(data)).toEqual({ pieces, pending });
  });

  it('a sequence cut between two reads is whole once the rest comes', () => {
    const first = splitKeys('x\x1b[3');
    expect(splitKeys(`${first.pending}~y`)).toEqual({ pieces: ['\x1b[3~', 'y'], pending: '' });
  });
});
