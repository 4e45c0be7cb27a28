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
RETURN id, CASE WHEN NOT id IN $carry THEN null WHEN $light THEN s {.id, .name, date: toString(s.date)} ELSE s END AS parent,
  COUNT { (s)<-[:ABOUT]-() } AS total,
  COLLECT {
    MATCH (s)<-[:ABOUT]-(q)
    WITH q ORDER BY q.publishedAt IS NULL, q.publishedAt DESC, q.articleId, q.sentence, q.id
    SKIP $offset LIMIT $limit
    OPTIONAL MATCH (sp:Person)-[:SAID]->(q)
    WITH q, sp ORDER BY q.publishedAt IS NULL, q.publishedAt DESC, q.articleId, q.sentence, q.id
    RETURN {quote: q {.id, .text, .sentence, .articleId}, speaker: CASE WHEN $light THEN sp {.id, .name} ELSE sp END, article: CASE WHEN $article THEN COLLECT { MATCH (a:Article {id: q.articleId}) RETURN a {.id, .title, .url, publishedAt: toString(a.publishedAt)} }[0] END,
      affiliations: CASE WHEN $speakerAffiliations AND sp IS NOT NULL THEN COLLECT {
        MATCH (sp)-[:AFFILIATED_WITH]->(o:Organization) WITH DISTINCT o RETURN CASE WHEN $light THEN o {.id, .name, .orgType} ELSE o END ORDER BY toLower(o.name), o.id
      } END}
  } AS items
