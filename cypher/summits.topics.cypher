// Topics each summit DISCUSSED, by name.
// parent: the node itself for the ids in $carry, else null (look-ahead, src/graphql/lookahead.ts).
UNWIND $ids AS id
MATCH (s:Summit {id: id})
RETURN id, CASE WHEN id IN $carry THEN s END AS parent, COLLECT {
  MATCH (s)-[:DISCUSSED]->(t:Topic)
  RETURN t ORDER BY toLower(t.name), t.id
} AS items
