// Candidates for names the extractor did not find in its gazetteer: one full-text query over every
// name of a batch ($query ORs their exact phrases). The caller keeps only exact (case-insensitive)
// name or alias matches of the right kind.
CALL db.index.fulltext.queryNodes('entity_names', $query, {limit: $limit}) YIELD node
RETURN node.id AS id, node.name AS name, coalesce(node.aliases, []) AS aliases, labels(node) AS labels
