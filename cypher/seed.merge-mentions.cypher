// Upserts Article -MENTIONS-> Entity with provenance appended once. A MENTIONS relationship always
// has `sources`, so one without it right after the MERGE is new; evidence is compared only when the
// article was already a source (a reload).
// Returns how many rows changed an existing relationship (creations come from the counters).
// replan=skip: the plan made on an empty graph stays good (index hints, static types), and
// replanning this query as the graph grows costs more than the batches it would speed up.
CYPHER replan=skip
UNWIND $rows AS row
MATCH (a:Article {id: row.article}) USING INDEX a:Article(id)
MATCH (e:Entity {id: row.entity}) USING INDEX e:Entity(id)
MERGE (a)-[r:MENTIONS]->(e)
WITH r, row, r.sources IS NULL AS isNew, coalesce(r.sources, []) AS hadSources, coalesce(r.evidence, []) AS hadEvidence
WITH r, row, isNew, hadSources, hadEvidence, row.article IN hadSources AS known
WITH r, row, isNew, hadSources, hadEvidence, known,
     CASE WHEN known THEN [x IN row.evidence WHERE NOT x IN hadEvidence] ELSE row.evidence END AS newEvidence
SET r.sources = CASE WHEN known THEN hadSources ELSE hadSources + row.article END,
    r.evidence = hadEvidence + newEvidence
RETURN count(*) AS rows,
       sum(CASE WHEN NOT isNew AND (NOT known OR size(newEvidence) > 0) THEN 1 ELSE 0 END) AS updated
