// The entities within {{HOPS}} relationships of entity $id: nearest first then by name, at most
// $limit including the center, and every link among them. Each entity's distance is its shortest
// path's length in links. A template: the quantifier's bound cannot be a parameter, so the registry
// makes one query per bound (graph.neighborhood-2, -3, and -4 and -6 for 2 and 3 hops through
// quotes, where a link is two relationships; QUERY_TEMPLATES in src/db/query-names.ts); hops = 1 is
// graph.neighborhood-1, a plain one-hop expansion, which around a busy leader costs far less than a
// shortest-path search.
// Two branches, one runs: entities only (not $quotes: the relationship pattern names only the fact
// types, so a busy node's ABOUT are never read), or through quotes.
// Filters as graph.neighborhood-1 has them: $types, $labels (kinds of the entities reached and
// stepped through), $exclude, $quotes (person -SAID-> quote -ABOUT-> entity is one link, type
// SAID_ABOUT, a quote between two ABOUTs none: the path predicate inside the parenthesized pattern
// prunes during the search), $maxDegree: an entity with more entity relationships than that is a
// hub, reached but never stepped through; the center's groups of more than $maxDegree (type,
// direction, kind) are not followed; both are counted in `hubs`. $hops: the links kept.
// Entity-to-entity traversals follow only the relationship types between entities
// ({{ENTITY_RELATIONSHIPS}}: RELATIONS in src/seed/model.ts): on a busy node Neo4j then reads only
// those, never the thousands of MENTIONS and ABOUT from articles that end there.
// With $light (a request asking only light fields, src/graphql/projection.ts) it returns light
// projections of the entity nodes, {.id, .name} and every kind's small typed properties, instead of
// whole nodes; with $names, {.id, .name} alone.
OPTIONAL MATCH (c:Entity {id: $id})
WITH c, CASE WHEN $maxDegree IS NULL OR c IS NULL THEN [] ELSE COLLECT {
  MATCH (c)-[r:{{ENTITY_RELATIONSHIPS}}]-(o:Entity)
  WHERE $types IS NULL OR type(r) IN $types
  WITH type(r) + '/' + CASE WHEN startNode(r) = c THEN 'OUT' ELSE 'IN' END + '/' + [l IN labels(o) WHERE l IN ['Person', 'Country', 'Place', 'Summit', 'Talks', 'Organization', 'Topic']][0] AS g, count(*) AS n
  WHERE n > $maxDegree
  RETURN g
} END AS big
WITH c, big, COLLECT {
  CALL (c, big) {
    WITH c, big WHERE NOT $quotes
    MATCH p = ANY SHORTEST (c)((x)-[r:{{ENTITY_RELATIONSHIPS}}]-(y:Entity)
        WHERE ($types IS NULL OR type(r) IN $types) AND NOT y.id IN $exclude AND ($labels IS NULL OR any(l IN labels(y) WHERE l IN $labels))
          AND (x = c OR $maxDegree IS NULL OR COUNT { (x)-[:{{ENTITY_RELATIONSHIPS}}]-() } <= $maxDegree)
          AND NOT (x = c AND type(r) + '/' + CASE WHEN startNode(r) = x THEN 'OUT' ELSE 'IN' END + '/' + [l IN labels(y) WHERE l IN ['Person', 'Country', 'Place', 'Summit', 'Talks', 'Organization', 'Topic']][0] IN big)
      ){1,{{HOPS}}}(n:Entity)
    RETURN p, n
    UNION ALL
    WITH c, big WHERE $quotes
    MATCH p = ANY SHORTEST ((c)((x)-[r:{{ENTITY_RELATIONSHIPS}}|SAID|ABOUT]-(y)
        WHERE CASE WHEN type(r) IN ['SAID', 'ABOUT'] THEN true ELSE $types IS NULL OR type(r) IN $types END
          AND (y:Quote OR (y:Entity AND NOT y.id IN $exclude AND ($labels IS NULL OR any(l IN labels(y) WHERE l IN $labels))))
          AND (x = c OR x:Quote OR $maxDegree IS NULL OR COUNT { (x)-[:{{ENTITY_RELATIONSHIPS}}]-() } <= $maxDegree)
          AND NOT (x = c AND y:Entity AND type(r) + '/' + CASE WHEN startNode(r) = x THEN 'OUT' ELSE 'IN' END + '/' + [l IN labels(y) WHERE l IN ['Person', 'Country', 'Place', 'Summit', 'Talks', 'Organization', 'Topic']][0] IN big)
      ){1,{{HOPS}}}(n:Entity)
      WHERE all(i IN range(1, size(r) - 1) WHERE NOT y[i - 1]:Quote OR type(r[i - 1]) <> type(r[i])))
    RETURN p, n
  }
  WITH n, length(p) - size([q IN nodes(p) WHERE q:Quote]) AS links
  WHERE n <> c AND links <= $hops
  RETURN {node: n, distance: links} ORDER BY links, toLower(n.name), n.id
} AS around
WITH c, big, around, [x IN around[..($limit - 1)] | x.node] AS others, size(around) > $limit - 1 AS truncated
WITH c, big, others, truncated, CASE WHEN c IS NULL THEN [] ELSE [c] + others END AS all
CALL (c, big, all) {
  UNWIND CASE WHEN $maxDegree IS NULL THEN [] ELSE all END AS h
  WITH h, COUNT { (h)-[:{{ENTITY_RELATIONSHIPS}}]-() } AS degree
  WHERE (h = c AND size(big) > 0) OR (h <> c AND degree > $maxDegree)
  CALL (h, c, big) {
    MATCH (h)-[r:{{ENTITY_RELATIONSHIPS}}]-(o:Entity)
    WHERE $types IS NULL OR type(r) IN $types
    WITH type(r) AS type, CASE WHEN startNode(r) = h THEN 'OUT' ELSE 'IN' END AS direction, [l IN labels(o) WHERE l IN ['Person', 'Country', 'Place', 'Summit', 'Talks', 'Organization', 'Topic']][0] AS kind, count(*) AS count
    ORDER BY count DESC, type, direction, kind
    RETURN collect({type: type, direction: direction, kind: kind, count: count, collapsed: h <> c OR type + '/' + direction + '/' + kind IN big}) AS groups
  }
  WITH h, degree, groups ORDER BY h.id
  RETURN collect({id: h.id, degree: degree, groups: groups}) AS hubs
}
RETURN c IS NOT NULL AS found, [x IN all | CASE WHEN $names THEN x {.id, .name} WHEN $light THEN x {.id, .name, date: toString(x.date), .isoCode, .placeType, .orgType, .startYear, .endYear} ELSE x END] AS nodes, truncated, hubs, COLLECT {
  CALL (all) {
    UNWIND all AS x
    MATCH (x)-[r:{{ENTITY_RELATIONSHIPS}}]->(y:Entity)
    WHERE y IN all AND ($types IS NULL OR type(r) IN $types)
    RETURN {from: x.id, to: y.id, type: type(r), quote: null} AS e
    UNION ALL
    UNWIND all AS x
    WITH x, all WHERE $quotes
    MATCH (x)-[:SAID]->(q:Quote)-[:ABOUT]->(y:Entity)
    WHERE y IN all
    RETURN {from: x.id, to: y.id, type: 'SAID_ABOUT', quote: q.id} AS e
  }
  RETURN e ORDER BY e.from, e.type, e.to, e.quote
} AS edges
