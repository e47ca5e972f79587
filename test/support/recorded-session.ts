// A saved session with recordings, written into a data folder for `transcribe` to work on.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { newSession, type Session } from '../../src/interview/session.js';
import { fixture } from '../helpers.js';
import { toneWav } from './audio.js';

/**
 * Session `id` of the test scenario in `home`, with one recording per entry of `files` (the name
 * the session keeps for it, by recording id), and half a second of tone at `<id>.audio/ok.wav`.
 */
export function recordedSession(home: string, id: string, files: Record<string, string>): void {
  const audio = join(home, 'sessions', `${id}.audio`);
  mkdirSync(audio, { recursive: true });
  writeFileSync(join(audio, 'ok.wav'), toneWav(0.5));
  const at = '2026-03-01T10:00:00.000Z';
  const session: Session = {
    ...newSession({
      id,
      scenario: { id: 'shedshare', title: 'Shedshare', file: fixture('scenarios/good/interview.yaml') },
      mode: 'practice',
      at,
    }),
    recordings: Object.entries(files).map(([name, file]) => ({ id: name, questionId: 'kpi', file, at, seconds: 1 })),
  };
  writeFileSync(join(home, 'sessions', `${id}.json`), JSON.stringify(session));
}
