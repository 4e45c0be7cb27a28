// The country each place lies in: the nearest Country along LOCATED_IN (through enclosing places).
UNWIND $ids AS id
MATCH (pl:Place {id: id})
RETURN id, COLLECT {
  MATCH path = (pl)-[:LOCATED_IN*1..5]->(c:Country)
  RETURN c ORDER BY length(path), c.name
  LIMIT 1
}[0] AS item
