// Talks each country is or was a MEMBER_OF, oldest first.
// parent: the node itself for the ids in $carry, else null (look-ahead, src/graphql/lookahead.ts).
UNWIND $ids AS id
MATCH (c:Country {id: id})
RETURN id, CASE WHEN id IN $carry THEN c END AS parent, COLLECT {
  MATCH (c)-[:MEMBER_OF]->(t:Talks)
  RETURN t ORDER BY t.startYear IS NULL, t.startYear, t.name
} AS items
