// A summit's entity lists, one column each, for the ids in $want.<column> (else empty): one query
// however many of them a request asks (entityListsLoader, src/data/entities.ts). Each subquery
// starts with that test (`WHERE id IN $want.<column>` on its first MATCH, or `WITH p WHERE ...`
// before a CALL), which Neo4j checks before expanding anything: an unasked column costs no reads.
// - participants: people who ATTENDED the summit, by name.
// - topics: topics the summit DISCUSSED, by name.
// - series: the organizations whose series the summit is PART_OF (G7, G20, NATO...), by name.
// parent: the node itself for the ids in $carry, else null (look-ahead, src/graphql/lookahead.ts).
// With $light (a request asking only light fields, src/graphql/projection.ts) it returns light
// projections of the entity nodes, {.id, .name} and the kind's small typed properties, instead of whole nodes.
UNWIND $ids AS id
MATCH (s:Summit {id: id})
RETURN id, CASE WHEN NOT id IN $carry THEN null WHEN $light THEN s {.id, .name, date: toString(s.date)} ELSE s END AS parent, COLLECT {
  MATCH (p:Person)-[:ATTENDED]->(s)
  WHERE id IN $want.participants
  RETURN CASE WHEN $light THEN p {.id, .name} ELSE p END ORDER BY toLower(p.name), p.id
} AS participants, COLLECT {
  MATCH (s)-[:DISCUSSED]->(t:Topic)
  WHERE id IN $want.topics
  RETURN CASE WHEN $light THEN t {.id, .name} ELSE t END ORDER BY toLower(t.name), t.id
} AS topics, COLLECT {
  MATCH (s)-[:PART_OF]->(o:Organization)
  WHERE id IN $want.series
  RETURN CASE WHEN $light THEN o {.id, .name, .orgType} ELSE o END ORDER BY toLower(o.name), o.id
} AS series
