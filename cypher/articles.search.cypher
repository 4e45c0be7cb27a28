// One page of the articles whose title matches the Lucene query $lucene (built and escaped by
// src/data/lucene.ts) in the full-text index article_titles, newest first, with the total.
CALL db.index.fulltext.queryNodes('article_titles', $lucene) YIELD node AS a
WITH a ORDER BY a.publishedAt IS NULL, a.publishedAt DESC, a.id
WITH collect(a {.id, .title, .url, publishedAt: toString(a.publishedAt)}) AS matched
RETURN size(matched) AS total, matched[$offset..$offset + $limit] AS items
