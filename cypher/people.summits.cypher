// Summits each person ATTENDED, oldest first (undated last).
// parent: the node itself for the ids in $carry, else null (look-ahead, src/graphql/lookahead.ts).
// With $light (a request asking only light fields, src/graphql/projection.ts) it returns light
// projections of the entity nodes, {.id, .name} and the kind's small typed properties, instead of whole nodes.
UNWIND $ids AS id
MATCH (p:Person {id: id})
RETURN id, CASE WHEN NOT id IN $carry THEN null WHEN $light THEN p {.id, .name} ELSE p END AS parent, COLLECT {
  MATCH (p)-[:ATTENDED]->(s:Summit)
  RETURN CASE WHEN $light THEN s {.id, .name, date: toString(s.date)} ELSE s END ORDER BY s.date IS NULL, s.date, s.id
} AS items
