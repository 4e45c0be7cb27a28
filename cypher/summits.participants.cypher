// People who ATTENDED each summit, by name.
UNWIND $ids AS id
MATCH (s:Summit {id: id})
RETURN id, COLLECT {
  MATCH (p:Person)-[:ATTENDED]->(s)
  RETURN p ORDER BY toLower(p.name), p.id
} AS items
