// Summits each person ATTENDED, oldest first (undated last).
// parent: the node itself for the ids in $carry, else null (look-ahead, src/graphql/lookahead.ts).
UNWIND $ids AS id
MATCH (p:Person {id: id})
RETURN id, CASE WHEN id IN $carry THEN p END AS parent, COLLECT {
  MATCH (p)-[:ATTENDED]->(s:Summit)
  RETURN s ORDER BY s.date IS NULL, s.date, s.id
} AS items
