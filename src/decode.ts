// A file's bytes as text: which encoding they are in, a notice when that was a guess, and whether it is text at all.

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** Why the text may not be exactly what the file's author wrote. */
export type DecodeNoticeReason = 'assumed-windows-1252' | 'invalid-utf-8-replaced';

export interface DecodeNotice {
  reason: DecodeNoticeReason;
  message: string;
}

export interface Decoded {
  text: string;
  encoding: Encoding;
  notice?: DecodeNotice;
}

/**
 * Bytes that no text file has: NULs, or control characters, in more than a few places. Escape and
 * bell are not counted, as text copied from a terminal has them, and a stray NUL does not make
 * text binary; a binary format has them everywhere (a control character in one byte of ten).
 */
export function isBinary(text: string): boolean {
  const sample = text.slice(0, 4096);
  let nul = 0;
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) nul++;
    else if ((c <= 0x08 && c !== 0x07) || (c >= 0x0e && c <= 0x1f && c !== 0x1b)) control++;
  }
  return nul > sample.length * 0.01 || control > sample.length * 0.02;
}

/** Replacement characters (bad bytes) and other non-ASCII characters, counted without copying a large file. */
function tally(text: string): { bad: number; good: number } {
  let bad = 0;
  let good = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) bad++;
    else if (c > 0x7f) good++;
  }
  return { bad, good };
}

function strictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Windows-1252's characters for bytes 0x80–0x9F (the WHATWG table). Node's own windows-1252
 * decoder gives these bytes as C1 control codes instead (nodejs/node#56542, since 20.18.3), which
 * would drop every curly quote and dash; the rest of the code page is Latin-1, byte for code point.
 */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

function windows1252(bytes: Uint8Array): string {
  return new TextDecoder('latin1').decode(bytes).replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

function damagedUtf8(text: string, bad: number): Decoded {
  return {
    text,
    encoding: 'utf-8',
    notice: { reason: 'invalid-utf-8-replaced', message: `${bad} byte sequence(s) are not valid UTF-8 and were replaced by \uFFFD` },
  };
}

function read(bytes: Uint8Array): Decoded {
  // A byte-order mark is the file saying what it is; the decoders drop it from the text.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be' };
  const strict = strictUtf8(bytes);
  if (strict !== undefined) return { text: strict, encoding: 'utf-8' };
  const lenient = new TextDecoder('utf-8').decode(bytes);
  const { bad, good } = tally(lenient);
  // A UTF-8 byte-order mark, or mostly well-formed multi-byte characters, mean a UTF-8 file with
  // a few bad bytes; reading it all as a code page would garble every good one ("’" as "â€™").
  if ((bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) || good > bad) return damagedUtf8(lenient, bad);
  return {
    text: windows1252(bytes),
    encoding: 'windows-1252',
    notice: { reason: 'assumed-windows-1252', message: 'not UTF-8; read as Windows-1252' },
  };
}

export function decode(bytes: Uint8Array): Decoded {
  const decoded = read(bytes);
  // A binary file is refused by its reader; a guess at its encoding would only be noise.
  if (decoded.notice && isBinary(decoded.text)) return { text: decoded.text, encoding: decoded.encoding };
  return decoded;
}
