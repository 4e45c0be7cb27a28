// Summits each person ATTENDED, oldest first (undated last).
UNWIND $ids AS id
MATCH (p:Person {id: id})
RETURN id, COLLECT {
  MATCH (p)-[:ATTENDED]->(s:Summit)
  RETURN s ORDER BY s.date IS NULL, s.date, s.id
} AS items
