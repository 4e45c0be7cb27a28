// One page of articles, newest first (undated last), with the total.
MATCH (a:Article)
WITH a ORDER BY a.publishedAt IS NULL, a.publishedAt DESC, a.id
WITH collect(a {.id, .title, .url, publishedAt: toString(a.publishedAt)}) AS matched
RETURN size(matched) AS total, matched[$offset..$offset + $limit] AS items
