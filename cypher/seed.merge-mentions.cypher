// Upserts Article -MENTIONS-> Entity. A MENTIONS relationship is stated by its article alone
// (sources = [the article]), so the row's evidence is the whole of it: a reload replaces it. One
// without `sources` right after the MERGE is new.
// Returns how many rows changed an existing relationship (creations come from the counters).
// replan=skip: the plan made on an empty graph stays good (index hints, static types), and
// replanning this query as the graph grows costs more than the batches it would speed up.
CYPHER replan=skip
UNWIND $rows AS row
MATCH (a:Article {id: row.article}) USING INDEX a:Article(id)
MATCH (e:Entity {id: row.entity}) USING INDEX e:Entity(id)
MERGE (a)-[r:MENTIONS]->(e)
WITH r, row, r.sources IS NULL AS isNew, coalesce(r.sources, []) AS hadSources, coalesce(r.evidence, []) AS hadEvidence
SET r.sources = [row.article], r.evidence = row.evidence
RETURN count(*) AS rows,
       sum(CASE WHEN NOT isNew AND (hadSources <> [row.article] OR hadEvidence <> row.evidence) THEN 1 ELSE 0 END) AS updated
