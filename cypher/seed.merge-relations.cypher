// Upserts relationships between entities, one per (from, type, key, to); the key tells apart
// several terms in office (title|since) and is '' for other types. Fields are set on creation and overwritten only when row.overwrite (reviewed files);
// provenance (sources: article ids, evidence: JSON strings) is appended once.
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
OPTIONAL MATCH (a)-[old:$(row.type) {key: row.key}]->(b)
WITH a, b, row, old IS NULL AS isNew, CASE WHEN old IS NULL THEN null ELSE properties(old) END AS before
MERGE (a)-[r:$(row.type) {key: row.key}]->(b)
SET r += CASE WHEN isNew OR coalesce(row.overwrite, true) THEN row.props ELSE {} END
SET r.sources = CASE WHEN row.source IS NULL OR row.source IN coalesce(r.sources, []) THEN coalesce(r.sources, []) ELSE coalesce(r.sources, []) + row.source END
SET r.evidence = reduce(acc = coalesce(r.evidence, []), e IN row.evidence | CASE WHEN e IN acc THEN acc ELSE acc + e END)
RETURN sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS created,
       sum(CASE WHEN NOT isNew AND before <> properties(r) THEN 1 ELSE 0 END) AS updated
