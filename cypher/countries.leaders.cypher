// People who LEAD or LED each country, each once (a person may hold several terms, one LEADS per
// term): current leaders first, then by when their last term ended, then by latest start.
UNWIND $ids AS id
MATCH (c:Country {id: id})
RETURN id, COLLECT {
  MATCH (p:Person)-[r:LEADS]->(c)
  WITH p, max(CASE WHEN r.until IS NULL THEN date('9999-12-31') ELSE r.until END) AS lastDay, max(r.since) AS lastStart
  RETURN p ORDER BY lastDay DESC, lastStart DESC, toLower(p.name), p.id
} AS items
