// One page of quotes, newest article first, then in article order, with the total. Filters (null =
// any): $speaker SAID it; it is ABOUT entity $about. Quotes carry their article's id and date, so
// the page is cut before speakers are looked up.
CALL () {
  MATCH (q:Quote)
  WHERE ($speaker IS NULL OR EXISTS { (:Person {id: $speaker})-[:SAID]->(q) })
    AND ($about IS NULL OR EXISTS { (q)-[:ABOUT]->(:Entity {id: $about}) })
  RETURN count(q) AS total
}
CALL () {
  MATCH (q:Quote)
  WHERE ($speaker IS NULL OR EXISTS { (:Person {id: $speaker})-[:SAID]->(q) })
    AND ($about IS NULL OR EXISTS { (q)-[:ABOUT]->(:Entity {id: $about}) })
  WITH q ORDER BY q.publishedAt IS NULL, q.publishedAt DESC, q.articleId, q.sentence, q.id
  SKIP $offset LIMIT $limit
  OPTIONAL MATCH (sp:Person)-[:SAID]->(q)
  WITH q, sp ORDER BY q.publishedAt IS NULL, q.publishedAt DESC, q.articleId, q.sentence, q.id
  RETURN collect({quote: q {.id, .text, .sentence}, articleId: q.articleId, speaker: sp}) AS items
}
RETURN total, items
