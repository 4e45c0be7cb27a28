// Talks each country is or was a MEMBER_OF, oldest first.
// parent: the node itself for the ids in $carry, else null (look-ahead, src/graphql/lookahead.ts).
// With $light (a request asking only light fields, src/graphql/projection.ts) it returns light
// projections of the entity nodes, {.id, .name} and the kind's small typed properties, instead of whole nodes.
UNWIND $ids AS id
MATCH (c:Country {id: id})
RETURN id, CASE WHEN NOT id IN $carry THEN null WHEN $light THEN c {.id, .name, .isoCode} ELSE c END AS parent, COLLECT {
  MATCH (c)-[:MEMBER_OF]->(t:Talks)
  RETURN CASE WHEN $light THEN t {.id, .name, .startYear, .endYear} ELSE t END ORDER BY t.startYear IS NULL, t.startYear, t.name
} AS items
