// `rehearse schema [scenario|rubrics]`: the JSON Schema of a file format, generated from the zod schema.
import * as z from '../zod.js';
import { RubricLibrary, Scenario } from '../scenario/schema.js';
import { UsageError } from '../errors.js';
import type { IO } from '../io.js';
import { parse } from './args.js';

export function jsonSchema(kind: 'scenario' | 'rubrics'): object {
  const schema = z.toJSONSchema(kind === 'scenario' ? Scenario : RubricLibrary, { io: 'input', target: 'draft-2020-12' });
  return { ...schema, title: kind === 'scenario' ? 'rehearse scenario' : 'rehearse rubric library' };
}

export async function schemaCommand(args: string[], io: IO): Promise<number> {
  const usage = 'rehearse schema [scenario|rubrics]';
  const { positionals } = parse(args, {}, usage);
  if (positionals.length > 1) throw new UsageError(`unexpected argument "${positionals[1]}"\nusage: ${usage}`);
  const kind = positionals[0] ?? 'scenario';
  if (kind !== 'scenario' && kind !== 'rubrics') throw new UsageError(`unknown schema "${kind}"; use scenario or rubrics`);
  io.out(JSON.stringify(jsonSchema(kind), null, 2));
  return 0;
}
