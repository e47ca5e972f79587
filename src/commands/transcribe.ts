// `rehearse transcribe <session>`: transcribes the recordings of a session that have no transcript
// yet (transcription was down or not set up when they were made), and brings its report up to date.
import { scenarioOf } from '../app/lifecycle.js';
import { runnerWorld, sessionRunner } from '../app/session-runner.js';
import { TRANSCRIPTION_SETUP } from '../app/transcription.js';
import { wire } from '../app/wiring.js';
import { FatalError, UsageError } from '../errors.js';
import type { IO } from '../io.js';
import { countWords } from '../text/text.js';
import { forTerminal } from '../terminal-text.js';
import { parse } from './args.js';

const USAGE = 'rehearse transcribe <session-id>';

export async function transcribeCommand(args: string[], io: IO): Promise<number> {
  const { positionals } = parse(args, {}, USAGE);
  if (positionals.length !== 1) throw new UsageError(`name one session (see \`rehearse sessions\`)\nusage: ${USAGE}`);
  const w = await wire(io);
  let session = w.store.take(positionals[0]!);
  const todo = (session.recordings ?? []).filter((r) => !r.speech);
  if (!todo.length) {
    io.out(session.recordings?.length ? 'Every recording of this session is transcribed already.' : 'This session has no recordings.');
    return 0;
  }
  const settings = w.config.voice?.transcription;
  if (!settings) throw new FatalError(`transcription is not set up: ${TRANSCRIPTION_SETUP}`, 1);
  const { transcribe } = await import('../voice/transcribe.js');
  const loaded = scenarioOf(w, session);
  const runner = sessionRunner(runnerWorld(w));
  let failed = 0;
  let drafted = false;
  for (const r of todo) {
    const file = w.store.recordingFile(session.id, r.file);
    try {
      if (!file) throw new Error(`${r.file} is not in this session's audio folder (${session.id}.audio); it is not read`);
      const speech = await transcribe(file, settings);
      // An answer never submitted (the interview was left while it was transcribed) goes in the draft for `resume`.
      const toDraft = r.answerTurn === undefined;
      session = runner.record(loaded, session, { type: 'recording-transcribed', id: r.id, speech, toDraft });
      drafted ||= toDraft && !!speech.text.trim();
      io.out(forTerminal(`${r.id}: ${countWords(speech.text)} words transcribed${toDraft ? ', added to the unsent answer' : ''}`));
    } catch (e) {
      if (e instanceof FatalError) throw e;
      failed++;
      const reason = (e as Error).message;
      session = runner.record(loaded, session, { type: 'transcription-failed', id: r.id, reason });
      io.err(forTerminal(`rehearse transcribe: ${file ?? r.file}: ${reason}`));
    }
  }
  if (session.status === 'finished') io.out(`Report updated: ${runner.finish(loaded, session).path}`);
  else if (drafted) io.out(`Continue the interview, with the transcript in the editor: ${w.config.command} resume ${session.id}`);
  return failed ? 1 : 0;
}
