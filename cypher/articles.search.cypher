// Paging by key (src/graphql/cursor.ts): `key` is the item's sort key, whose ascending order is the
// list's order; the page is the items with key > $after and < $before (null: unbounded), the first
// $limit + 1 of them or, with $backward, the last $limit + 1 read from the end; `keys` holds
// each item's key, in the order of `items`.
// One page of the articles whose title matches the Lucene query $lucene (built and escaped by
// src/data/lucene.ts) in the full-text index article_titles, newest first, with the total.
CALL db.index.fulltext.queryNodes('article_titles', $lucene) YIELD node AS a
WITH a, [a.publishedAt IS NULL, coalesce(duration.inDays(a.publishedAt, date('1970-01-01')).days, 0), a.id] AS key
ORDER BY key
WITH collect({a: a {.id, .title, .url, publishedAt: toString(a.publishedAt)}, key: key}) AS matched
WITH size(matched) AS total, [m IN matched WHERE ($after IS NULL OR m.key > $after) AND ($before IS NULL OR m.key < $before)] AS window
WITH total, CASE WHEN $backward THEN reverse(window)[..$limit + 1] ELSE window[..$limit + 1] END AS window
RETURN total, [m IN window | m.a] AS items, [m IN window | m.key] AS keys
