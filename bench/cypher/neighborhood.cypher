// Benchmark floor (npm run bench): an entity and its $around nearest one-hop entity neighbours (by
// name), and every relationship among them. As graph.neighborhood-1: each neighbour keeps the
// relationships that reached it (the edges to and from the center), and only the other neighbours
// are expanded again for the edges among them.
// It follows the relationship types between entities ({{ENTITY_RELATIONSHIPS}}, RELATIONS in
// src/seed/model.ts), as our queries do.
MATCH (c:Entity {id: $id})
CALL (c) {
  MATCH (c)-[r:{{ENTITY_RELATIONSHIPS}}]-(n:Entity) WHERE n <> c
  WITH n, collect(r) AS rels ORDER BY n.name, n.id
  LIMIT $around
  RETURN collect({node: n, rels: rels}) AS kept
}
WITH c, kept, [k IN kept | k.node] AS others
RETURN [x IN [c] + others | x {.id, .name}] AS nodes, COLLECT {
  UNWIND kept AS k
  UNWIND k.rels AS r
  RETURN {from: startNode(r).id, to: endNode(r).id, type: type(r)} AS e
  UNION ALL
  UNWIND others AS x
  MATCH (x)-[r:{{ENTITY_RELATIONSHIPS}}]->(y:Entity) WHERE y IN others
  RETURN {from: x.id, to: y.id, type: type(r)} AS e
} AS edges
