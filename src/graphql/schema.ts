import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { printSchema, type GraphQLSchema } from 'graphql';
import { allResolvers } from './resolvers/index.js';

/** Where the SDL lives: `<repo>/schema/*.graphql`. */
export const SCHEMA_DIR = fileURLToPath(new URL('../../schema/', import.meta.url));

/** The SDL files' contents, in file name order (so errors name the same file every time). */
export function loadTypeDefs(dir: string = SCHEMA_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8'));
}

/**
 * The executable schema: SDL from schema/ plus the resolvers. Fails at startup when a resolver names
 * a type or field the SDL lacks, or an interface or union has no type resolver. Entity fields are
 * resolved once on the interface and inherited by every kind. Build once per process.
 */
export function createSchema(dir: string = SCHEMA_DIR): GraphQLSchema {
  return makeExecutableSchema({
    typeDefs: loadTypeDefs(dir),
    resolvers: allResolvers(),
    inheritResolversFromInterfaces: true,
    resolverValidationOptions: {
      requireResolversToMatchSchema: 'error',
      requireResolversForResolveType: 'error',
    },
  });
}

/** The printed schema for clients and codegen: `<repo>/schema.graphql`, written by `npm run schema`. */
export const PRINTED_SCHEMA_FILE = fileURLToPath(new URL('../../schema.graphql', import.meta.url));

/**
 * The text of schema.graphql: the served schema, printed (types in the order graphql-js prints them,
 * with the SDL's descriptions), under a line that says where it comes from.
 */
export function printServedSchema(schema: GraphQLSchema = createSchema()): string {
  return `# The schema served at /graphql, printed by \`npm run schema\` from schema/*.graphql. Do not edit:\n# change the SDL and run \`npm run schema\` (a test fails while this file differs from the served schema).\n\n${printSchema(schema)}\n`;
}
