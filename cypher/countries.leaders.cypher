// People who LEAD or LED each country: current leaders first, then by when their term ended.
UNWIND $ids AS id
MATCH (c:Country {id: id})
RETURN id, COLLECT {
  MATCH (p:Person)-[r:LEADS]->(c)
  RETURN p ORDER BY r.until IS NULL DESC, r.until DESC, r.since DESC, p.name
} AS items
