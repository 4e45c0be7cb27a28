// The ingest's variant of seed.merge-relations: fields on creation only, provenance appended once,
// no update counting.
// One MERGE per relationship type: see seed.merge-relations.
// replan=skip: the plan made on an empty graph stays good (index hints, static types), and
// replanning this query as the graph grows costs more than the batches it would speed up.
CYPHER replan=skip
UNWIND $rows AS row
MATCH (a:Entity {id: row.from}) USING INDEX a:Entity(id)
MATCH (b:Entity {id: row.to}) USING INDEX b:Entity(id)
CALL (a, b, row) {
  WITH a, b, row WHERE row.type = 'LEADS' MERGE (a)-[r:LEADS {key: row.key}]->(b) ON CREATE SET r += row.props RETURN r
  UNION ALL
  WITH a, b, row WHERE row.type = 'ATTENDED' MERGE (a)-[r:ATTENDED {key: row.key}]->(b) ON CREATE SET r += row.props RETURN r
  UNION ALL
  WITH a, b, row WHERE row.type = 'HELD_IN' MERGE (a)-[r:HELD_IN {key: row.key}]->(b) ON CREATE SET r += row.props RETURN r
  UNION ALL
  WITH a, b, row WHERE row.type = 'LOCATED_IN' MERGE (a)-[r:LOCATED_IN {key: row.key}]->(b) ON CREATE SET r += row.props RETURN r
  UNION ALL
  WITH a, b, row WHERE row.type = 'MEMBER_OF' MERGE (a)-[r:MEMBER_OF {key: row.key}]->(b) ON CREATE SET r += row.props RETURN r
  UNION ALL
  WITH a, b, row WHERE row.type = 'AFFILIATED_WITH' MERGE (a)-[r:AFFILIATED_WITH {key: row.key}]->(b) ON CREATE SET r += row.props RETURN r
  UNION ALL
  WITH a, b, row WHERE row.type = 'BASED_IN' MERGE (a)-[r:BASED_IN {key: row.key}]->(b) ON CREATE SET r += row.props RETURN r
  UNION ALL
  WITH a, b, row WHERE row.type = 'PART_OF' MERGE (a)-[r:PART_OF {key: row.key}]->(b) ON CREATE SET r += row.props RETURN r
  UNION ALL
  WITH a, b, row WHERE row.type = 'DISCUSSED' MERGE (a)-[r:DISCUSSED {key: row.key}]->(b) ON CREATE SET r += row.props RETURN r
  UNION ALL
  WITH a, b, row WHERE row.type = 'MET' MERGE (a)-[r:MET {key: row.key}]->(b) ON CREATE SET r += row.props RETURN r
}
WITH r, row, coalesce(r.sources, []) AS hadSources, coalesce(r.evidence, []) AS hadEvidence
WITH r, row, hadSources, hadEvidence, [s IN row.sources WHERE NOT s IN hadSources] AS newSources
SET r.sources = hadSources + newSources,
    r.evidence = hadEvidence + CASE WHEN size(newSources) = size(row.sources) THEN row.evidence ELSE [e IN row.evidence WHERE NOT e IN hadEvidence] END
RETURN count(*) AS rows, 0 AS updated
