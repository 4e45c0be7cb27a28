// Topics each summit DISCUSSED, by name.
UNWIND $ids AS id
MATCH (s:Summit {id: id})
RETURN id, COLLECT {
  MATCH (s)-[:DISCUSSED]->(t:Topic)
  RETURN t ORDER BY toLower(t.name), t.id
} AS items
