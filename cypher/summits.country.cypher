// The country each summit was held in: HELD_IN a place, then the nearest Country along LOCATED_IN.
UNWIND $ids AS id
MATCH (s:Summit {id: id})
RETURN id, COLLECT {
  MATCH path = (s)-[:HELD_IN]->(:Place)-[:LOCATED_IN*1..5]->(c:Country)
  RETURN c ORDER BY length(path), c.name
  LIMIT 1
}[0] AS item
