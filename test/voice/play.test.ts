// Playing through fake players on a search path of the test's own: the arguments, a failure reported once, stop.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { play, playerArgs } from '../../src/voice/play.js';
import { detectPlayer } from '../../src/voice/tools.js';
import { fakeProgram } from '../support/audio.js';

const FILE = '/tmp/question 1.wav';

describe('playerArgs', () => {
  it.each([
    ['aplay', ['-q', FILE]],
    ['paplay', [FILE]],
    ['afplay', [FILE]],
    ['ffplay', ['-nodisp', '-autoexit', '-loglevel', 'error', FILE]],
  ] as const)('%s', (name, expected) => {
    expect(playerArgs(name, FILE)).toEqual(expected);
  });
});

/** Writes the arguments it was given beside itself and exits. */
const RECORDS_ARGS = `require('node:fs').writeFileSync(__dirname + '/args.json', JSON.stringify(process.argv.slice(2)));`;

describe.skipIf(process.platform === 'win32')('play', () => {
  it.each(['aplay', 'paplay', 'ffplay'] as const)('runs %s on the file, made absolute, and settles with no failure', async (name) => {
    const dir = fakeProgram(name, RECORDS_ARGS);
    const player = detectPlayer(dir, 'linux');
    expect(player).toEqual({ name, path: join(dir, name) });
    const playback = play('question.wav', player!);
    await playback.done;
    expect(playback.failure).toBeUndefined();
    expect(JSON.parse(readFileSync(join(dir, 'args.json'), 'utf8'))).toEqual(playerArgs(name, join(process.cwd(), 'question.wav')));
  });

  it('a player that fails settles all the same, and says why in one line', async () => {
    const dir = fakeProgram(
      'aplay',
      `process.stderr.write('ALSA lib confmisc.c:855:(parse_card) cannot find card 0\\naplay: main:831: audio open error: No such file or directory\\n');
       process.exitCode = 1;`,
    );
    const onFailure = vi.fn();
    const playback = play(FILE, detectPlayer(dir, 'linux')!, onFailure);
    await expect(playback.done).resolves.toBeUndefined();
    const message = 'aplay: main:831: audio open error: No such file or directory';
    expect({ reason: playback.failure?.reason, message: playback.failure?.message }).toEqual({ reason: 'failed', message });
    expect(onFailure.mock.calls).toEqual([[message, playback.failure]]);
  });

  it('a player that says nothing is reported by its exit code', async () => {
    const dir = fakeProgram('paplay', `process.exitCode = 3;`);
    const playback = play(FILE, detectPlayer(dir, 'linux')!);
    await playback.done;
    expect(playback.failure?.message).toBe('paplay: exit code 3');
  });

  it('a player that cannot be started settles with the reason', async () => {
    const onFailure = vi.fn();
    const playback = play(FILE, { name: 'ffplay', path: join(mkdtempSync(join(tmpdir(), 'rehearse-play-')), 'ffplay') }, onFailure);
    await expect(playback.done).resolves.toBeUndefined();
    expect(playback.failure?.message).toBe('ffplay: could not start (no such file)');
    expect(onFailure).toHaveBeenCalledTimes(1);
  });

  it('stop ends a long one, which is no failure', async () => {
    const dir = fakeProgram(
      'aplay',
      `require('node:fs').writeFileSync(__dirname + '/started', '');
       setTimeout(() => require('node:fs').writeFileSync(__dirname + '/finished', ''), 60_000);`,
    );
    const onFailure = vi.fn();
    const playback = play(FILE, detectPlayer(dir, 'linux')!, onFailure);
    await vi.waitFor(() => expect(existsSync(join(dir, 'started'))).toBe(true), { timeout: 5000, interval: 10 });
    playback.stop();
    await playback.done;
    expect(playback.failure).toBeUndefined();
    expect(onFailure).not.toHaveBeenCalled();
    expect(existsSync(join(dir, 'finished'))).toBe(false);
    // Stopping again, once it has ended, is harmless.
    playback.stop();
  });
});
