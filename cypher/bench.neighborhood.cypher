// Benchmark floor (npm run bench): an entity and its $around nearest one-hop entity neighbours (by
// name), and every relationship among them.
MATCH (c:Entity {id: $id})
CALL (c) {
  MATCH (c)--(n:Entity) WHERE n <> c
  WITH DISTINCT n ORDER BY n.name, n.id
  LIMIT $around
  RETURN collect(n) AS around
}
WITH [c] + around AS nodes
RETURN [x IN nodes | x {.id, .name}] AS nodes, COLLECT {
  UNWIND nodes AS x
  MATCH (x)-[r]->(y:Entity) WHERE y IN nodes
  RETURN {from: x.id, to: y.id, type: type(r)}
} AS edges
