// Paging by key (src/graphql/cursor.ts): `key` is the item's sort key, whose ascending order is the
// list's order; the page is the items with key > $after and < $before (null: unbounded), the first
// $limit + 1 of them or, with $backward, the last $limit + 1 read from the end; `keys` holds
// each item's key, in the order of `items`.
// One page of each person's quotes (optionally only those ABOUT entity $about), newest article
// first, then in article order; with the total. Quotes carry their article's id and date, so the
// page is cut before their articles (without text) are looked up.
// parent: the node itself for the ids in $carry, else null (look-ahead, src/graphql/lookahead.ts).
// With $speakerAffiliations, each item also brings its speaker's organizations, ordered as the
// affiliations column of people.lists orders them (else null).
// With $light (a request asking only light fields, src/graphql/projection.ts) it returns light
// projections of the entity nodes, {.id, .name} and the kind's small typed properties, instead of whole nodes.
UNWIND $ids AS id
MATCH (p:Person {id: id})
WITH id, CASE WHEN NOT id IN $carry THEN null WHEN $light THEN p {.id, .name} ELSE p END AS parent,
  COUNT {
    MATCH (p)-[:SAID]->(q:Quote)
    WHERE $about IS NULL OR EXISTS { (q)-[:ABOUT]->(:Entity {id: $about}) }
  } AS total,
  COLLECT {
    MATCH (p)-[:SAID]->(q:Quote)
    WHERE $about IS NULL OR EXISTS { (q)-[:ABOUT]->(:Entity {id: $about}) }
    WITH q, [q.publishedAt IS NULL, coalesce(duration.inDays(q.publishedAt, date('1970-01-01')).days, 0), coalesce(q.articleId, ''), coalesce(q.sentence, -1), q.id] AS key
    WHERE ($after IS NULL OR key > $after) AND ($before IS NULL OR key < $before)
    WITH q, key ORDER BY CASE WHEN $backward THEN null ELSE key END, key DESC
    LIMIT $limit + 1
    RETURN {key: key, item: {quote: q {.id, .text, .sentence, .articleId}, speaker: CASE WHEN $light THEN p {.id, .name} ELSE p END, article: CASE WHEN $article THEN COLLECT { MATCH (a:Article {id: q.articleId}) RETURN a {.id, .title, .url, publishedAt: toString(a.publishedAt)} }[0] END,
      affiliations: CASE WHEN $speakerAffiliations AND p IS NOT NULL THEN COLLECT {
        MATCH (p)-[:AFFILIATED_WITH]->(o:Organization) WITH DISTINCT o RETURN CASE WHEN $light THEN o {.id, .name, .orgType} ELSE o END ORDER BY toLower(o.name), o.id
      } END}}
  } AS page
RETURN id, parent, total, [x IN page | x.item] AS items, [x IN page | x.key] AS keys
