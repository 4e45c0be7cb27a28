// The people each article was WRITTEN_BY, by name.
UNWIND $ids AS id
MATCH (a:Article {id: id})
RETURN id, COLLECT {
  MATCH (a)-[:WRITTEN_BY]->(p:Person)
  RETURN p ORDER BY toLower(p.name), p.id
} AS items
