// Quotes by id (batched), each with its article (FROM, without text) and speaker node (SAID).
UNWIND $ids AS id
MATCH (q:Quote {id: id})
WITH id, q, COLLECT { MATCH (q)-[:FROM]->(a:Article) RETURN a {.id, .title, .url, publishedAt: toString(a.publishedAt)} ORDER BY a.id LIMIT 1 }[0] AS article
RETURN id, {
  quote: q {.id, .text, .sentence},
  speaker: COLLECT { MATCH (sp:Person)-[:SAID]->(q) RETURN sp ORDER BY sp.id LIMIT 1 }[0],
  article: article
} AS item
