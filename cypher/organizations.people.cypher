// People AFFILIATED_WITH each organization, each once (several titles are several relationships),
// by name.
// parent: the node itself for the ids in $carry, else null (look-ahead, src/graphql/lookahead.ts).
UNWIND $ids AS id
MATCH (o:Organization {id: id})
RETURN id, CASE WHEN id IN $carry THEN o END AS parent, COLLECT {
  MATCH (p:Person)-[:AFFILIATED_WITH]->(o)
  WITH DISTINCT p
  RETURN p ORDER BY toLower(p.name), p.id
} AS items
