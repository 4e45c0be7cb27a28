// The organization that PUBLISHED each article.
UNWIND $ids AS id
MATCH (a:Article {id: id})
RETURN id, COLLECT {
  MATCH (a)-[:PUBLISHED_BY]->(o:Organization)
  RETURN o ORDER BY o.name
  LIMIT 1
}[0] AS item
