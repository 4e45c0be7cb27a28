// Quotes by id (batched), each with its article id (FROM) and speaker node (SAID).
UNWIND $ids AS id
MATCH (q:Quote {id: id})
RETURN id, {
  quote: q {.id, .text, .sentence},
  articleId: COLLECT { MATCH (q)-[:FROM]->(a:Article) RETURN a.id ORDER BY a.id LIMIT 1 }[0],
  speaker: COLLECT { MATCH (sp:Person)-[:SAID]->(q) RETURN sp ORDER BY sp.id LIMIT 1 }[0]
} AS item
