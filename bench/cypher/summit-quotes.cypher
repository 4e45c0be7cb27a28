// Benchmark floor (npm run bench): one page of the quotes about a summit (newest article first),
// each with its speaker and the speaker's organizations, plus the total. Sorted on the article's id
// and date that every quote carries; the total is the ABOUT degree (only quotes are ABOUT anything).
MATCH (s:Summit {id: $id})
RETURN COUNT { (s)<-[:ABOUT]-() } AS total, COLLECT {
  MATCH (s)<-[:ABOUT]-(q)
  WITH q ORDER BY q.publishedAt DESC, q.articleId, q.sentence, q.id
  LIMIT $limit
  MATCH (sp:Person)-[:SAID]->(q)
  RETURN {id: q.id, text: q.text, speaker: sp {.id, .name, affiliations: COLLECT {
    MATCH (sp)-[:AFFILIATED_WITH]->(o:Organization) WITH DISTINCT o RETURN o {.id, .name} ORDER BY o.name, o.id
  }}}
} AS quotes
