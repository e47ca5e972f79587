// The parts of zod's API that rehearse uses, under one name (`import * as z from './zod.js'`).
// Importing `z` from 'zod' itself brings every one of zod's locales into the bundle, because esbuild
// keeps a namespace object whole: 366 KB that every run of the CLI would read and compile.
import { config } from 'zod';

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
// zod compiles a parser for each object schema the first time it is used, which pays off only over
// many values: a run of the CLI checks each scenario and rubric file once, and the compiling cost a
// third of the time zod took (16 of 52 ms of an interview run, measured with --cpu-prof).
config({ jitless: true });
