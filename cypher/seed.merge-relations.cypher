// Upserts relationships between entities, one per (from, type, key, to); the key tells apart
// several terms in office (title|since) and is '' for other types. Fields are set on creation and
// overwritten only when row.overwrite (reviewed files); a reviewed row that is the relationship's
// only source replaces them (a field the file no longer gives goes). Provenance: `sources` (the
// source ids that state it: articles, ref: files) gains the row's; `evidence` (JSON strings, each
// starting with its article's id, see plan.ts) keeps the other sources' records and takes the row's
// sources' records from the row, so an edited file's evidence replaces what it said before. Every
// relationship this query writes has `sources`, so one without it right after the MERGE is new; a
// row whose sources are all new to the relationship appends its evidence without comparing.
// Returns how many rows changed an existing relationship (creations come from the counters).
// One MERGE per relationship type, picked by row.type: a MERGE on a dynamic type, $(row.type), is
// planned as a scan of every relationship when the graph's statistics show none (the first
// transactions of a load into an empty graph: seconds per batch), while a static type always
// expands between the two nodes. test/unit/seed-plan.test.ts checks there is a branch per type.
// replan=skip: the plan made on an empty graph stays good (index hints, static types), and
// replanning this query as the graph grows costs more than the batches it would speed up.
CYPHER replan=skip
UNWIND $rows AS row
MATCH (a:Entity {id: row.from}) USING INDEX a:Entity(id)
MATCH (b:Entity {id: row.to}) USING INDEX b:Entity(id)
CALL (a, b, row) {
  WITH a, b, row WHERE row.type = 'LEADS' MERGE (a)-[r:LEADS {key: row.key}]->(b) RETURN r
  UNION ALL
  WITH a, b, row WHERE row.type = 'ATTENDED' MERGE (a)-[r:ATTENDED {key: row.key}]->(b) RETURN r
  UNION ALL
  WITH a, b, row WHERE row.type = 'HELD_IN' MERGE (a)-[r:HELD_IN {key: row.key}]->(b) RETURN r
  UNION ALL
  WITH a, b, row WHERE row.type = 'LOCATED_IN' MERGE (a)-[r:LOCATED_IN {key: row.key}]->(b) RETURN r
  UNION ALL
  WITH a, b, row WHERE row.type = 'MEMBER_OF' MERGE (a)-[r:MEMBER_OF {key: row.key}]->(b) RETURN r
  UNION ALL
  WITH a, b, row WHERE row.type = 'AFFILIATED_WITH' MERGE (a)-[r:AFFILIATED_WITH {key: row.key}]->(b) RETURN r
  UNION ALL
  WITH a, b, row WHERE row.type = 'BASED_IN' MERGE (a)-[r:BASED_IN {key: row.key}]->(b) RETURN r
  UNION ALL
  WITH a, b, row WHERE row.type = 'PART_OF' MERGE (a)-[r:PART_OF {key: row.key}]->(b) RETURN r
  UNION ALL
  WITH a, b, row WHERE row.type = 'DISCUSSED' MERGE (a)-[r:DISCUSSED {key: row.key}]->(b) RETURN r
  UNION ALL
  WITH a, b, row WHERE row.type = 'MET' MERGE (a)-[r:MET {key: row.key}]->(b) RETURN r
}
WITH r, row, r.sources IS NULL AS isNew, coalesce(r.sources, []) AS hadSources, coalesce(r.evidence, []) AS hadEvidence,
     (r.sources IS NULL OR coalesce(row.overwrite, true)) AS setProps
WITH r, row, isNew, hadSources, hadEvidence, setProps, [s IN row.sources WHERE NOT s IN hadSources] AS newSources
WITH r, row, isNew, hadSources, hadEvidence, setProps, newSources,
     setProps AND all(s IN hadSources WHERE s IN row.sources) AS sole,
     CASE WHEN size(newSources) = size(row.sources) THEN hadEvidence + row.evidence
          ELSE [e IN hadEvidence WHERE NOT any(s IN row.sources WHERE e STARTS WITH '{"article":"' + s + '",')] + row.evidence END AS evidenceAfter
WITH r, row, isNew, hadSources, hadEvidence, newSources, sole, evidenceAfter,
     setProps AND (
       any(k IN keys(row.props) WHERE NOT coalesce(r[k] = row.props[k], false))
       OR (sole AND any(k IN keys(r) WHERE NOT k IN ['key', 'sources', 'evidence'] AND NOT k IN keys(row.props)))
     ) AS propsChange
FOREACH (_ IN CASE WHEN propsChange AND sole THEN [1] ELSE [] END | SET r = row.props, r.key = row.key)
FOREACH (_ IN CASE WHEN propsChange AND NOT sole THEN [1] ELSE [] END | SET r += row.props)
SET r.sources = hadSources + newSources, r.evidence = evidenceAfter
RETURN count(*) AS rows,
       sum(CASE WHEN NOT isNew AND (propsChange OR size(newSources) > 0 OR evidenceAfter <> hadEvidence) THEN 1 ELSE 0 END) AS updated
