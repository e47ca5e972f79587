// forTerminal: what a terminal would act on is removed; every letter, emoji, line break and tab stays.
import { describe, expect, it } from 'vitest';
import { forTerminal } from '../src/terminal-text.js';

/** Anything left that a terminal acts on or that reorders text. */
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

describe('forTerminal', () => {
  it.each([
    { what: 'a colour (CSI)', text: 'a \x1b[31mred\x1b[0m word', drawn: 'a red word' },
    { what: 'a cursor move and a screen clear', text: 'x\x1b[2J\x1b[1;1Hy', drawn: 'xy' },
    { what: 'a private mode (CSI with ?)', text: 'x\x1b[?1049hy', drawn: 'xy' },
    { what: 'a window title (OSC ended by BEL)', text: 'before\x1b]0;pwned\x07after', drawn: 'beforeafter' },
    { what: 'a hyperlink (OSC ended by ST)', text: '\x1b]8;;http://x\x1b\\click\x1b]8;;\x1b\\', drawn: 'click' },
    { what: 'a clipboard write (OSC 52)', text: 'a\x1b]52;c;cm0gLXJmIH4=\x07b', drawn: 'ab' },
    { what: 'a device control string', text: 'a\x1bPq#0;2;0;0;0\x1b\\b', drawn: 'ab' },
    { what: 'a terminal reset (ESC c)', text: 'a\x1bcb', drawn: 'ab' },
    { what: 'a character set switch (ESC ( 0)', text: 'a\x1b(0b', drawn: 'ab' },
    { what: 'a string command never ended: only its introducer goes', text: 'a\x1b]0;shown', drawn: 'a0;shown' },
    { what: 'a lone ESC at the end', text: 'end\x1b', drawn: 'end' },
    { what: 'an 8-bit CSI (C1 \\x9b)', text: 'a\x9b31mb', drawn: 'ab' },
    { what: 'an 8-bit OSC ended by 8-bit ST', text: 'a\x9d0;pwned\x9cb', drawn: 'ab' },
    { what: 'other C1 controls', text: 'a\x85b\x8dc', drawn: 'abc' },
    { what: 'a right-to-left override', text: 'invoice_\u202egpj.exe', drawn: 'invoice_gpj.exe' },
    { what: 'bidi embeddings and isolates', text: '\u202aa\u202c \u2066b\u2069 \u2067c\u2069 \u2068d\u2069', drawn: 'a b c d' },
    { what: 'NUL', text: 'a\x00b', drawn: 'ab' },
    { what: 'BEL', text: 'a\x07b', drawn: 'ab' },
    { what: 'backspace', text: 'rm -rf /\x08\x08\x08\x08\x08\x08\x08\x08ls', drawn: 'rm -rf /ls' },
    { what: 'DEL', text: 'a\x7fb', drawn: 'ab' },
    { what: 'a carriage return that would overwrite the line', text: 'safe\rEVIL', drawn: 'safeEVIL' },
    { what: 'a Windows line break becomes \\n', text: 'one\r\ntwo', drawn: 'one\ntwo' },
    { what: 'vertical tab and form feed', text: 'a\x0bb\x0cc', drawn: 'abc' },
    { what: 'Hindi', text: 'मैं ग्राहक प्रतिधारण मापूँगा', drawn: 'मैं ग्राहक प्रतिधारण मापूँगा' },
    { what: 'Arabic with its marks', text: 'سأقيس \u200fالاحتفاظ', drawn: 'سأقيس \u200fالاحتفاظ' },
    { what: 'emoji, with joiners and skin tones', text: '👩🏽‍💻 ships 🚀', drawn: '👩🏽‍💻 ships 🚀' },
    { what: 'tabs and line breaks', text: 'a\tb\nc\n\td', drawn: 'a\tb\nc\n\td' },
    { what: 'punctuation that looks like a sequence', text: 'see [31m] and ]0; and \\e[', drawn: 'see [31m] and ]0; and \\e[' },
    { what: 'an empty string', text: '', drawn: '' },
  ])('$what', ({ text, drawn }) => {
    expect(forTerminal(text)).toBe(drawn);
  });

  it('leaves nothing a terminal acts on, and gives the same text when run twice', () => {
    const hostile = [
      '\x1b[31m',
      '\x1b]0;t\x07',
      '\x1b]8;;u\x1b\\',
      '\x9b2J',
      '\u202e',
      '\x00',
      '\x07',
      '\x7f',
      '\r',
      '\x1b',
      '\x1b\x1b[',
      '\x9d',
    ];
    for (const a of hostile)
      for (const b of hostile) {
        const drawn = forTerminal(`x${a}y${b}z`);
        expect(drawn).not.toMatch(CONTROL);
        expect(forTerminal(drawn)).toBe(drawn);
      }
  });

  it('takes linear time on text made of unfinished sequences', () => {
    const started = Date.now();
    for (const unit of ['\x9d', '\x1b]', '\x1b[0', '\x1bP']) forTerminal(unit.repeat(100_000));
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
