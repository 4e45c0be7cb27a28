// The load records of those of $ids that exist: kind, file, the relationships each source stated
// (its manifest), the entities it defines, and, for an article, every entity it links to (mentions,
// outlet, authors, its quotes' speakers and subjects): what a reload or a retraction has to take
// back and then bring in line (sources.unstate-*, sources.refresh-entities).
UNWIND $ids AS id
MATCH (s:Source {id: id}) USING INDEX s:Source(id)
OPTIONAL MATCH (a:Article {id: id}) USING INDEX a:Article(id)
RETURN s.id AS id, s.kind AS kind, s.file AS file, coalesce(s.relations, []) AS relations,
       COLLECT { MATCH (s)-[:DEFINES]->(e:Entity) RETURN e.id } AS defined,
       CASE WHEN a IS NULL THEN [] ELSE
         COLLECT { MATCH (a)-[:MENTIONS|PUBLISHED_BY|WRITTEN_BY]->(e:Entity) RETURN e.id }
         + COLLECT { MATCH (a)<-[:FROM]-(:Quote)-[:ABOUT]->(e:Entity) RETURN e.id }
         + COLLECT { MATCH (a)<-[:FROM]-(:Quote)<-[:SAID]-(e:Entity) RETURN e.id }
       END AS linked,
       CASE WHEN a IS NULL THEN [] ELSE COLLECT { MATCH (a)<-[:FROM]-(q:Quote) RETURN q.id } END AS quotes
