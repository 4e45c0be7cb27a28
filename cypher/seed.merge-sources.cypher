// Upserts the load records (Source nodes) of the files being written: one per seed file or ingested
// article, id = the file's source id (an article id, or ref:<slug> for a file without an article).
// `relations` lists what the source states (type, from, to, key per relationship), so that a reload
// or a retraction takes back exactly what it said before; `kind` tells reviewed files from extracted
// articles (a reviewed article is never replaced by an extracted one); `file` is where it was last
// loaded from. Runs first in a write transaction: entity rows MERGE their DEFINES from these nodes.
// Returns how many rows changed an existing source (creations come from the counters).
CYPHER replan=skip
UNWIND $rows AS row
MERGE (s:Source {id: row.id})
WITH s, row, s.kind IS NULL AS isNew
WITH s, row, isNew, NOT isNew AND (s.kind <> row.kind OR coalesce(s.relations, []) <> row.relations) AS changed
SET s.kind = row.kind, s.file = row.file, s.relations = row.relations
RETURN count(*) AS rows, sum(CASE WHEN changed THEN 1 ELSE 0 END) AS updated
