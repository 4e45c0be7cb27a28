// People each person met: co-attendees of any summit plus MET in either direction. UNION makes
// each person appear once; the person themself is excluded. By name.
// parent: the node itself for the ids in $carry, else null (look-ahead, src/graphql/lookahead.ts).
// With $light (a request asking only light fields, src/graphql/projection.ts) it returns light
// projections of the entity nodes, {.id, .name} and the kind's small typed properties, instead of whole nodes.
UNWIND $ids AS id
MATCH (p:Person {id: id})
RETURN id, CASE WHEN NOT id IN $carry THEN null WHEN $light THEN p {.id, .name} ELSE p END AS parent, COLLECT {
  CALL (p) {
    MATCH (p)-[:ATTENDED]->(:Summit)<-[:ATTENDED]-(o:Person)
    RETURN o
    UNION
    MATCH (p)-[:MET]-(o:Person)
    RETURN o
  }
  WITH p, o WHERE o <> p
  RETURN CASE WHEN $light THEN o {.id, .name} ELSE o END ORDER BY toLower(o.name), o.id
} AS items
