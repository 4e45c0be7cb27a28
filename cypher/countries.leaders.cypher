// People who LEAD or LED each country, each once (a person may hold several terms, one LEADS per
// term): current leaders first, then by when their last term ended, then by latest start.
// parent: the node itself for the ids in $carry, else null (look-ahead, src/graphql/lookahead.ts).
UNWIND $ids AS id
MATCH (c:Country {id: id})
RETURN id, CASE WHEN id IN $carry THEN c END AS parent, COLLECT {
  MATCH (p:Person)-[r:LEADS]->(c)
  WITH p, max(CASE WHEN r.until IS NULL THEN date('9999-12-31') ELSE r.until END) AS lastDay, max(r.since) AS lastStart
  RETURN p ORDER BY lastDay DESC, lastStart DESC, toLower(p.name), p.id
} AS items
