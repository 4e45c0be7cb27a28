/**
 * The schema against the public contract: nothing the contract names may change, every type and
 * field is described for GraphiQL, and a resolver for a field the SDL lacks fails at startup.
 */
import { existsSync } from 'node:fs';
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  buildSchema,
  findBreakingChanges,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isNonNullType,
  isObjectType,
  parse,
  validate,
  type GraphQLEnumType,
  type GraphQLSchema,
} from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_GRAPHIQL_QUERY } from '../../src/graphql/app.js';
import { createSchema, SCHEMA_DIR } from '../../src/graphql/schema.js';
import { RELATIONS } from '../../src/seed/model.js';
import { tempDir } from '../support/tmp.js';

/**
 * The contract lives beside the repository (shared with the analysts' tooling) when the checkout
 * sits next to shared/; a copy in test/fixtures keeps the check running in a clone anywhere, and
 * must equal the shared one whenever both are there.
 */
const SHARED_CONTRACT = new URL('../../../shared/api/CONTRACT.graphql', import.meta.url).pathname;
const CONTRACT_COPY = new URL('../fixtures/CONTRACT.graphql', import.meta.url).pathname;
const CONTRACT = existsSync(SHARED_CONTRACT) ? SHARED_CONTRACT : CONTRACT_COPY;

let schema: GraphQLSchema;
beforeAll(() => {
  schema = createSchema();
});

describe('the public contract', () => {
  it('is present, and the in-repo copy equals the shared contract when that is beside the checkout', async () => {
    expect(existsSync(CONTRACT), `contract not found at ${CONTRACT}`).toBe(true);
    if (existsSync(SHARED_CONTRACT)) {
      expect(await readFile(CONTRACT_COPY, 'utf8'), 'test/fixtures/CONTRACT.graphql is out of date: copy ../shared/api/CONTRACT.graphql').toBe(await readFile(SHARED_CONTRACT, 'utf8'));
    }
  });

  it('has no breaking change: every contract type, field, argument and type reference is kept', async () => {
    const contract = buildSchema(await readFile(CONTRACT, 'utf8'));
    expect(findBreakingChanges(contract, schema).map((c) => `${c.type}: ${c.description}`)).toEqual([]);
  });

  it('keeps every contract field with the same arguments, defaults and types (an added argument only optional)', async () => {
    // findBreakingChanges allows an added argument with a default; here every contract argument must
    // keep its type and default exactly, and an added one (`last`/`before` on the connections) must
    // be nullable without a default, so a contract query means the same on our schema.
    const contract = buildSchema(await readFile(CONTRACT, 'utf8'));
    const differences: string[] = [];
    for (const type of Object.values(contract.getTypeMap())) {
      if (type.name.startsWith('__') || !(isObjectType(type) || isInterfaceType(type))) continue;
      const ours = schema.getType(type.name);
      if (!(isObjectType(ours) || isInterfaceType(ours))) continue;
      for (const field of Object.values(type.getFields())) {
        const theirs = new Set(field.args.map((a) => a.name));
        const found = ours.getFields()[field.name];
        const added = found?.args.filter((a) => !theirs.has(a.name)) ?? [];
        for (const a of added) {
          if (isNonNullType(a.type) || a.defaultValue !== undefined) differences.push(`${type.name}.${field.name}: added argument ${a.name}: ${a.type} is not optional`);
        }
        const mine = found && { ...found, args: found.args.filter((a) => theirs.has(a.name)) };
        const sig = (f: Pick<typeof field, 'type' | 'args'> | undefined) =>
          f ? `${f.type}(${f.args.map((a) => `${a.name}: ${a.type} = ${JSON.stringify(a.defaultValue)}`).join(', ')})` : 'missing';
        if (sig(mine) !== sig(field)) differences.push(`${type.name}.${field.name}: ${sig(field)} became ${sig(mine)}`);
      }
    }
    expect(differences).toEqual([]);
  });
});

describe('descriptions', () => {
  it('describe every type, field, argument-less enum value and input field', () => {
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
        }
      }
      if (isEnumType(type)) {
        for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('startup checks', () => {
  it('fails when a resolver names a field the SDL lacks', async () => {
    const dir = await tempDir('sdl-');
    await cp(SCHEMA_DIR, dir, { recursive: true });
    const query = await readFile(join(dir, 'query.graphql'), 'utf8');
    const without = query.replace(/\n\s*"Size of the graph."\n\s*stats: Stats!/, '');
    expect(without).not.toContain('stats:');
    await writeFile(join(dir, 'query.graphql'), without);
    expect(() => createSchema(dir)).toThrow(/Query\.stats/);
  });
});

describe('the GraphiQL default query', () => {
  it('is valid against the schema and asks for the Vladivostok summit', () => {
    expect(validate(schema, parse(DEFAULT_GRAPHIQL_QUERY))).toEqual([]);
    expect(DEFAULT_GRAPHIQL_QUERY).toContain('summit:2019-04-25-vladivostok');
    const summit = schema.getType('Summit');
    expect(isObjectType(summit) && getNamedType(summit.getFields().participants!.type).name).toBe('Person');
  });
});

describe('enums of the graph model', () => {
  it('RelationshipType lists the model relationship types (RELATIONS) and SAID_ABOUT, the link through a quote', () => {
    const type = schema.getType('RelationshipType');
    expect(isEnumType(type)).toBe(true);
    const values = (type as GraphQLEnumType).getValues().map((v) => v.name).sort();
    expect(values).toEqual([...Object.keys(RELATIONS), 'SAID_ABOUT'].sort());
  });

  it('TimelineKind lists every kind the timeline query returns', async () => {
    const type = schema.getType('TimelineKind');
    expect(isEnumType(type)).toBe(true);
    const cypher = await readFile(new URL('../../cypher/graph.timeline.cypher', import.meta.url), 'utf8');
    const kinds = [...new Set([...cypher.matchAll(/'([A-Z_]+)' AS kind/g)].map((m) => m[1]))].sort();
    expect(kinds.length).toBeGreaterThan(5);
    expect((type as GraphQLEnumType).getValues().map((v) => v.name).sort()).toEqual(kinds);
  });
});
