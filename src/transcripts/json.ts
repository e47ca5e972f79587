// JSON transcripts: rehearse's own sessions, chat messages (an array, {messages}, JSONL of either),
// and turn lists that name each side ({turns|transcript: [{speaker: "host", text}]}).
import { Session } from '../interview/session.js';
import { TranscriptError, type ConversationId, type Parsed, type Transcript, type TranscriptTurn } from './types.js';
import { jsonLines, type JsonLine } from '../json-lines.js';

interface ChatMessage {
  role?: unknown;
  /** Turn lists name the side with `speaker` ("host", "guest", "Q") where chat logs say `role`. */
  speaker?: unknown;
  content?: unknown;
  /** Gemini's name for `content`. */
  parts?: unknown;
  /** Turn lists' names for it. */
  text?: unknown;
  utterance?: unknown;
  name?: unknown;
}

/** Message content may be a string or an array of parts ({type: "text", text}). */
function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    return content
      .map((p) =>
        p && typeof p === 'object' && 'text' in p && typeof (p as { text: unknown }).text === 'string' ? (p as { text: string }).text : '',
      )
      .join('');
  }
  return '';
}

const asker = { speaker: 'Interviewer', role: 'interviewer' } as const;
const answerer = { speaker: 'Candidate', role: 'candidate' } as const;
/**
 * Who each side is: in a mock interview the model asks and the user answers; turn lists say it
 * outright (interviewer/candidate, host/guest, Q/A). A turn's `name` still wins as the speaker.
 */
const SPEAKERS: Record<string, Pick<TranscriptTurn, 'speaker' | 'role'>> = {
  assistant: asker,
  model: asker,
  interviewer: asker,
  q: asker,
  question: asker,
  host: { speaker: 'Host', role: 'interviewer' },
  user: answerer,
  candidate: answerer,
  interviewee: answerer,
  a: answerer,
  answer: answerer,
  guest: { speaker: 'Guest', role: 'candidate' },
};

/** Instructions and tool traffic, which nobody in the interview said. */
const UNSPOKEN = new Set(['system', 'developer', 'tool', 'function']);

function chatTurns(messages: unknown[], line: (i: number) => number): TranscriptTurn[] {
  const turns: TranscriptTurn[] = [];
  messages.forEach((m, i) => {
    if (!m || typeof m !== 'object') throw new TranscriptError(`message ${i + 1} is not an object`, line(i));
    const { role: chatRole, speaker: side, content, parts, text: said, utterance, name } = m as ChatMessage;
    const role = typeof chatRole === 'string' ? chatRole : side;
    if (typeof role !== 'string') throw new TranscriptError(`message ${i + 1} has no "role" or "speaker"`, line(i));
    if (UNSPOKEN.has(role)) return;
    const text = contentText(content ?? parts ?? said ?? utterance).trim();
    if (!text) return;
    // A role we do not know is kept as the speaker's name, and who is who is left to inference.
    const key = role.trim().toLowerCase();
    const known = Object.hasOwn(SPEAKERS, key) ? SPEAKERS[key] : undefined;
    const speaker = typeof name === 'string' && name ? name : (known?.speaker ?? role);
    turns.push({ speaker, text, line: line(i), ...(known?.role ? { role: known.role } : {}) });
  });
  return turns;
}

/** Where a conversation's turns are kept: chat logs say "messages", transcripts other words. */
const TURN_LISTS = ['messages', 'turns', 'transcript', 'utterances', 'conversation', 'dialogue', 'dialog'] as const;

function messagesOf(data: unknown): unknown[] | undefined {
  if (Array.isArray(data)) return data;
  if (!data || typeof data !== 'object') return undefined;
  for (const key of TURN_LISTS) {
    const list = (data as Record<string, unknown>)[key];
    if (Array.isArray(list)) return list;
  }
  return undefined;
}

export function isSessionData(data: unknown): boolean {
  return !!data && typeof data === 'object' && 'version' in data && 'turns' in data && 'scenario' in data;
}

function fromSession(data: unknown): Transcript {
  const parsed = Session.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new TranscriptError(`not a valid rehearse session: ${issue.path.join('.')}: ${issue.message}`);
  }
  const s = parsed.data;
  const turns: TranscriptTurn[] = s.turns
    .filter((t) => t.kind === 'question' || t.kind === 'probe' || t.kind === 'answer')
    .map((t, i) => ({
      speaker: t.role === 'interviewer' ? 'Interviewer' : 'Candidate',
      role: t.role === 'interviewer' ? ('interviewer' as const) : ('candidate' as const),
      text: t.text,
      line: i + 1,
    }));
  return { format: 'session', index: 0, turns, scenarioId: s.scenario.id };
}

