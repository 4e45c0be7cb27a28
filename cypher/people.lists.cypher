// A person's entity lists, one column each, for the ids in $want.<column> (else null): one query
// however many of them a request asks (entityListsLoader, src/data/entities.ts). Neo4j evaluates a
// COLLECT inside CASE only when the condition holds, so an unasked column costs nothing.
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
RETURN id, CASE WHEN NOT id IN $carry THEN null WHEN $light THEN p {.id, .name} ELSE p END AS parent,
CASE WHEN id IN $want.affiliations THEN COLLECT {
  MATCH (p)-[:AFFILIATED_WITH]->(o:Organization)
  WITH DISTINCT o
  RETURN CASE WHEN $light THEN o {.id, .name, .orgType} ELSE o END ORDER BY toLower(o.name), o.id
} END AS affiliations,
CASE WHEN id IN $want.summits THEN COLLECT {
  MATCH (p)-[:ATTENDED]->(s:Summit)
  RETURN CASE WHEN $light THEN s {.id, .name, date: toString(s.date)} ELSE s END ORDER BY s.date IS NULL, s.date, s.id
} END AS summits,
CASE WHEN id IN $want.metWith THEN COLLECT {
  CALL (p) {
    MATCH (p)-[:ATTENDED]->(:Summit)<-[:ATTENDED]-(o:Person)
    RETURN o
    UNION
    MATCH (p)-[:MET]-(o:Person)
    RETURN o
  }
  WITH p, o WHERE o <> p
  RETURN CASE WHEN $light THEN o {.id, .name} ELSE o END ORDER BY toLower(o.name), o.id
} END AS metWith
