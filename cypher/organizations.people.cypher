// People AFFILIATED_WITH each organization, each once (several titles are several relationships),
// by name.
UNWIND $ids AS id
MATCH (o:Organization {id: id})
RETURN id, COLLECT {
  MATCH (p:Person)-[:AFFILIATED_WITH]->(o)
  WITH DISTINCT p
  RETURN p ORDER BY toLower(p.name), p.id
} AS items
