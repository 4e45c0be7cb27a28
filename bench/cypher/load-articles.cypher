// Loading baseline (npm run bench): article rows with outlet and authors, plain MERGE.
UNWIND $rows AS row
MERGE (a:Article {id: row.id})
SET a += row.props
WITH a, row
OPTIONAL MATCH (o:Organization {id: row.outlet}) USING INDEX o:Organization(id)
FOREACH (_ IN CASE WHEN o IS NULL THEN [] ELSE [1] END | MERGE (a)-[:PUBLISHED_BY]->(o))
WITH a, row
UNWIND row.authors AS authorId
MATCH (p:Person {id: authorId}) USING INDEX p:Person(id)
MERGE (a)-[:WRITTEN_BY]->(p)
