// Benchmark floor (npm run bench): an entity and its $around nearest one-hop entity neighbours (by
// name), and every relationship among them.
// Entity-to-entity traversals name the relationship types between entities (RELATIONS in
// src/seed/model.ts; a unit test keeps the list equal): on a busy node Neo4j then reads only those,
// never the thousands of MENTIONS and ABOUT from articles and quotes that end there.
MATCH (c:Entity {id: $id})
CALL (c) {
  MATCH (c)-[:LEADS|ATTENDED|HELD_IN|LOCATED_IN|MEMBER_OF|AFFILIATED_WITH|BASED_IN|PART_OF|DISCUSSED|MET]-(n:Entity) WHERE n <> c
  WITH DISTINCT n ORDER BY n.name, n.id
  LIMIT $around
  RETURN collect(n) AS around
}
WITH [c] + around AS nodes
RETURN [x IN nodes | x {.id, .name}] AS nodes, COLLECT {
  UNWIND nodes AS x
  MATCH (x)-[r:LEADS|ATTENDED|HELD_IN|LOCATED_IN|MEMBER_OF|AFFILIATED_WITH|BASED_IN|PART_OF|DISCUSSED|MET]->(y:Entity) WHERE y IN nodes
  RETURN {from: x.id, to: y.id, type: type(r)}
} AS edges