export function parseJson(text: string): Transcript[] {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new TranscriptError(`not valid JSON: ${(e as Error).message}`);
  }
  if (isSessionData(data)) return [fromSession(data)];
  const messages = messagesOf(data);
  if (!messages)
    throw new TranscriptError(
      'JSON that is neither a rehearse session nor a conversation (an array of turns, or an object with "messages", "turns" or "transcript")',
    );
  // Line numbers of a pretty-printed array: the line where each message's side is named.
  const byRole = messages.every((m) => m && typeof m === 'object' && typeof (m as ChatMessage).role === 'string');
  const starts = [...text.matchAll(byRole ? /"role"\s*:/g : /"speaker"\s*:/g)].map((m) => text.slice(0, m.index).split('\n').length);
  return [{ format: 'chat-json', index: 0, turns: chatTurns(messages, (i) => starts[i] ?? 1) }];
}

/** One message ({"role": …, "content": …}), as opposed to a conversation of them. */
export function isMessage(data: unknown): boolean {
  return (
    !!data &&
    typeof data === 'object' &&
    !Array.isArray(data) &&
    (typeof (data as ChatMessage).role === 'string' || typeof (data as ChatMessage).speaker === 'string')
  );
}

/**
 * JSONL holds either one conversation per line ({"messages": […]}) or one conversation with a
 * message per line, as chat logs are written; the first line says which.
 */
export function parseJsonl(text: string): Parsed[] {
  const lines = jsonLines(text);
  const first = lines[0];
  if (first && !('error' in first) && isMessage(first.data)) {
    // One conversation, a message a line: a line that cannot be read breaks the conversation.
    const values = lines.map((l) => {
      if ('error' in l) throw new TranscriptError(`line is not valid JSON: ${l.error}`, l.line);
      return l;
    });
    const turns = chatTurns(
      values.map((l) => l.data),
      (i) => values[i]!.line,
    );
    return [{ format: 'chat-jsonl', index: 0, turns }];
  }
  // A conversation a line: a line that holds none fails alone, as on standard input.
  const out = lines.map((l, index) => conversationOnLine(l, index));
  if (!out.length) throw new TranscriptError('no conversations in this JSONL file');
  // A file with no conversation on any line (an event log, records) is not a file of conversations: it fails once, as a whole.
  const opening = out[0]!;
  if (out.every((t) => 'failed' in t) && 'failed' in opening) throw new TranscriptError(opening.reason, opening.line);
  return out;
}

/** A conversation's id, as a line of JSON Lines gives it; a string or a number is echoed back as given. */
export function conversationId(data: unknown): { id?: ConversationId } | { error: string } {
  if (!data || typeof data !== 'object' || Array.isArray(data) || !Object.hasOwn(data, 'id')) return {};
  const id = (data as { id: unknown }).id;
  if (typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id))) return { id };
  return { error: `id: should be a string or a number, not ${id === null ? 'null' : Array.isArray(id) ? 'an array' : typeof id}` };
}

/**
 * One line of a file or a stream of conversations, one a line: its conversation, with the id the line
 * gave it, or why it holds none (then with its id still, where the line starts with one).
 */
export function conversationOnLine(l: JsonLine, index: number): Parsed {
  if ('error' in l) return { failed: true, index, line: l.line, reason: `line is not valid JSON: ${l.error}`, ...leadingId(l.text) };
  const id = conversationId(l.data);
  if ('error' in id) return { failed: true, index, line: l.line, reason: id.error };
  try {
    return { ...lineConversation(l.data, l.line, index), ...id };
  } catch (e) {
    if (!(e instanceof TranscriptError)) throw e;
    return { failed: true, index, line: e.line ?? l.line, reason: e.message, ...id };
  }
}

/** The conversation on one line of JSONL (an array of messages or {"messages": […]}), `index` among the file's. */
export function lineConversation(data: unknown, line: number, index: number): Transcript {
  const messages = messagesOf(data);
  if (!messages) throw new TranscriptError('each line should hold one conversation: an array of messages or {"messages": […]}', line);
  return { format: 'chat-jsonl', index, line, turns: chatTurns(messages, () => line) };
}

/** A JSON string or number as the first field of a line's object: `{"id": "c-17", …`. */
const LEADING_ID = /^\s*\{\s*"id"\s*:\s*("(?:[^"\\\n]|\\.){0,200}"|-?\d{1,30}(?:\.\d{1,30})?(?:[eE][+-]?\d{1,3})?)\s*[,}]/;

/**
 * A line's id read from its first bytes alone, when it is the object's first field: a line refused
 * before it is parsed (too large to read or to grade, or its worker stopped) still says whose it was.
 */
export function leadingId(start: string): { id?: ConversationId } {
  const token = LEADING_ID.exec(start.slice(0, 512))?.[1];
  if (token === undefined) return {};
  try {
    const id = JSON.parse(token) as ConversationId;
    return typeof id === 'number' && !Number.isFinite(id) ? {} : { id };
  } catch {
    return {};
  }
}
