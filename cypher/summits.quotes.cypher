// One page of the quotes ABOUT each summit, newest article first, then in article order; with the
// total. Each item carries its speaker node so the caller can prime the entity loader.
UNWIND $ids AS id
MATCH (s:Summit {id: id})
RETURN id,
  COUNT { (s)<-[:ABOUT]-(:Quote) } AS total,
  COLLECT {
    MATCH (s)<-[:ABOUT]-(q:Quote)
    OPTIONAL MATCH (q)-[:FROM]->(a:Article)
    OPTIONAL MATCH (sp:Person)-[:SAID]->(q)
    RETURN {quote: q {.id, .text, .sentence}, articleId: a.id, speaker: sp}
    ORDER BY a.publishedAt IS NULL, a.publishedAt DESC, a.id, q.sentence, q.id
    SKIP $offset LIMIT $limit
  } AS items
