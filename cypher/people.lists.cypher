// A person's entity lists, one column each, for the ids in $want.<column> (else empty): one query
// however many of them a request asks (entityListsLoader, src/data/entities.ts). Each subquery
// starts with that test (`WHERE id IN $want.<column>` on its first MATCH, or `WITH p WHERE ...`
// before a CALL), which Neo4j checks before expanding anything: an unasked column costs no reads.
// - affiliations: organizations the person is AFFILIATED_WITH, each once (several titles are several
//   relationships), by name.
// - summits: summits attended, oldest first (undated last).
// - metWith: co-attendees of any summit plus MET in either direction; UNION makes each person appear
//   once; the person themself is excluded. By name.
// parent: the node itself for the ids in $carry, else null (look-ahead, src/graphql/lookahead.ts).
// With $light (a request asking only light fields, src/graphql/projection.ts) it returns light
// projections of the entity nodes, {.id, .name} and the kind's small typed properties, instead of whole nodes.
UNWIND $ids AS id
MATCH (p:Person {id: id})
RETURN id, CASE WHEN NOT id IN $carry THEN null WHEN $light THEN p {.id, .name} ELSE p END AS parent, COLLECT {
  MATCH (p)-[:AFFILIATED_WITH]->(o:Organization)
  WHERE id IN $want.affiliations
  WITH DISTINCT o
  RETURN CASE WHEN $light THEN o {.id, .name, .orgType} ELSE o END ORDER BY toLower(o.name), o.id
} AS affiliations, COLLECT {
  MATCH (p)-[:ATTENDED]->(s:Summit)
  WHERE id IN $want.summits
  RETURN CASE WHEN $light THEN s {.id, .name, date: toString(s.date)} ELSE s END ORDER BY s.date IS NULL, s.date, s.id
} AS summits, COLLECT {
  WITH p WHERE id IN $want.metWith
  CALL (p) {
    MATCH (p)-[:ATTENDED]->(:Summit)<-[:ATTENDED]-(o:Person)
    RETURN o
    UNION
    MATCH (p)-[:MET]-(o:Person)
    RETURN o
  }
  WITH p, o WHERE o <> p
  RETURN CASE WHEN $light THEN o {.id, .name} ELSE o END ORDER BY toLower(o.name), o.id
} AS metWith
