// Finding players, recorders and espeak on a search path made for the test, and the one-line failure wording.
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { detectPlayer, detectRecorder, findCommand, findEspeak, lastStderrLine, toolSays } from '../../src/voice/tools.js';

/** A folder holding an executable script for each name, and a path of such folders. */
function folderWith(...names: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'rehearse-tools-'));
  for (const name of names) {
    writeFileSync(join(dir, name), '#!/bin/sh\nexit 0\n');
    chmodSync(join(dir, name), 0o755);
  }
  return dir;
}
const pathOf = (...dirs: string[]) => dirs.join(delimiter);

describe.skipIf(process.platform === 'win32')('findCommand', () => {
  const first = folderWith('espeak-ng', 'aplay');
  const second = folderWith('aplay', 'rec');
  const notExecutable = mkdtempSync(join(tmpdir(), 'rehearse-tools-'));
  writeFileSync(join(notExecutable, 'arecord'), 'not a program');
  mkdirSync(join(notExecutable, 'ffmpeg'));

  it.each([
    ['the first folder that has it', 'aplay', pathOf(first, second), join(first, 'aplay')],
    ['a later folder', 'rec', pathOf(first, second), join(second, 'rec')],
    ['nothing, when no folder has it', 'paplay', pathOf(first, second), undefined],
    ['nothing for a file that may not be run', 'arecord', pathOf(notExecutable), undefined],
    ['nothing for a folder of that name', 'ffmpeg', pathOf(notExecutable), undefined],
    ['past empty entries, which are not the working folder', 'rec', `::${second}:`, join(second, 'rec')],
    ['nothing on an empty path', 'rec', '', undefined],
  ])('finds %s', (_, name, searchPath, expected) => {
    expect(findCommand(name, searchPath)).toBe(expected);
  });

  it('on Windows, looks for name.exe in ;-separated folders', () => {
    const dir = folderWith('ffplay.exe');
    expect(findCommand('ffplay', `${first};${dir}`, 'win32')).toBe(join(dir, 'ffplay.exe'));
  });
});

describe.skipIf(process.platform === 'win32')('detectPlayer, detectRecorder, findEspeak', () => {
  const all = folderWith('afplay', 'paplay', 'aplay', 'ffplay', 'rec', 'arecord', 'ffmpeg', 'espeak-ng', 'espeak');
  const some = folderWith('ffplay', 'aplay', 'ffmpeg', 'arecord', 'espeak');

  it.each([
    ['macOS prefers afplay', all, 'darwin', { name: 'afplay', path: join(all, 'afplay') }],
    ['Linux never picks afplay', all, 'linux', { name: 'paplay', path: join(all, 'paplay') }],
    ['aplay before ffplay', some, 'linux', { name: 'aplay', path: join(some, 'aplay') }],
    ['none', folderWith(), 'linux', undefined],
  ] as const)('player: %s', (_, dir, platform, expected) => {
    expect(detectPlayer(dir, platform)).toEqual(expected);
  });

  it.each([
    ['rec first', all, { name: 'rec', path: join(all, 'rec') }],
    ['then arecord, before ffmpeg', some, { name: 'arecord', path: join(some, 'arecord') }],
    ['ffmpeg last', folderWith('ffmpeg'), expect.objectContaining({ name: 'ffmpeg' })],
    ['none', folderWith(), undefined],
  ])('recorder: %s', (_, dir, expected) => {
    expect(detectRecorder(dir, 'linux')).toEqual(expected);
  });

  it.each([
    ['espeak-ng first', all, join(all, 'espeak-ng')],
    ['then espeak', some, join(some, 'espeak')],
    ['none', folderWith(), undefined],
  ])('espeak: %s', (_, dir, expected) => {
    expect(findEspeak(dir, 'linux')).toBe(expected);
  });
});

describe('what a failed program said', () => {
  it('keeps the last non-empty line of standard error, across chunks', () => {
    const stream = new PassThrough();
    const last = lastStderrLine(stream);
    expect(last()).toBeUndefined();
    stream.write('ALSA lib pcm.c:2666: Unknown PCM default\nrec FAIL sox: Sorry, there is no ');
    stream.write('default audio device configured\n\n');
    expect(last()).toBe('rec FAIL sox: Sorry, there is no default audio device configured');
  });

  it.each([
    ['arecord', 'arecord: main:831: audio open error', 'arecord: main:831: audio open error'],
    ['rec', 'rec FAIL sox: no device', 'rec FAIL sox: no device'],
    ['rec', 'recording device busy', 'rec: recording device busy'],
    ['espeak', 'espeak-ng: bad voice', 'espeak: espeak-ng: bad voice'],
    ['aplay', 'exit code 1', 'aplay: exit code 1'],
  ])('%s saying "%s" reads "%s"', (name, said, expected) => {
    expect(toolSays(name, said)).toBe(expected);
  });
});
