// Articles about each summit: those that MENTION it plus those reporting a quote ABOUT it, each
// once, newest first.
UNWIND $ids AS id
MATCH (s:Summit {id: id})
RETURN id, COLLECT {
  CALL (s) {
    MATCH (s)<-[:MENTIONS]-(a:Article)
    RETURN a
    UNION
    MATCH (s)<-[:ABOUT]-(:Quote)-[:FROM]->(a:Article)
    RETURN a
  }
  RETURN a {.id, .title, .url, publishedAt: toString(a.publishedAt)}
  ORDER BY a.publishedAt IS NULL, a.publishedAt DESC, a.id
} AS items
