// One page of quotes, newest article first, then in article order, with the total. Filters (null =
// any): $speaker SAID it; it is ABOUT entity $about.
MATCH (q:Quote)
WHERE ($speaker IS NULL OR EXISTS { (:Person {id: $speaker})-[:SAID]->(q) })
  AND ($about IS NULL OR EXISTS { (q)-[:ABOUT]->(:Entity {id: $about}) })
OPTIONAL MATCH (q)-[:FROM]->(a:Article)
OPTIONAL MATCH (sp:Person)-[:SAID]->(q)
WITH q, a, sp ORDER BY a.publishedAt IS NULL, a.publishedAt DESC, a.id, q.sentence, q.id
WITH collect({quote: q {.id, .text, .sentence}, articleId: a.id, speaker: sp}) AS matched
RETURN size(matched) AS total, matched[$offset..$offset + $limit] AS items
