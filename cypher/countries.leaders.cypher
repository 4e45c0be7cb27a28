// People who LEAD or LED each country, each once (a person may hold several terms, one LEADS per
// term): current leaders first, then by when their last term ended, then by latest start.
// parent: the node itself for the ids in $carry, else null (look-ahead, src/graphql/lookahead.ts).
// With $light (a request asking only light fields, src/graphql/projection.ts) it returns light
// projections of the entity nodes, {.id, .name} and the kind's small typed properties, instead of whole nodes.
UNWIND $ids AS id
MATCH (c:Country {id: id})
RETURN id, CASE WHEN NOT id IN $carry THEN null WHEN $light THEN c {.id, .name, .isoCode} ELSE c END AS parent, COLLECT {
  MATCH (p:Person)-[r:LEADS]->(c)
  WITH p, max(CASE WHEN r.until IS NULL THEN date('9999-12-31') ELSE r.until END) AS lastDay, max(r.since) AS lastStart
  RETURN CASE WHEN $light THEN p {.id, .name} ELSE p END ORDER BY lastDay DESC, lastStart DESC, toLower(p.name), p.id
} AS items
