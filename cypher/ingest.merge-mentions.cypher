// The ingest's variant of seed.merge-mentions: provenance appended once, no update counting.
// replan=skip: the plan made on an empty graph stays good (index hints, static types), and
// replanning this query as the graph grows costs more than the batches it would speed up.
CYPHER replan=skip
UNWIND $rows AS row
MATCH (a:Article {id: row.article}) USING INDEX a:Article(id)
MATCH (e:Entity {id: row.entity}) USING INDEX e:Entity(id)
MERGE (a)-[r:MENTIONS]->(e)
WITH r, row, coalesce(r.sources, []) AS hadSources, coalesce(r.evidence, []) AS hadEvidence
WITH r, row, hadSources, hadEvidence, row.article IN hadSources AS known
SET r.sources = CASE WHEN known THEN hadSources ELSE hadSources + row.article END,
    r.evidence = hadEvidence + CASE WHEN known THEN [x IN row.evidence WHERE NOT x IN hadEvidence] ELSE row.evidence END
RETURN count(*) AS rows, 0 AS updated
