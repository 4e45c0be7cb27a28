// For each source row: deletes its DEFINES of entities not in row.keep (a reload passes the ids the
// file defines now, a retraction nothing). sources.refresh-entities then drops the aliases and
// labels no source claims any more, and the entities no source or relationship holds.
UNWIND $rows AS row
MATCH (s:Source {id: row.source}) USING INDEX s:Source(id)
OPTIONAL MATCH (s)-[d:DEFINES]->(e:Entity)
WHERE NOT e.id IN row.keep
DELETE d
RETURN row.source AS source, count(d) AS removed
