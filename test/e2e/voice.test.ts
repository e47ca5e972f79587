// Spoken answers in a real terminal (tmux): a WAV file stands in for the microphone, the test
// server for the transcription service. Ctrl+R starts and stops, the transcript lands in the editor,
// Ctrl+D scores it; when transcription fails the audio is kept and `transcribe` finishes later.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Session } from '../../src/interview/session.js';
import { fixture, rehearseAsync } from '../helpers.js';
import { toneWav } from '../support/audio.js';
import { startFakeOpenAI, type FakeOpenAI, type Reply } from '../support/fake-openai.js';
import { hasTmux, Terminal } from '../support/terminal.js';

const run = hasTmux || process.env.CI ? describe : describe.skip;

const SCENARIO = fixture('scenarios/good/interview.yaml');
const SPOKEN = 'Um, I would track weekly active sheds, you know, because a shed that lends every week is one that trusts us.';
/** Word timings for the spoken answer: a steady pace with one long pause after "sheds". */
const WORDS = SPOKEN.split(' ').map((word, i) => {
  const start = i * 0.4 + (i > 6 ? 3 : 0);
  return { word: word.replace(/[,.]/g, ''), start, end: start + 0.3 };
});
const TRANSCRIPT: Reply = {
  kind: 'transcript',
  text: SPOKEN,
  words: WORDS,
  segments: [{ text: SPOKEN, start: 0, end: WORDS.at(-1)!.end }],
};

/** How long a terminal that shares the machine with two others may take to draw what is waited for. */
const SIDE_BY_SIDE_MS = 20_000;

/** What a test calls to have something stopped when it ends (its context's `onTestFinished`). */
type Finally = (stop: () => void | Promise<void>) => void;

async function server(reply: Reply, onTestFinished: Finally): Promise<FakeOpenAI> {
  const s = await startFakeOpenAI(reply);
  onTestFinished(() => s.close());
  return s;
}

/** An interview at its first question, with a WAV file as the microphone and `url` as the transcription server. */
async function interview(url: string | undefined, onTestFinished: Finally): Promise<Terminal> {
  const home = mkdtempSync(join(tmpdir(), 'rehearse-voice-'));
  const mic = join(home, 'mic.wav');
  writeFileSync(mic, toneWav(1.5, { freq: 300, amplitude: 0.4 }));
  const t = new Terminal(home);
  onTestFinished(() => t.stop());
  t.start(`interview --scenario ${SCENARIO} --probes 0`, {
    env: { REHEARSE_MIC_FILE: mic, ...(url ? { REHEARSE_TRANSCRIBE_URL: url, REHEARSE_AUDIO_TIMEOUT_MS: '1500' } : {}) },
  });
  await t.waitFor((s) => s.includes('Press Enter to begin'), 'the intro');
  t.keys('Enter');
  await t.waitFor((s) => s.includes('Question 1 of'), 'the first question');
  return t;
}

/** Ctrl+R, a second of "speech" with the meter running, Ctrl+R. */
async function speak(t: Terminal) {
  t.keys('C-r');
  // At least a second: on a loaded machine the screen may first be read when the meter shows more.
  await t.waitFor((s) => /● Recording 0:(?:0[1-9]|[1-5]\d)/.test(s), 'the recording to run for a second');
  t.keys('C-r');
}

const sessionOf = (home: string): Session => {
  const dir = join(home, 'sessions');
  const file = readdirSync(dir).find((f) => /^[\w-]+\.json$/.test(f))!;
  return Session.parse(JSON.parse(readFileSync(join(dir, file), 'utf8')));
};
const flat = (s: string) => s.replace(/\s+/g, ' ');

run('answering aloud in a real terminal', () => {
  it('records, puts the transcript in the editor, and scores it with its delivery', async ({ onTestFinished }) => {
    const s = await server(TRANSCRIPT, onTestFinished);
    const t = await interview(s.url, onTestFinished);
    await speak(t);
    await t.waitFor((screen) => flat(screen).includes('a shed that lends every week'), 'the transcript in the editor');
    // Saved with the session before it was transcribed; the file is the microphone's audio.
    const session = sessionOf(t.home);
    const recording = session.recordings![0]!;
    expect(existsSync(join(t.home, 'sessions', recording.file))).toBe(true);
    expect(recording.speech?.text).toBe(SPOKEN);
    expect(s.requests[0]!.file!.size).toBeGreaterThan(16_000);
    // The candidate corrects the transcript before sending it.
    t.type(' And I would check it against repeat borrowers.');
    t.keys('C-d');
    const card = await t.waitFor((screen) => screen.includes('Delivery'), 'the score card with delivery');
    expect(card).toMatch(/words a minute/);
    // The spoken answer's fillers, in the order first said; the typed correction adds none.
    expect(flat(card)).toMatch(/Fillers 2 \([\d.]+ a minute\): um ×1, you know ×1/);
    const answered = sessionOf(t.home);
    expect(answered.turns.find((x) => x.kind === 'answer')!.text).toContain('repeat borrowers');
    expect(answered.recordings![0]!.answerTurn).toBe(answered.turns.findIndex((x) => x.kind === 'answer'));
  });

  // Each waits out a failure in a terminal of its own: side by side, each stopped when it ends, with
  // longer waits, as three terminals share the machine.
  it.concurrent.for<[string, Reply]>([
    ['a server error', { kind: 'status', status: 500 }],
    ['a server that never answers', { kind: 'stall' }],
    ['a reply that is not a transcript', { kind: 'raw', contentType: 'application/json', body: '{"segments": "none"' }],
  ])('%s: the audio is kept, the candidate types, and `transcribe` finishes later', async ([, reply], { onTestFinished }) => {
    const down = await server(reply, onTestFinished);
    const t = await interview(down.url, onTestFinished);
    await speak(t);
    const screen = await t.waitFor((x) => x.includes('Could not transcribe'), 'the failure to be said', SIDE_BY_SIDE_MS);
    expect(flat(screen)).toContain('transcribe');
    const recording = sessionOf(t.home).recordings![0]!;
    expect(existsSync(join(t.home, 'sessions', recording.file))).toBe(true);
    expect(recording.failed).toBeTruthy();
    t.type('I would track weekly active sheds, because lending every week shows trust.');
    t.keys('C-d');
    await t.waitFor((x) => x.includes('Enter to continue'), 'the score card of the typed answer', SIDE_BY_SIDE_MS);
    t.keys('C-c');
    await t.waitFor((x) => x.includes('[exit 0]'), 'the interview to be saved and left', SIDE_BY_SIDE_MS);

    const up = await server(TRANSCRIPT, onTestFinished);
    const id = sessionOf(t.home).id;
    const r = await rehearseAsync(['transcribe', id], { env: { REHEARSE_HOME: t.home, REHEARSE_TRANSCRIBE_URL: up.url } });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/words transcribed/);
    expect(sessionOf(t.home).recordings![0]!.speech?.text).toBe(SPOKEN);
  });

  it('with transcription not set up, the recording is saved and the candidate is told how to set it up', async ({ onTestFinished }) => {
    const t = await interview(undefined, onTestFinished);
    await speak(t);
    const screen = await t.waitFor((x) => x.includes('Transcription is not set up'), 'the note');
    expect(flat(screen)).toContain('REHEARSE_TRANSCRIBE_URL');
    expect(sessionOf(t.home).recordings).toHaveLength(1);
  });
});
