// The ingest's variant of seed.merge-mentions: provenance appended once, no update counting.
UNWIND $rows AS row
MATCH (a:Article {id: row.article})
MATCH (e:Entity {id: row.entity})
MERGE (a)-[r:MENTIONS]->(e)
SET r.sources = CASE WHEN row.article IN coalesce(r.sources, []) THEN r.sources ELSE coalesce(r.sources, []) + row.article END
SET r.evidence = reduce(acc = coalesce(r.evidence, []), x IN row.evidence | CASE WHEN x IN acc THEN acc ELSE acc + x END)
RETURN count(*) AS rows, 0 AS updated
