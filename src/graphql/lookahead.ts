import {
  getArgumentValues,
  isAbstractType,
  isObjectType,
  Kind,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type SelectionNode,
  type FieldNode,
} from 'graphql';
import { typeNameOfId } from '../data/records.js';
import type { GraphQLContext } from './context.js';
import { included } from './selection.js';

/**
 * Look-ahead for `node(id:)` and `entity(id:)`. An id's prefix names its node's type (README.md, Graph model:
 * `person:`, `summit:`, `article:`...), so the fields a query asks of that type can be requested
 * before the lookup answers: their resolvers need nothing of the parent but its id. Called in the
 * same tick as the lookup, their batched queries run alongside it rather than after it, so
 * `node(id:) { ... on Person { summits { id } metWith { id } } }` takes one step of queries, not two.
 * The later, real resolver calls get the same DataLoader promises (same keys), so nothing runs
 * twice. A wrong guess costs queries that find nothing; an id that does not exist, likewise.
 *
 * Only the fields listed here are called ahead: resolvers that read nothing of their parent but `id`
 * (test/integration/api.lookahead.test.ts asks each of them through node(id:) and on a whole record).
 */
export const KEYED_BY_ID: Readonly<Record<string, readonly string[]>> = {
  Person: ['roles', 'leaderOf', 'affiliations', 'summits', 'metWith', 'quotes', 'mentions', 'related'],
  Summit: ['place', 'country', 'participants', 'topics', 'quotes', 'articles', 'mentions', 'related'],
  Country: ['leaders', 'summits', 'talks', 'mentions', 'related'],
  Place: ['country', 'within', 'mentions', 'related'],
  Organization: ['country', 'people', 'mentions', 'related'],
  Talks: ['members', 'mentions', 'related'],
  Topic: ['mentions', 'related'],
  Article: ['outlet', 'authors', 'entities', 'quotes', 'text', 'sentences'],
  Quote: ['about'],
};

/**
 * The fields of KEYED_BY_ID whose query can also bring back the parent node itself (their loaders
 * read through Entities.readCarrying; the query returns `parent` for the ids in `$carry`). When the
 * selection asks one of them, the lookup waits for it instead of running `entities.by-ids`:
 * `node(id:) { ... on Person { summits { id } metWith { id } } }` is one query (people.lists), not three.
 * test/integration/api.batching.test.ts checks each of them costs one round trip with its parent.
 */
export const CARRIES_PARENT: Readonly<Record<string, readonly string[]>> = {
  Person: ['affiliations', 'summits', 'metWith', 'quotes'],
  Summit: ['participants', 'topics', 'quotes'],
  Country: ['leaders', 'summits', 'talks'],
  Organization: ['people'],
};

/**
 * Looks up the node `id` names with `lookup`, starting alongside it the loads of the fields the
 * selection asks of its type (prefetchFieldsOf). When one of them brings the node back, the lookup
 * waits for it and finds the node primed; if none did (no such node, or the load failed), the
 * lookup runs after them. `id` must already be checked.
 */
export function lookUpAhead<T>(id: string, ctx: GraphQLContext, info: GraphQLResolveInfo, lookup: (id: string) => Promise<T>): Promise<T> {
  const carried = prefetchFieldsOf(id, ctx, info);
  return carried === undefined ? lookup(id) : carried.then(() => lookup(id));
}

/**
 * Starts, without waiting, the loads of every field the current field's selection asks of the type
 * that `id` names (through inline fragments and named fragments on that type or an interface it
 * implements; @skip/@include honoured). Errors are left to the real resolver calls.
 *
 * Returns a promise that settles once the loads that bring back the node of `id` (CARRIES_PARENT)
 * have, or undefined when none was started: the caller then looks the node up at once.
 */
function prefetchFieldsOf(id: string, ctx: GraphQLContext, info: GraphQLResolveInfo): Promise<void> | undefined {
  const typeName = typeNameOfId(id);
  const allowed = typeName === undefined ? undefined : KEYED_BY_ID[typeName];
  const carriers = typeName === undefined ? undefined : CARRIES_PARENT[typeName];
  const type = typeName === undefined ? undefined : info.schema.getType(typeName);
  if (allowed === undefined || !isObjectType(type)) return undefined;
  const fields: FieldNode[] = [];
  for (const f of info.fieldNodes) collectFields(f.selectionSet?.selections ?? [], type, info, fields);
  // Nodes with the same response key are one field (GraphQL merges them): one call with all of them.
  const byKey = new Map<string, FieldNode[]>();
  for (const node of fields) {
    const key = node.alias?.value ?? node.name.value;
    byKey.set(key, [...(byKey.get(key) ?? []), node]);
  }
  const carrying: Promise<unknown>[] = [];
  for (const [key, nodes] of byKey) {
    const node = nodes[0] as FieldNode;
    const name = node.name.value;
    const def = type.getFields()[name];
    if (!allowed.includes(name) || def?.resolve === undefined) continue;
    try {
      // The info of the field itself (its own merged selection), as the real call will get it.
      const fieldInfo: GraphQLResolveInfo = Object.assign({}, info, {
        fieldName: name,
        fieldNodes: nodes,
        returnType: def.type,
        parentType: type,
        path: { prev: info.path, key, typename: type.name },
      });
      const result: unknown = def.resolve({ id }, getArgumentValues(def, node, info.variableValues), ctx, fieldInfo);
      if (result instanceof Promise) {
        result.catch(() => undefined);
        if (carriers?.includes(name) === true) carrying.push(result);
      }
    } catch {
      // Bad arguments and the like: the real call reports them.
    }
  }
  if (carrying.length === 0) return undefined;
  ctx.loaders.entities.wantParent(id);
  return Promise.allSettled(carrying).then(() => undefined);
}

function collectFields(selections: readonly SelectionNode[], type: GraphQLObjectType, info: GraphQLResolveInfo, out: FieldNode[]): void {
  const applies = (condition: string | undefined): boolean => {
    if (condition === undefined || condition === type.name) return true;
    const t = info.schema.getType(condition);
    return isAbstractType(t) && info.schema.isSubType(t, type);
  };
  for (const s of selections) {
    if (!included(s, info)) continue;
    if (s.kind === Kind.FIELD) out.push(s);
    else if (s.kind === Kind.INLINE_FRAGMENT) {
      if (applies(s.typeCondition?.name.value)) collectFields(s.selectionSet.selections, type, info, out);
    } else {
      const fragment = info.fragments[s.name.value];
      if (fragment !== undefined && applies(fragment.typeCondition.name.value)) collectFields(fragment.selectionSet.selections, type, info, out);
    }
  }
}

