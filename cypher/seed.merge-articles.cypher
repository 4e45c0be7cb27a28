// Upserts article nodes with their outlet (PUBLISHED_BY) and authors (WRITTEN_BY).
UNWIND $rows AS row
OPTIONAL MATCH (old:Article {id: row.id})
WITH row, old IS NULL AS isNew, CASE WHEN old IS NULL THEN null ELSE properties(old) END AS before
MERGE (a:Article {id: row.id})
SET a += row.props
WITH a, row, isNew, before, properties(a) AS after
CALL (a, row) {
  OPTIONAL MATCH (o:Organization {id: row.outlet})
  FOREACH (_ IN CASE WHEN o IS NULL THEN [] ELSE [1] END | MERGE (a)-[:PUBLISHED_BY]->(o))
}
CALL (a, row) {
  UNWIND row.authors AS authorId
  MATCH (p:Person {id: authorId})
  MERGE (a)-[:WRITTEN_BY]->(p)
}
RETURN sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS created,
       sum(CASE WHEN NOT isNew AND before <> after THEN 1 ELSE 0 END) AS updated
