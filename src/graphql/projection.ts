import {
  BREAK,
  getNamedType,
  isAbstractType,
  isInterfaceType,
  isLeafType,
  isObjectType,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { DEFAULT_READ_PARAMS, type ReadParams } from '../db/db.js';
import type { GraphQLContext } from './context.js';

/**
 * The leaf fields of entity types that a light projection answers: the id (which also gives the
 * kind, by its prefix), the name, and the small typed properties that the light projections in
 * cypher/ return (`CASE WHEN $light THEN s {.id, .name, date: toString(s.date)} ELSE s END`). Every other leaf needs
 * the whole node: aliases, description, wikidata, outcome, a person's labels (isLeader, isAnalyst,
 * labels: the projections leave labels out, which cost Neo4j more to list than the whole node), and
 * any field added later until it is listed here. test/integration/api.light.test.ts asks each of
 * these fields through every light query and compares the answer with the whole node's.
 */
export const LIGHT_FIELDS: ReadonlySet<string> = new Set([
  '__typename', 'id', 'kind', 'name', 'date', 'isoCode', 'placeType', 'orgType', 'startYear', 'endYear',
]);

/**
 * The light fields every kind answers from `{.id, .name}` alone. Queries whose rows mix kinds
 * (search, neighborhoods, paths) return just that when a request asks no more (`names`), rather
 * than every kind's typed properties, mostly null, on every node.
 */
export const NAME_FIELDS: ReadonlySet<string> = new Set(['__typename', 'id', 'kind', 'name']);

/** Entity, the types implementing it, and abstract types (Node) that may hold one. */
function holdsEntities(schema: GraphQLSchema, type: GraphQLNamedType): boolean {
  const entity = schema.getType('Entity');
  if (entity === undefined || !isInterfaceType(entity)) return false;
  if (type === entity) return true;
  if (isObjectType(type)) return type.getInterfaces().includes(entity);
  if (isAbstractType(type)) return schema.getPossibleTypes(type).some((t) => t.getInterfaces().includes(entity));
  return false;
}

/**
 * `light` when no leaf field the document selects on an entity needs more than LIGHT_FIELDS, in any
 * operation or fragment, skipped or not (the answer only has to be safe); `names` when none needs
 * more than NAME_FIELDS (ReadParams in src/db/db.ts). One field that needs more makes every query
 * of the request return whole nodes, so the entity-by-id cache the request shares
 * (src/data/loaders.ts) never holds a record too thin for a field that asks it.
 */
export function projectionOf(schema: GraphQLSchema, document: DocumentNode): Readonly<ReadParams> {
  const typeInfo = new TypeInfo(schema);
  let projection: Readonly<ReadParams> = { light: true, names: true };
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType();
        const type = typeInfo.getType();
        // A field the schema does not know never gets here (validation runs first); be safe anyway.
        if (parent == null || type == null) {
          projection = DEFAULT_READ_PARAMS;
          return BREAK;
        }
        if (!isLeafType(getNamedType(type)) || !holdsEntities(schema, parent) || NAME_FIELDS.has(node.name.value)) return undefined;
        if (!LIGHT_FIELDS.has(node.name.value)) {
          projection = DEFAULT_READ_PARAMS;
          return BREAK;
        }
        projection = { light: true, names: false };
        return undefined;
      },
    }),
  );
  return projection;
}

/**
 * Sets the request's `light` and `names` read parameters from its document, before any resolver
 * runs. The choice depends on the document alone, so it is kept per document (yoga's parser cache
 * hands every request with the same query text the same one) for as long as the document lives.
 */
export function useLightProjection(): Plugin<GraphQLContext> {
  const known = new WeakMap<DocumentNode, Readonly<ReadParams>>();
  return {
    onExecute({ args }) {
      let projection = known.get(args.document);
      if (projection === undefined) known.set(args.document, (projection = projectionOf(args.schema, args.document)));
      Object.assign(args.contextValue.readParams, projection);
    },
  };
}
