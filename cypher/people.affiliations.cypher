// Organizations each person is AFFILIATED_WITH, by name.
UNWIND $ids AS id
MATCH (p:Person {id: id})
RETURN id, COLLECT {
  MATCH (p)-[:AFFILIATED_WITH]->(o:Organization)
  RETURN o ORDER BY o.name, o.id
} AS items
