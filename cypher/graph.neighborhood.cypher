// The entities within {{HOPS}} hops of entity $id (through Entity nodes only): nearest first then by
// name, at most $limit including the center, and every relationship among them. Each entity's
// distance is its shortest path's length. A template: the quantifier's bound cannot be a parameter,
// so the registry makes one query per hops value above 1 (graph.neighborhood-2 and -3,
// QUERY_TEMPLATES in src/db/query-names.ts); hops = 1 is graph.neighborhood-1, a plain one-hop
// expansion, which around a busy leader costs far less than a shortest-path search.
// Entity-to-entity traversals follow only the relationship types between entities
// ({{ENTITY_RELATIONSHIPS}}: RELATIONS in src/seed/model.ts): on a busy node Neo4j then reads only
// those, never the thousands of MENTIONS and ABOUT from articles and quotes that end there.
// With $light (a request asking only light fields, src/graphql/projection.ts) it returns light
// projections of the entity nodes, {.id, .name} and every kind's small typed properties, instead of
// whole nodes; with $names, {.id, .name} alone.
OPTIONAL MATCH (c:Entity {id: $id})
WITH c, COLLECT {
  MATCH p = ANY SHORTEST (c)(()-[:{{ENTITY_RELATIONSHIPS}}]-(:Entity)){1,{{HOPS}}}(n:Entity)
  WHERE n <> c
  RETURN {node: n, distance: length(p)} ORDER BY length(p), toLower(n.name), n.id
} AS around
WITH c, around, CASE WHEN c IS NULL THEN [] ELSE [c] + [x IN around[..($limit - 1)] | x.node] END AS nodes
RETURN c IS NOT NULL AS found, [x IN nodes | CASE WHEN $names THEN x {.id, .name} WHEN $light THEN x {.id, .name, date: toString(x.date), .isoCode, .placeType, .orgType, .startYear, .endYear} ELSE x END] AS nodes, size(around) > $limit - 1 AS truncated, COLLECT {
  UNWIND nodes AS x
  MATCH (x)-[r:{{ENTITY_RELATIONSHIPS}}]->(y:Entity)
  WHERE y IN nodes
  RETURN {from: x.id, to: y.id, type: type(r)} ORDER BY x.id, type(r), y.id
} AS edges
