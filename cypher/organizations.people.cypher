// People AFFILIATED_WITH each organization, by name.
UNWIND $ids AS id
MATCH (o:Organization {id: id})
RETURN id, COLLECT {
  MATCH (p:Person)-[:AFFILIATED_WITH]->(o)
  RETURN p ORDER BY p.name, p.id
} AS items
