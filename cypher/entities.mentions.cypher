// One page of the articles mentioning each entity, newest first (undated last), with the total:
// the node's MENTIONS degree, read without visiting each article (only articles MENTION, README.md, Graph model).
UNWIND $ids AS id
MATCH (e:Entity {id: id})
RETURN id,
  COUNT { (e)<-[:MENTIONS]-() } AS total,
  COLLECT {
    MATCH (e)<-[:MENTIONS]-(a:Article)
    RETURN a {.id, .title, .url, publishedAt: toString(a.publishedAt)}
    ORDER BY a.publishedAt IS NULL, a.publishedAt DESC, a.id
    SKIP $offset LIMIT $limit
  } AS items
