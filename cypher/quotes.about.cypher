// Entities each quote is ABOUT, by name.
UNWIND $ids AS id
MATCH (q:Quote {id: id})
RETURN id, COLLECT {
  MATCH (q)-[:ABOUT]->(e:Entity)
  RETURN e ORDER BY toLower(e.name), e.id
} AS items
