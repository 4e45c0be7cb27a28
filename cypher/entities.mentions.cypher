// Paging by key (src/graphql/cursor.ts): `key` is the item's sort key, whose ascending order is the
// list's order; the page is the items with key > $after and < $before (null: unbounded), the first
// $limit + 1 of them or, with $backward, the last $limit + 1 read from the end; `keys` holds
// each item's key, in the order of `items`.
// One page of the articles mentioning each entity, newest first (undated last), with the total:
// the node's MENTIONS degree, read without visiting each article (only articles MENTION, README.md, Graph model).
UNWIND $ids AS id
MATCH (e:Entity {id: id})
WITH id, COUNT { (e)<-[:MENTIONS]-() } AS total,
  COLLECT {
    MATCH (e)<-[:MENTIONS]-(a:Article)
    WITH a, [a.publishedAt IS NULL, coalesce(duration.inDays(a.publishedAt, date('1970-01-01')).days, 0), a.id] AS key
    WHERE ($after IS NULL OR key > $after) AND ($before IS NULL OR key < $before)
    WITH a, key ORDER BY CASE WHEN $backward THEN null ELSE key END, key DESC
    LIMIT $limit + 1
    RETURN {key: key, item: a {.id, .title, .url, publishedAt: toString(a.publishedAt)}}
  } AS page
RETURN id, total, [x IN page | x.item] AS items, [x IN page | x.key] AS keys
