// The neighborhood for hops = 1 (the default), answered like graph.neighborhood-2 and -3 but by a
// plain one-hop expansion: it touches only the center's relationships, where a shortest-path
// search costs seconds around a busy leader. Neighbors by name, at most $limit with the center.
// `around` keeps $limit neighbours (one more than fit) so that `truncated` is known without
// collecting every neighbour of a busy leader: a top-k sort instead of a full one.
// Entity-to-entity traversals name the relationship types between entities (RELATIONS in
// src/seed/model.ts; a unit test keeps the list equal): on a busy node Neo4j then reads only those,
// never the thousands of MENTIONS and ABOUT from articles and quotes that end there.
OPTIONAL MATCH (c:Entity {id: $id})
WITH c, COLLECT {
  MATCH (c)-[:LEADS|ATTENDED|HELD_IN|LOCATED_IN|MEMBER_OF|AFFILIATED_WITH|BASED_IN|PART_OF|DISCUSSED|MET]-(n:Entity)
  WHERE n <> c
  WITH DISTINCT n
  RETURN {node: n, distance: 1} ORDER BY toLower(n.name), n.id
  LIMIT $limit
} AS around
WITH c, around, CASE WHEN c IS NULL THEN [] ELSE [c] + [x IN around[..($limit - 1)] | x.node] END AS nodes
RETURN c IS NOT NULL AS found, nodes, size(around) > $limit - 1 AS truncated, COLLECT {
  UNWIND nodes AS x
  MATCH (x)-[r:LEADS|ATTENDED|HELD_IN|LOCATED_IN|MEMBER_OF|AFFILIATED_WITH|BASED_IN|PART_OF|DISCUSSED|MET]->(y:Entity)
  WHERE y IN nodes
  RETURN {from: x.id, to: y.id, type: type(r)} ORDER BY x.id, type(r), y.id
} AS edges
