// Upserts quotes with their speaker (SAID), article (FROM) and subjects (ABOUT). A quote belongs to
// one article, stated by one file, so its row is the whole truth: its fields replace the node's, and
// a speaker, subject or article it no longer names loses its link (a changed speaker replaces the old
// SAID). The quote's own provenance (article, sentence, span) is on the Quote node and copied onto
// SAID and ABOUT. A node that has only its id right after the MERGE is new.
// Returns how many rows changed an existing quote (creations come from the counters).
// replan=skip: the plan made on an empty graph stays good (index hints, static types), and
// replanning this query as the graph grows costs more than the batches it would speed up.
CYPHER replan=skip
UNWIND $rows AS row
MATCH (art:Article {id: row.article}) USING INDEX art:Article(id)
MATCH (speaker:Person {id: row.speaker}) USING INDEX speaker:Person(id)
MERGE (q:Quote {id: row.id})
WITH art, speaker, q, row, size(keys(q)) = 1 AS isNew
WITH art, speaker, q, row, isNew,
     any(k IN keys(row.props) WHERE NOT coalesce(q[k] = row.props[k], false))
     OR any(k IN keys(q) WHERE k <> 'id' AND NOT k IN keys(row.props)) AS propsChange,
     COLLECT { MATCH (p:Person)-[said:SAID]->(q) WHERE p <> speaker RETURN said }
     + COLLECT { MATCH (q)-[from:FROM]->(other:Article) WHERE other <> art RETURN from }
     + COLLECT { MATCH (q)-[about:ABOUT]->(e:Entity) WHERE NOT e.id IN row.about RETURN about } AS stale
FOREACH (_ IN CASE WHEN propsChange THEN [1] ELSE [] END | SET q = row.props, q.id = row.id)
FOREACH (old IN stale | DELETE old)
MERGE (q)-[:FROM]->(art)
MERGE (speaker)-[said:SAID]->(q)
SET said.sources = [row.article], said.evidence = row.evidence
WITH q, row, isNew, propsChange, size(stale) > 0 AS linksChange
CALL (q, row) {
  UNWIND row.about AS aboutId
  MATCH (e:Entity {id: aboutId}) USING INDEX e:Entity(id)
  MERGE (q)-[about:ABOUT]->(e)
  SET about.sources = [row.article], about.evidence = row.evidence
}
RETURN count(*) AS rows, sum(CASE WHEN NOT isNew AND (propsChange OR linksChange) THEN 1 ELSE 0 END) AS updated
