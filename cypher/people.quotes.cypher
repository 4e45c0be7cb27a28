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
RETURN id, CASE WHEN NOT id IN $carry THEN null WHEN $light THEN p {.id, .name} ELSE p END AS parent,
  COUNT {
    MATCH (p)-[:SAID]->(q:Quote)
    WHERE $about IS NULL OR EXISTS { (q)-[:ABOUT]->(:Entity {id: $about}) }
  } AS total,
  COLLECT {
    MATCH (p)-[:SAID]->(q:Quote)
    WHERE $about IS NULL OR EXISTS { (q)-[:ABOUT]->(:Entity {id: $about}) }
    WITH q ORDER BY q.publishedAt IS NULL, q.publishedAt DESC, q.articleId, q.sentence, q.id
    SKIP $offset LIMIT $limit
    RETURN {quote: q {.id, .text, .sentence, .articleId}, speaker: CASE WHEN $light THEN p {.id, .name} ELSE p END, article: CASE WHEN $article THEN COLLECT { MATCH (a:Article {id: q.articleId}) RETURN a {.id, .title, .url, publishedAt: toString(a.publishedAt)} }[0] END,
      affiliations: CASE WHEN $speakerAffiliations AND p IS NOT NULL THEN COLLECT {
        MATCH (p)-[:AFFILIATED_WITH]->(o:Organization) WITH DISTINCT o RETURN CASE WHEN $light THEN o {.id, .name, .orgType} ELSE o END ORDER BY toLower(o.name), o.id
      } END}
  } AS items
