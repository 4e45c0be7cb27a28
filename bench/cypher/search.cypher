// Benchmark floor (npm run bench): people whose name or alias matches $lucene, or who said a quote
// that matches it (weighted by $quoteWeight), best first, each once.
CALL () {
  CALL db.index.fulltext.queryNodes('entity_names', $lucene) YIELD node, score
  WITH node, score WHERE node:Person
  RETURN node AS p, score
  UNION ALL
  CALL db.index.fulltext.queryNodes('quote_text', $lucene) YIELD node, score
  MATCH (sp:Person)-[:SAID]->(node)
  RETURN sp AS p, score * $quoteWeight AS score
}
WITH p, max(score) AS score
RETURN p.id AS id, p.name AS name, score
ORDER BY score DESC, name, id
LIMIT $first
