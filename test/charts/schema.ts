import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import { projectPath } from '../../pipelines/paths';

/**
 * The Vega-Lite JSON schema that vega-lite ships, compiled once per test file. The schema file is
 * not in vega-lite's `exports`, so it is read by path. Formats in this schema are only URIs
 * ($schema, data urls): not what these tests are about. inlineRefs: false compiles the large
 * schema in a third of the time, with the same verdicts.
 */
export function vegaLiteValidator() {
  const schema = JSON.parse(readFileSync(projectPath('node_modules', 'vega-lite', 'build', 'vega-lite-schema.json'), 'utf8'));
  return new Ajv({ strict: false, allErrors: false, validateFormats: false, inlineRefs: false, code: { optimize: false } }).compile(schema);
}
