// Loading baseline (npm run bench): Article -MENTIONS-> Entity rows, plain MERGE.
UNWIND $rows AS row
MATCH (a:Article {id: row.article}) USING INDEX a:Article(id)
MATCH (e:Entity {id: row.entity}) USING INDEX e:Entity(id)
MERGE (a)-[r:MENTIONS]->(e)
SET r.sources = [row.article], r.evidence = row.evidence
