// Takes back relationships that a source no longer states (a reload) or stated (a retraction): each
// row removes its source from the relationship's `sources`, with that source's evidence records
// (each starts with its article's id, see src/seed/plan.ts); a relationship left without a source is
// deleted, so none is ever served without one. Returns each row's outcome: how many sources remain.
UNWIND $rows AS row
MATCH (a:Entity {id: row.from}) USING INDEX a:Entity(id)
MATCH (b:Entity {id: row.to}) USING INDEX b:Entity(id)
MATCH (a)-[r]->(b)
WHERE type(r) = row.type AND r.key = row.key AND row.source IN r.sources
WITH r, row, [s IN r.sources WHERE s <> row.source] AS rest
SET r.sources = rest,
    r.evidence = [e IN coalesce(r.evidence, []) WHERE NOT e STARTS WITH '{"article":"' + row.source + '",']
WITH r, row, rest
CALL (r, rest) {
  WITH r WHERE size(rest) = 0
  DELETE r
}
RETURN row.source AS source, row.type AS type, row.from AS from, row.to AS to, size(rest) AS remaining
