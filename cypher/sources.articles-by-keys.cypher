// Articles that may be the same as a new one: the same id, the same URL key or the same title key
// (src/seed/identity.ts), with their identity keys, date and load record. Each row of $rows is
// {i, id, urlKey, titleKey}; results carry the row's i.
UNWIND $rows AS row
CALL (row) {
  MATCH (a:Article {id: row.id}) RETURN a
  UNION
  MATCH (a:Article {urlKey: row.urlKey}) RETURN a
  UNION
  MATCH (a:Article {titleKey: row.titleKey}) RETURN a
}
OPTIONAL MATCH (s:Source {id: a.id})
RETURN row.i AS i, a.id AS id, a.urlKey AS urlKey, a.titleKey AS titleKey, a.outletKey AS outletKey,
       toString(a.publishedAt) AS publishedAt, a.title AS title, s.kind AS kind, s.file AS file
