// The place each place is directly LOCATED_IN, if any.
UNWIND $ids AS id
MATCH (pl:Place {id: id})
RETURN id, COLLECT {
  MATCH (pl)-[:LOCATED_IN]->(w:Place)
  RETURN w ORDER BY w.name
  LIMIT 1
}[0] AS item
