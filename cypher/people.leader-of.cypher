// The country each person leads: the LEADS without `until` (the latest started if several), else
// the one that ended last.
UNWIND $ids AS id
MATCH (p:Person {id: id})
RETURN id, COLLECT {
  MATCH (p)-[r:LEADS]->(c:Country)
  RETURN c ORDER BY r.until IS NULL DESC, r.until DESC, r.since DESC, c.name
  LIMIT 1
}[0] AS item
