// A transcript file's bytes as text: the decoder every input shares lives in src/decode.ts.
export { decode, isBinary, type DecodeNotice, type DecodeNoticeReason, type Decoded, type Encoding } from '../decode.js';
