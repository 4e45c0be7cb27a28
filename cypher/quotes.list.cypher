// Paging by key (src/graphql/cursor.ts): `key` is the item's sort key, whose ascending order is the
// list's order; the page is the items with key > $after and < $before (null: unbounded), the first
// $limit + 1 of them or, with $backward, the last $limit + 1 read from the end; `keys` holds
// each item's key, in the order of `items`.
// One page of quotes, newest article first, then in article order, with the total. The matching
// quotes are found once (the filters written once keep the query in one write of the driver). Filters (null =
// any): $speaker SAID it; it is ABOUT every entity of $about (a list: `about` and `summit` of
// Query.quotesWhere; src/data/quotes.ts); its speaker carries one of the labels $roles (Leader,
// Analyst, Official, Journalist). Quotes carry their article's id and date, so
// the page is cut before speakers and articles (without text) are looked up.
// With $speakerAffiliations, each item also brings its speaker's organizations, ordered as the
// affiliations column of people.lists orders them (else null).
// With $light (a request asking only light fields, src/graphql/projection.ts) it returns light
// projections of the entity nodes, {.id, .name} and the kind's small typed properties, instead of whole nodes.
CALL () {
  MATCH (q:Quote)
  WHERE ($speaker IS NULL OR EXISTS { (:Person {id: $speaker})-[:SAID]->(q) })
    AND all(a IN $about WHERE EXISTS { (q)-[:ABOUT]->(:Entity {id: a}) })
    AND ($roles IS NULL OR EXISTS { (sp:Person)-[:SAID]->(q) WHERE any(l IN labels(sp) WHERE l IN $roles) })
  RETURN collect(q) AS matching
}
CALL (matching) {
  UNWIND matching AS q
  WITH q, [q.publishedAt IS NULL, coalesce(duration.inDays(q.publishedAt, date('1970-01-01')).days, 0), coalesce(q.articleId, ''), coalesce(q.sentence, -1), q.id] AS key
  WHERE ($after IS NULL OR key > $after) AND ($before IS NULL OR key < $before)
  // Ascending, or with $backward descending (the first sort key is then the same null for all).
  WITH q, key ORDER BY CASE WHEN $backward THEN null ELSE key END, key DESC
  LIMIT $limit + 1
  OPTIONAL MATCH (sp:Person)-[:SAID]->(q)
  WITH q, key, sp ORDER BY CASE WHEN $backward THEN null ELSE key END, key DESC
  RETURN collect(key) AS keys, collect({quote: q {.id, .text, .sentence, .articleId}, speaker: CASE WHEN $light THEN sp {.id, .name} ELSE sp END, article: CASE WHEN $article THEN COLLECT { MATCH (a:Article {id: q.articleId}) RETURN a {.id, .title, .url, publishedAt: toString(a.publishedAt)} }[0] END,
    affiliations: CASE WHEN $speakerAffiliations AND sp IS NOT NULL THEN COLLECT {
      MATCH (sp)-[:AFFILIATED_WITH]->(o:Organization) WITH DISTINCT o RETURN CASE WHEN $light THEN o {.id, .name, .orgType} ELSE o END ORDER BY toLower(o.name), o.id
    } END
  }) AS items
}
RETURN size(matching) AS total, items, keys
