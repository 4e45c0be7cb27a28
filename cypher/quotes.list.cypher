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
  WITH q ORDER BY q.publishedAt IS NULL, q.publishedAt DESC, q.articleId, q.sentence, q.id
  SKIP $offset LIMIT $limit
  OPTIONAL MATCH (sp:Person)-[:SAID]->(q)
  WITH q, sp ORDER BY q.publishedAt IS NULL, q.publishedAt DESC, q.articleId, q.sentence, q.id
  RETURN collect({quote: q {.id, .text, .sentence, .articleId}, speaker: CASE WHEN $light THEN sp {.id, .name} ELSE sp END, article: CASE WHEN $article THEN COLLECT { MATCH (a:Article {id: q.articleId}) RETURN a {.id, .title, .url, publishedAt: toString(a.publishedAt)} }[0] END,
    affiliations: CASE WHEN $speakerAffiliations AND sp IS NOT NULL THEN COLLECT {
      MATCH (sp)-[:AFFILIATED_WITH]->(o:Organization) WITH DISTINCT o RETURN CASE WHEN $light THEN o {.id, .name, .orgType} ELSE o END ORDER BY toLower(o.name), o.id
    } END
  }) AS items
}
RETURN size(matching) AS total, items
