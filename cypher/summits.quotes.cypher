// Paging by key (src/graphql/cursor.ts): `key` is the item's sort key, whose ascending order is the
// list's order; the page is the items with key > $after and < $before (null: unbounded), the first
// $limit + 1 of them or, with $backward, the last $limit + 1 read from the end; `keys` holds
// each item's key, in the order of `items`.
// One page of the quotes ABOUT each summit, newest article first, then in article order; with the
// total. Each item carries its speaker node and its article (without text) so the caller can prime
// the entity and article loaders. Quotes carry their article's id and date (copied at load), so the
// page is cut without visiting articles, and speakers and articles are looked up for the page only
// (a busy summit has thousands of quotes). Only quotes are ABOUT anything (README.md, Graph model), so the total
// is the node's ABOUT degree (read from the node, not by visiting each quote) and the page walks
// ABOUT without checking each quote's label.
// parent: the node itself for the ids in $carry, else null (look-ahead, src/graphql/lookahead.ts).
// With $speakerAffiliations, each item also brings its speaker's organizations, ordered as the
// affiliations column of people.lists orders them (else null).
// With $light (a request asking only light fields, src/graphql/projection.ts) it returns light
// projections of the entity nodes, {.id, .name} and the kind's small typed properties, instead of whole nodes.
UNWIND $ids AS id
MATCH (s:Summit {id: id})
WITH id, CASE WHEN NOT id IN $carry THEN null WHEN $light THEN s {.id, .name, date: toString(s.date)} ELSE s END AS parent,
  COUNT { (s)<-[:ABOUT]-() } AS total,
  COLLECT {
    MATCH (s)<-[:ABOUT]-(q)
    WITH q, [q.publishedAt IS NULL, coalesce(duration.inDays(q.publishedAt, date('1970-01-01')).days, 0), coalesce(q.articleId, ''), coalesce(q.sentence, -1), q.id] AS key
    WHERE ($after IS NULL OR key > $after) AND ($before IS NULL OR key < $before)
    WITH q, key ORDER BY CASE WHEN $backward THEN null ELSE key END, key DESC
    LIMIT $limit + 1
    OPTIONAL MATCH (sp:Person)-[:SAID]->(q)
    WITH q, key, sp ORDER BY CASE WHEN $backward THEN null ELSE key END, key DESC
    RETURN {key: key, item: {quote: q {.id, .text, .sentence, .articleId}, speaker: CASE WHEN $light THEN sp {.id, .name} ELSE sp END, article: CASE WHEN $article THEN COLLECT { MATCH (a:Article {id: q.articleId}) RETURN a {.id, .title, .url, publishedAt: toString(a.publishedAt)} }[0] END,
      affiliations: CASE WHEN $speakerAffiliations AND sp IS NOT NULL THEN COLLECT {
        MATCH (sp)-[:AFFILIATED_WITH]->(o:Organization) WITH DISTINCT o RETURN CASE WHEN $light THEN o {.id, .name, .orgType} ELSE o END ORDER BY toLower(o.name), o.id
      } END}}
  } AS page
RETURN id, parent, total, [x IN page | x.item] AS items, [x IN page | x.key] AS keys
