import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
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
