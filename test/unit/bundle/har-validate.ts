import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The HAR 1.2 JSON Schema (har-schema, draft-06) compiled with ajv: a validator for requests.har. */
export function harValidator(): (har: unknown) => string[] {
  const schemas = require('har-schema') as Record<string, object>;
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json') as object);
  const addFormats = (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule;
  addFormats(ajv);
  for (const s of Object.values(schemas)) ajv.addSchema(s);
  const validate = ajv.getSchema('har.json#');
  if (!validate) throw new Error('har.json schema missing');
  return (har) => (validate(har) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`));
}
