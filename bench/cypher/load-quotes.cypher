// Loading baseline (npm run bench): quote rows with SAID, FROM and ABOUT, plain MERGE.
UNWIND $rows AS row
MATCH (art:Article {id: row.article}) USING INDEX art:Article(id)
MATCH (speaker:Person {id: row.speaker}) USING INDEX speaker:Person(id)
MERGE (q:Quote {id: row.id})
SET q += row.props
MERGE (q)-[:FROM]->(art)
MERGE (speaker)-[said:SAID]->(q)
SET said.sources = [row.article], said.evidence = row.evidence
WITH q, row
UNWIND row.about AS aboutId
MATCH (e:Entity {id: aboutId}) USING INDEX e:Entity(id)
MERGE (q)-[about:ABOUT]->(e)
SET about.sources = [row.article], about.evidence = row.evidence
