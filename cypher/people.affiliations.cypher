// Organizations each person is AFFILIATED_WITH, each once (several titles are several
// relationships), by name.
// parent: the node itself for the ids in $carry, else null (look-ahead, src/graphql/lookahead.ts).
// With $light (a request asking only light fields, src/graphql/projection.ts) it returns light
// projections of the entity nodes, {.id, .name} and the kind's small typed properties, instead of whole nodes.
UNWIND $ids AS id
MATCH (p:Person {id: id})
RETURN id, CASE WHEN NOT id IN $carry THEN null WHEN $light THEN p {.id, .name} ELSE p END AS parent, COLLECT {
  MATCH (p)-[:AFFILIATED_WITH]->(o:Organization)
  WITH DISTINCT o
  RETURN CASE WHEN $light THEN o {.id, .name, .orgType} ELSE o END ORDER BY toLower(o.name), o.id
} AS items
