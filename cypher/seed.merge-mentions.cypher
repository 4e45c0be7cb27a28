// Upserts Article -MENTIONS-> Entity with provenance appended once.
UNWIND $rows AS row
MATCH (a:Article {id: row.article})
MATCH (e:Entity {id: row.entity})
OPTIONAL MATCH (a)-[old:MENTIONS]->(e)
WITH a, e, row, old IS NULL AS isNew, CASE WHEN old IS NULL THEN null ELSE properties(old) END AS before
MERGE (a)-[r:MENTIONS]->(e)
SET r.sources = CASE WHEN row.article IN coalesce(r.sources, []) THEN r.sources ELSE coalesce(r.sources, []) + row.article END
SET r.evidence = reduce(acc = coalesce(r.evidence, []), x IN row.evidence | CASE WHEN x IN acc THEN acc ELSE acc + x END)
RETURN sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS created,
       sum(CASE WHEN NOT isNew AND before <> properties(r) THEN 1 ELSE 0 END) AS updated
