// The ingest's variant of seed.merge-relations: fields on creation only, provenance appended once,
// no update counting (so no look at the relationship before the MERGE).
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
MERGE (a)-[r:$(row.type) {key: row.key}]->(b)
ON CREATE SET r += row.props
SET r.sources = CASE WHEN row.source IS NULL OR row.source IN coalesce(r.sources, []) THEN coalesce(r.sources, []) ELSE coalesce(r.sources, []) + row.source END
SET r.evidence = reduce(acc = coalesce(r.evidence, []), e IN row.evidence | CASE WHEN e IN acc THEN acc ELSE acc + e END)
RETURN count(*) AS rows, 0 AS updated
