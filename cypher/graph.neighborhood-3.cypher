// The entities within 3 hops of entity $id (through Entity nodes only), for hops = 3: nearest
// first then by name, at most $limit including the center, and every relationship among them. Each
// entity's distance is its shortest path's length. The quantifier's bound cannot be a parameter, so
// each allowed hops value has its own file (graph.neighborhood-1 is a plain one-hop expansion).
// Entity-to-entity traversals name the relationship types between entities (RELATIONS in
// src/seed/model.ts; a unit test keeps the list equal): on a busy node Neo4j then reads only those,
// never the thousands of MENTIONS and ABOUT from articles and quotes that end there.
// With $light (a request asking only light fields, src/graphql/projection.ts) it returns light
// projections of the entity nodes, {.id, .name} and every kind's small typed properties, instead of
// whole nodes; with $names, {.id, .name} alone.
OPTIONAL MATCH (c:Entity {id: $id})
WITH c, COLLECT {
  MATCH p = ANY SHORTEST (c)(()-[:LEADS|ATTENDED|HELD_IN|LOCATED_IN|MEMBER_OF|AFFILIATED_WITH|BASED_IN|PART_OF|DISCUSSED|MET]-(:Entity)){1,3}(n:Entity)
  WHERE n <> c
  RETURN {node: n, distance: length(p)} ORDER BY length(p), toLower(n.name), n.id
} AS around
WITH c, around, CASE WHEN c IS NULL THEN [] ELSE [c] + [x IN around[..($limit - 1)] | x.node] END AS nodes
RETURN c IS NOT NULL AS found, [x IN nodes | CASE WHEN $names THEN x {.id, .name} WHEN $light THEN x {.id, .name, date: toString(x.date), .isoCode, .placeType, .orgType, .startYear, .endYear} ELSE x END] AS nodes, size(around) > $limit - 1 AS truncated, COLLECT {
  UNWIND nodes AS x
  MATCH (x)-[r:LEADS|ATTENDED|HELD_IN|LOCATED_IN|MEMBER_OF|AFFILIATED_WITH|BASED_IN|PART_OF|DISCUSSED|MET]->(y:Entity)
  WHERE y IN nodes
  RETURN {from: x.id, to: y.id, type: type(r)} ORDER BY x.id, type(r), y.id
} AS edges
