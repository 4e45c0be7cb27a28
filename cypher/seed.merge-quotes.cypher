// Upserts quotes with their speaker (SAID), article (FROM) and subjects (ABOUT). The quote's own
// provenance (article, sentence, span) is on the Quote node and copied onto SAID.
UNWIND $rows AS row
MATCH (art:Article {id: row.article})
MATCH (speaker:Person {id: row.speaker})
OPTIONAL MATCH (old:Quote {id: row.id})
WITH art, speaker, row, old IS NULL AS isNew, CASE WHEN old IS NULL THEN null ELSE properties(old) END AS before
MERGE (q:Quote {id: row.id})
SET q += row.props
MERGE (q)-[:FROM]->(art)
MERGE (speaker)-[said:SAID]->(q)
SET said.sources = [row.article], said.evidence = row.evidence
WITH q, row, isNew, before, properties(q) AS after
CALL (q, row) {
  UNWIND row.about AS aboutId
  MATCH (e:Entity {id: aboutId})
  MERGE (q)-[about:ABOUT]->(e)
  SET about.sources = [row.article], about.evidence = row.evidence
}
RETURN sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS created,
       sum(CASE WHEN NOT isNew AND before <> after THEN 1 ELSE 0 END) AS updated
