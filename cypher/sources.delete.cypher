// Deletes the load records of retracted sources (their articles, DEFINES, mentions and quotes are
// taken back before: src/seed/replace.ts).
UNWIND $ids AS id
MATCH (s:Source {id: id}) USING INDEX s:Source(id)
DETACH DELETE s
RETURN count(*) AS rows
