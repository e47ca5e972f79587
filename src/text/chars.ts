// The characters the scorer tests by code, named.
// The scorer reads characters with charCodeAt: indexing a string that holds any character outside
// Latin-1 (’, —) makes a new string per character, which is most of the garbage a long answer makes.

export const TAB = 0x09;
export const LINE_FEED = 0x0a;
export const CARRIAGE_RETURN = 0x0d;
export const SPACE = 0x20;
export const EXCLAMATION_MARK = 0x21; // !
export const DOUBLE_QUOTE = 0x22; // "
export const NUMBER_SIGN = 0x23; // #
export const PERCENT_SIGN = 0x25; // %
export const APOSTROPHE = 0x27; // '
export const LEFT_PAREN = 0x28; // (
export const RIGHT_PAREN = 0x29; // )
export const ASTERISK = 0x2a; // *
export const COMMA = 0x2c; // ,
export const HYPHEN = 0x2d; // -
export const FULL_STOP = 0x2e; // .
export const SLASH = 0x2f; // /
const DIGIT_ZERO = 0x30; // 0
const DIGIT_NINE = 0x39; // 9
export const COLON = 0x3a; // :
export const SEMICOLON = 0x3b; // ;
export const GREATER_THAN = 0x3e; // >
export const QUESTION_MARK = 0x3f; // ?
export const VERTICAL_BAR = 0x7c; // |
export const NO_BREAK_SPACE = 0xa0;
export const MIDDLE_DOT = 0xb7; // ·
/** The first of the Unicode spaces of set widths (en quad … hair space), which run on to the zero-width space. */
export const EN_QUAD = 0x2000;
export const ZERO_WIDTH_SPACE = 0x200b;
export const EN_DASH = 0x2013; // –
export const EM_DASH = 0x2014; // —
export const RIGHT_SINGLE_QUOTE = 0x2019; // ’, also the curly apostrophe
export const RIGHT_DOUBLE_QUOTE = 0x201d; // ”
export const BULLET = 0x2022; // •
export const ELLIPSIS = 0x2026; // …
/** Full-width marks that end a sentence in text typed with an East Asian keyboard: ？ ！ 。 */
export const FULL_WIDTH_QUESTION_MARK = 0xff1f;
export const FULL_WIDTH_EXCLAMATION_MARK = 0xff01;
export const IDEOGRAPHIC_FULL_STOP = 0x3002;

export const isDigit = (c: number) => c >= DIGIT_ZERO && c <= DIGIT_NINE;
