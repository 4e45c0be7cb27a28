// The neighborhood for hops = 1 (the default), answered like graph.neighborhood-2 and -3 (the
// template graph.neighborhood.cypher) but by a plain one-hop expansion: it touches only the center's relationships, where a shortest-path
// search costs seconds around a busy leader. Neighbors by name, at most $limit with the center.
// `around` keeps $limit neighbours (one more than fit) so that `truncated` is known without
// collecting every neighbour of a busy leader: a top-k sort instead of a full one. Each neighbour
// keeps the relationships that reached it, so the edges to and from the center come from that one
// expansion; only the edges among the other neighbours need theirs (re-expanding the center, as
// this query once did, read all of a busy leader's relationships a second time).
// Entity-to-entity traversals follow only the relationship types between entities
// ({{ENTITY_RELATIONSHIPS}}: RELATIONS in src/seed/model.ts): on a busy node Neo4j then reads only
// those, never the thousands of MENTIONS and ABOUT from articles and quotes that end there.
// With $light (a request asking only light fields, src/graphql/projection.ts) it returns light
// projections of the entity nodes, {.id, .name} and every kind's small typed properties, instead of
// whole nodes; with $names, {.id, .name} alone.
OPTIONAL MATCH (c:Entity {id: $id})
WITH c, COLLECT {
  MATCH (c)-[r:{{ENTITY_RELATIONSHIPS}}]-(n:Entity)
  WHERE n <> c
  WITH n, collect(r) AS rels
  RETURN {node: n, rels: rels} ORDER BY toLower(n.name), n.id
  LIMIT $limit
} AS around
WITH c, around[..($limit - 1)] AS kept, [k IN around[..($limit - 1)] | k.node] AS others, size(around) > $limit - 1 AS truncated
RETURN c IS NOT NULL AS found, [x IN CASE WHEN c IS NULL THEN [] ELSE [c] + others END | CASE WHEN $names THEN x {.id, .name} WHEN $light THEN x {.id, .name, date: toString(x.date), .isoCode, .placeType, .orgType, .startYear, .endYear} ELSE x END] AS nodes, truncated, COLLECT {
  CALL (kept, others) {
    UNWIND kept AS k
    UNWIND k.rels AS r
    RETURN {from: startNode(r).id, to: endNode(r).id, type: type(r)} AS e
    UNION ALL
    UNWIND others AS x
    MATCH (x)-[r:{{ENTITY_RELATIONSHIPS}}]->(y:Entity)
    WHERE y IN others
    RETURN {from: x.id, to: y.id, type: type(r)} AS e
  }
  RETURN e ORDER BY e.from, e.type, e.to
} AS edges
