// A session file names its recordings; `transcribe` reads and uploads only those inside the
// session's own audio folder. A name that leads elsewhere (`..`, an absolute path, a link) is
// refused for that recording, said, and kept in the session as its failure; nothing else is sent.
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Session } from '../../src/interview/session.js';
import { rehearseAsync } from '../helpers.js';
import { recordedSession } from '../support/recorded-session.js';
import { toneWav } from '../support/audio.js';
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.js';

let servers: FakeOpenAI[] = [];
afterEach(async () => {
  for (const s of servers) await s.close();
  servers = [];
});

describe('recordings named by a session file', () => {
  it('transcribe uploads the one inside <id>.audio and refuses one reached by .., an absolute path or a link', async () => {
    const home = mkdtempSync(join(tmpdir(), 'rehearse-recordings-'));
    const secret = join(home, 'secret.wav');
    writeFileSync(secret, Buffer.concat([toneWav(0.2), Buffer.from('PRIVATE')]));
    const id = 'recorded';
    recordedSession(home, id, {
      ok: `${id}.audio/ok.wav`,
      up: '../secret.wav',
      sideways: `${id}.audio/../../secret.wav`,
      absolute: secret,
      link: `${id}.audio/link.wav`,
    });
    symlinkSync(secret, join(home, 'sessions', `${id}.audio`, 'link.wav'));
    const server = await startFakeOpenAI({ kind: 'transcript', text: 'Weekly active merchants.' });
    servers.push(server);

    const r = await rehearseAsync(['transcribe', id], { env: { REHEARSE_HOME: home, REHEARSE_TRANSCRIBE_URL: server.url } });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^ok: 3 words transcribed/m);
    for (const file of ['../secret.wav', `${id}.audio/../../secret.wav`, secret, `${id}.audio/link.wav`]) {
      expect(r.stderr).toContain(
        `rehearse transcribe: ${file}: ${file} is not in this session's audio folder (${id}.audio); it is not read`,
      );
    }
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.file!.bytes.includes('PRIVATE')).toBe(false);
    const saved = Session.parse(JSON.parse(readFileSync(join(home, 'sessions', `${id}.json`), 'utf8')));
    expect(saved.recordings!.map((x) => [x.id, x.speech ? 'transcribed' : x.failed ? 'refused' : 'untouched'])).toEqual([
      ['ok', 'transcribed'],
      ['up', 'refused'],
      ['sideways', 'refused'],
      ['absolute', 'refused'],
      ['link', 'refused'],
    ]);
  });
});
