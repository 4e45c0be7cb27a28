// People who ATTENDED each summit, by name.
// parent: the node itself for the ids in $carry, else null (look-ahead, src/graphql/lookahead.ts).
UNWIND $ids AS id
MATCH (s:Summit {id: id})
RETURN id, CASE WHEN id IN $carry THEN s END AS parent, COLLECT {
  MATCH (p:Person)-[:ATTENDED]->(s)
  RETURN p ORDER BY toLower(p.name), p.id
} AS items
