// Entities already in the graph whose name or alias is exactly one of $rows' names (case-insensitive),
// found through the full-text index and then checked for equality. Used to give a name the extractor
// did not find in its gazetteer the id the graph already has for it (an earlier article, a reviewed
// seed file). Each row: {key, name, query, label}.
UNWIND $rows AS row
CALL (row) {
  CALL db.index.fulltext.queryNodes('entity_names', row.query) YIELD node, score
  WITH node
  WHERE row.label IN labels(node)
    AND (toLower(node.name) = toLower(row.name) OR any(a IN coalesce(node.aliases, []) WHERE toLower(a) = toLower(row.name)))
  RETURN collect(DISTINCT node.id)[..3] AS ids
}
RETURN row.key AS key, ids
