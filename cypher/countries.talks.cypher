// Talks each country is or was a MEMBER_OF, oldest first.
UNWIND $ids AS id
MATCH (c:Country {id: id})
RETURN id, COLLECT {
  MATCH (c)-[:MEMBER_OF]->(t:Talks)
  RETURN t ORDER BY t.startYear IS NULL, t.startYear, t.name
} AS items
