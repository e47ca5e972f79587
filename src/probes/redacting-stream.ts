// Text streamed from a model, passed on with every secret redacted, even one split across pieces.
import { redact } from '../config.js';

/** The start of what could still become a key like OpenAI's ("s", "sk", "sk-…") at the end of a text. */
const KEY_START = /(?:sk-[A-Za-z0-9_-]*|sk|s)$/;

/**
 * Holds back the end of the text while it could be the start of a secret, and passes on the rest
 * redacted: a key a server echoes is never drawn on the screen, however the stream cuts it.
 */
export class RedactingStream {
  private pending = '';
  private readonly hold: number;

  constructor(
    private readonly secrets: readonly string[],
    private readonly emit: (text: string) => void,
  ) {
    this.hold = Math.max(0, ...secrets.map((s) => s.length - 1));
  }

  push(piece: string): void {
    this.pending += piece;
    let cut = Math.max(0, this.pending.length - this.hold);
    // A secret found whole but reaching past the cut is kept back whole, to be redacted at once.
    for (const s of this.secrets) {
      if (s.length < 4) continue;
      for (let at = this.pending.indexOf(s); at >= 0; at = this.pending.indexOf(s, at + 1)) {
        if (at < cut && at + s.length > cut) cut = at;
      }
    }
    const key = KEY_START.exec(this.pending.slice(0, cut));
    if (key) cut = key.index;
    if (cut === 0) return;
    this.emit(redact(this.pending.slice(0, cut), this.secrets));
    this.pending = this.pending.slice(cut);
  }

  /** The end of the stream: what was held back, redacted. */
  end(): void {
    if (this.pending) this.emit(redact(this.pending, this.secrets));
    this.pending = '';
  }
}
