/**
 * `npm run schema`: writes schema.graphql at the repository root, the served schema printed, for
 * clients and code generators (docs/queries.md, "Generated types"). `--check` writes nothing and exits
 * with 1 when the file differs from the served schema.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { PRINTED_SCHEMA_FILE, printServedSchema } from '../graphql/schema.js';

const text = printServedSchema();
const shown = relative(process.cwd(), PRINTED_SCHEMA_FILE) || PRINTED_SCHEMA_FILE;
if (process.argv.includes('--check')) {
  let current: string | undefined;
  try {
    current = readFileSync(PRINTED_SCHEMA_FILE, 'utf8');
  } catch {
    current = undefined;
  }
  if (current !== text) {
    process.stderr.write(`${shown} ${current === undefined ? 'is missing' : 'differs from the served schema'}: run \`npm run schema\`.\n`);
    process.exit(1);
  }
  process.stdout.write(`${shown} matches the served schema.\n`);
} else {
  writeFileSync(PRINTED_SCHEMA_FILE, text);
  process.stdout.write(`wrote ${shown}\n`);
}
