// The load records of those of $ids that exist, with their article's title and URL when they are
// articles (what `npm run retract` shows and ingest checks conflicts against).
UNWIND $ids AS id
MATCH (s:Source {id: id}) USING INDEX s:Source(id)
OPTIONAL MATCH (a:Article {id: id}) USING INDEX a:Article(id)
RETURN s.id AS id, s.kind AS kind, s.file AS file, a.title AS title, a.url AS url
