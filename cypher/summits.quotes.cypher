// One page of the quotes ABOUT each summit, newest article first, then in article order; with the
// total. Each item carries its speaker node so the caller can prime the entity loader. The page is
// cut before speakers are looked up (a busy summit has thousands of quotes), then put back in order.
UNWIND $ids AS id
MATCH (s:Summit {id: id})
RETURN id,
  COUNT { (s)<-[:ABOUT]-(:Quote) } AS total,
  COLLECT {
    MATCH (s)<-[:ABOUT]-(q:Quote)
    OPTIONAL MATCH (q)-[:FROM]->(a:Article)
    WITH q, a ORDER BY a.publishedAt IS NULL, a.publishedAt DESC, a.id, q.sentence, q.id
    SKIP $offset LIMIT $limit
    OPTIONAL MATCH (sp:Person)-[:SAID]->(q)
    WITH q, a, sp ORDER BY a.publishedAt IS NULL, a.publishedAt DESC, a.id, q.sentence, q.id
    RETURN {quote: q {.id, .text, .sentence}, articleId: a.id, speaker: sp}
  } AS items
