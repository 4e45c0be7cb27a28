// Topics each summit DISCUSSED, by name.
// parent: the node itself for the ids in $carry, else null (look-ahead, src/graphql/lookahead.ts).
// With $light (a request asking only light fields, src/graphql/projection.ts) it returns light
// projections of the entity nodes, {.id, .name} and the kind's small typed properties, instead of whole nodes.
UNWIND $ids AS id
MATCH (s:Summit {id: id})
RETURN id, CASE WHEN NOT id IN $carry THEN null WHEN $light THEN s {.id, .name, date: toString(s.date)} ELSE s END AS parent, COLLECT {
  MATCH (s)-[:DISCUSSED]->(t:Topic)
  RETURN CASE WHEN $light THEN t {.id, .name} ELSE t END ORDER BY toLower(t.name), t.id
} AS items
