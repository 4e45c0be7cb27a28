// Organizations each person is AFFILIATED_WITH, each once (several titles are several
// relationships), by name.
// parent: the node itself for the ids in $carry, else null (look-ahead, src/graphql/lookahead.ts).
UNWIND $ids AS id
MATCH (p:Person {id: id})
RETURN id, CASE WHEN id IN $carry THEN p END AS parent, COLLECT {
  MATCH (p)-[:AFFILIATED_WITH]->(o:Organization)
  WITH DISTINCT o
  RETURN o ORDER BY toLower(o.name), o.id
} AS items
