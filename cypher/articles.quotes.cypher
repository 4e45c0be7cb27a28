// The quotes each article reports (FROM), in the order they appear, with their speaker nodes and the
// article (without text).
UNWIND $ids AS id
MATCH (a:Article {id: id})
RETURN id, COLLECT {
  MATCH (a)<-[:FROM]-(q:Quote)
  OPTIONAL MATCH (sp:Person)-[:SAID]->(q)
  RETURN {quote: q {.id, .text, .sentence}, speaker: sp, article: a {.id, .title, .url, publishedAt: toString(a.publishedAt)}}
  ORDER BY q.sentence IS NULL, q.sentence, q.id
} AS items
