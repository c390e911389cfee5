import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const schemaPath = join(__dirname, '..', '..', '..', 'docs', 'export.schema.json');
const validate = new Ajv({ allErrors: true, strict: true }).compile(JSON.parse(readFileSync(schemaPath, 'utf8')));

/** The schema's complaints about `json` (none when it is a valid export). */
export function validateExport(json: unknown): string[] {
  return validate(json) ? [] : (validate.errors ?? []).map(e => `${e.instancePath} ${e.message}`);
}
