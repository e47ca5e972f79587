// Every batch output format, by name: the one place a format is chosen.
import { csv } from './formats/csv.js';
import { htmlFormat } from './formats/html.js';
import { json } from './formats/json.js';
import { jsonl } from './formats/jsonl.js';
import { markdown } from './formats/markdown.js';
import { table } from './formats/table.js';
import type { BatchFormat, OutputFormat } from './output.js';

export const OUTPUT_FORMATS: Record<BatchFormat, OutputFormat> = { table, json, csv, md: markdown, html: htmlFormat, jsonl };
