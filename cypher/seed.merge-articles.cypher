// Upserts article nodes with their outlet (PUBLISHED_BY) and authors (WRITTEN_BY). An article is
// stated by one file, so its row is the whole truth: its fields replace the node's (a field the file
// no longer gives goes), and an outlet or author it no longer names loses its link. A node that has
// only its id right after the MERGE is new.
// Returns how many rows changed an existing article (creations come from the counters).
// replan=skip: the plan made on an empty graph stays good (index hints, static types), and
// replanning this query as the graph grows costs more than the batches it would speed up.
CYPHER replan=skip
UNWIND $rows AS row
MERGE (a:Article {id: row.id})
WITH a, row, size(keys(a)) = 1 AS isNew
WITH a, row, isNew,
     any(k IN keys(row.props) WHERE NOT coalesce(a[k] = row.props[k], false))
     OR any(k IN keys(a) WHERE k <> 'id' AND NOT k IN keys(row.props)) AS propsChange
FOREACH (_ IN CASE WHEN propsChange THEN [1] ELSE [] END | SET a = row.props, a.id = row.id)
WITH a, row, isNew, propsChange
CALL (a, row) {
  OPTIONAL MATCH (a)-[old:PUBLISHED_BY]->(o:Organization)
  WHERE o.id <> row.outlet OR row.outlet IS NULL
  DELETE old
}
CALL (a, row) {
  OPTIONAL MATCH (a)-[old:WRITTEN_BY]->(p:Person)
  WHERE NOT p.id IN row.authors
  DELETE old
}
CALL (a, row) {
  OPTIONAL MATCH (o:Organization {id: row.outlet}) USING INDEX o:Organization(id)
  FOREACH (_ IN CASE WHEN o IS NULL THEN [] ELSE [1] END | MERGE (a)-[:PUBLISHED_BY]->(o))
}
CALL (a, row) {
  UNWIND row.authors AS authorId
  MATCH (p:Person {id: authorId}) USING INDEX p:Person(id)
  MERGE (a)-[:WRITTEN_BY]->(p)
}
RETURN count(*) AS rows, sum(CASE WHEN NOT isNew AND propsChange THEN 1 ELSE 0 END) AS updated
