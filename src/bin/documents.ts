/**
 * `npm run documents -- DIR [--out FILE]`: builds the trusted-documents manifest from the .graphql
 * files under DIR (docs/clients.md). Every operation is checked against the served schema; any
 * problem is printed as `file:line:column: message` and the command exits with 1 without writing.
 * Prints each operation's name and hash, which clients send instead of the text.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { collectTrustedOperations, DocumentsError, manifestJson } from '../graphql/documents.js';
import { createSchema } from '../graphql/schema.js';

const program = new Command('documents')
  .description('Build the trusted-documents manifest from the .graphql files of a folder, validated against the schema.')
  .argument('<dir>', 'folder of .graphql/.gql files (searched recursively), one or more named operations and fragments each')
  .option('--out <file>', 'where to write the manifest (default: DIR/trusted-documents.json)')
  .action((dir: string, options: { out?: string }) => {
    const out = options.out ?? join(dir, 'trusted-documents.json');
    try {
      const operations = collectTrustedOperations(dir, createSchema());
      writeFileSync(out, manifestJson(operations));
      for (const o of operations) process.stdout.write(`${o.hash}  ${o.name}  (${o.file})\n`);
      process.stdout.write(`wrote ${out}: ${operations.length} operation${operations.length === 1 ? '' : 's'}\n`);
    } catch (err) {
      process.stderr.write(`${err instanceof DocumentsError ? err.message : err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    }
  });

program.parse();
