// Those of $ids that are quotes in the graph, with the article each belongs to and the file that
// article was loaded from: a load may not take another article's quote.
UNWIND $ids AS id
MATCH (q:Quote {id: id}) USING INDEX q:Quote(id)
OPTIONAL MATCH (s:Source {id: q.articleId})
RETURN q.id AS id, q.articleId AS article, s.file AS file
