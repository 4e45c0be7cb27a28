/**
 * schema.graphql, the printed schema clients and code generators read, is the schema the API serves,
 * and the served schema says exactly what the SDL files say (scalar descriptions included).
 */
import { readFileSync } from 'node:fs';
import { buildASTSchema, concatAST, parse, printSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createSchema, loadTypeDefs, PRINTED_SCHEMA_FILE, printServedSchema } from '../../src/graphql/schema.js';

describe('schema.graphql', () => {
  it('equals the served schema, printed (run `npm run schema` after changing schema/*.graphql)', () => {
    expect(readFileSync(PRINTED_SCHEMA_FILE, 'utf8')).toBe(printServedSchema(createSchema()));
  });

  it('parses back into the same schema', () => {
    const printed = readFileSync(PRINTED_SCHEMA_FILE, 'utf8');
    expect(printSchema(buildASTSchema(parse(printed)))).toBe(printSchema(createSchema()));
  });

  it('the served schema carries the SDL files\' descriptions, the scalars\' included', () => {
    const fromSdl = buildASTSchema(concatAST(loadTypeDefs().map((t) => parse(t))));
    expect(printSchema(createSchema())).toBe(printSchema(fromSdl));
    const served = createSchema();
    for (const name of ['Date', 'DateTime']) {
      expect(served.getType(name)?.description, name).toBe(fromSdl.getType(name)?.description);
      expect(served.getType(name)?.description, name).toBeTruthy();
    }
  });
});
