// One page of each person's quotes (optionally only those ABOUT entity $about), newest article
// first, then in article order; with the total.
UNWIND $ids AS id
MATCH (p:Person {id: id})
RETURN id,
  COUNT {
    MATCH (p)-[:SAID]->(q:Quote)
    WHERE $about IS NULL OR EXISTS { (q)-[:ABOUT]->(:Entity {id: $about}) }
  } AS total,
  COLLECT {
    MATCH (p)-[:SAID]->(q:Quote)
    WHERE $about IS NULL OR EXISTS { (q)-[:ABOUT]->(:Entity {id: $about}) }
    OPTIONAL MATCH (q)-[:FROM]->(a:Article)
    RETURN {quote: q {.id, .text, .sentence}, articleId: a.id, speaker: p}
    ORDER BY a.publishedAt IS NULL, a.publishedAt DESC, a.id, q.sentence, q.id
    SKIP $offset LIMIT $limit
  } AS items
