// The parts of zod's API that rehearse uses, under one name (`import * as z from './zod.js'`).
// Importing `z` from 'zod' itself brings every one of zod's locales into the bundle, because esbuild
// keeps a namespace object whole: 366 KB that every run of the CLI would read and compile.
export {
  array,
  boolean,
  coerce,
  enum,
  type infer,
  literal,
  number,
  object,
  partialRecord,
  preprocess,
  record,
  string,
  toJSONSchema,
  tuple,
  union,
  url,
  ZodType,
} from 'zod';
