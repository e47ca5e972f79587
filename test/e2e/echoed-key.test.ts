// A server that puts the API key in a successful reply (a proxy, a compromised server): the key is
// never shown nor saved, in a probe streamed to the screen, in the session, its reports, or a transcript.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Session } from '../../src/interview/session.js';
import { RedactingStream } from '../../src/probes/redacting-stream.js';
import { rehearseAsync } from '../helpers.js';
import { probeJson, startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.js';
import { recordedSession } from '../support/recorded-session.js';

const KEY = 'sk-live-SECRET-abcdefghijklmnop';

let servers: FakeOpenAI[] = [];
afterEach(async () => {
  for (const s of servers) await s.close();
  servers = [];
});

const everythingIn = (dir: string) =>
  readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.json') || f.endsWith('.md'))
    .map((f) => readFileSync(join(dir, f), 'utf8'));

describe('an API key echoed in a successful reply', () => {
  it('a probe that carries the key, streamed in small pieces: shown and saved redacted', async () => {
    const server = await startFakeOpenAI((req) => {
      const criterion = /"criterion": "([a-z_-]+)"/.exec(req.body.messages[0]!.content)![1]!;
      return {
        kind: 'stream',
        chunk: 3,
        content: probeJson(
          `Your key ${KEY} aside, what makes “monthly transacting merchants” the one to watch?`,
          criterion,
          'monthly transacting merchants',
        ),
      };
    });
    servers.push(server);
    const home = mkdtempSync(join(tmpdir(), 'rehearse-echo-'));
    const answers = Array.from(
      { length: 20 },
      (_, i) => `Monthly transacting merchants, answer ${i + 1}, because merchants who stay pay us.`,
    ).join('\n---\n');
    const run = await rehearseAsync(['interview', '--scenario', 'fintech', '--json'], {
      input: answers,
      env: { REHEARSE_HOME: home, OPENAI_API_KEY: KEY, OPENAI_BASE_URL: server.url, REHEARSE_MODEL: 'test-model' },
    });
    // More answers than the interview asks for: it finishes, and says so of the ones left over.
    expect(run.stderr).toMatch(/left over|not used|unused/i);
    expect(server.requests.length).toBeGreaterThan(0);
    const written = everythingIn(join(home, 'sessions'));
    expect(written.length).toBeGreaterThanOrEqual(3);
    for (const text of [run.stdout, run.stderr, ...written]) expect(text).not.toContain('SECRET-abcdefghijklmnop');
    const session = Session.parse(JSON.parse(written.find((t) => t.includes('"turns"') && t.includes('"version"'))!));
    expect(session.status).toBe('finished');
    expect(session.turns.filter((t) => t.kind === 'probe' && t.source === 'llm').map((t) => t.text)).toContain(
      'Your key [redacted] aside, what makes “monthly transacting merchants” the one to watch?',
    );
  });

  it('a transcript that carries the key, in its text, words and segments: saved and shown redacted', async () => {
    const home = mkdtempSync(join(tmpdir(), 'rehearse-echo-'));
    const id = 'spoken';
    recordedSession(home, id, { a: `${id}.audio/ok.wav` });
    const said = `Weekly active sheds, and the key is ${KEY}.`;
    const server = await startFakeOpenAI({
      kind: 'transcript',
      text: said,
      words: said.split(' ').map((word, i) => ({ word, start: i * 0.4, end: i * 0.4 + 0.3 })),
      segments: [{ text: said, start: 0, end: 3 }],
    });
    servers.push(server);
    const r = await rehearseAsync(['transcribe', id], {
      env: { REHEARSE_HOME: home, OPENAI_API_KEY: KEY, REHEARSE_TRANSCRIBE_URL: server.url },
    });
    expect(r.code).toBe(0);
    for (const text of [r.stdout, r.stderr, ...everythingIn(join(home, 'sessions'))]) expect(text).not.toContain('SECRET-abcdefghijklmnop');
    const saved = Session.parse(JSON.parse(readFileSync(join(home, 'sessions', `${id}.json`), 'utf8')));
    expect(saved.recordings![0]!.speech!.text).toBe('Weekly active sheds, and the key is [redacted].');
  });
});

describe('RedactingStream', () => {
  it.each([1, 2, 3, 5, 7, 40])('passes text on redacted whatever the size of the pieces (%i)', (size) => {
    const text = `a ${KEY} b ${KEY}${KEY} and sk-other-0123456789 with risks`;
    const out: string[] = [];
    const stream = new RedactingStream([KEY], (t) => out.push(t));
    for (let i = 0; i < text.length; i += size) stream.push(text.slice(i, i + size));
    stream.end();
    expect(out.join('')).toBe('a [redacted] b [redacted][redacted] and sk-[redacted] with risks');
    for (const piece of out) expect(piece).not.toMatch(/SECRET|0123456789/);
  });
});
