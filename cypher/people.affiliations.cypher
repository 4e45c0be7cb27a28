// Organizations each person is AFFILIATED_WITH, each once (several titles are several
// relationships), by name.
UNWIND $ids AS id
MATCH (p:Person {id: id})
RETURN id, COLLECT {
  MATCH (p)-[:AFFILIATED_WITH]->(o:Organization)
  WITH DISTINCT o
  RETURN o ORDER BY toLower(o.name), o.id
} AS items
