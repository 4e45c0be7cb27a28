// The neighborhood for hops = 1 (the default), answered like graph.neighborhood-2 and -3 (the
// template graph.neighborhood.cypher) but by a plain one-hop expansion: it touches only the center's relationships, where a shortest-path
// search costs seconds around a busy leader. Neighbors by name, at most $limit with the center.
// `around` keeps $limit neighbours (one more than fit) so that `truncated` is known without
// collecting every neighbour of a busy leader: a top-k sort instead of a full one. Each neighbour
// keeps the links that reached it, so the edges to and from the center come from that one
// expansion; only the edges among the other neighbours need theirs.
// Filters (graph.path has the same), each null or empty for none: $types (relationship types
// followed), $labels (kinds of the neighbours), $exclude (ids left out), $quotes (person -SAID->
// quote -ABOUT-> entity is a link, type SAID_ABOUT, with the quote's id), $maxDegree: the
// center's groups of relationships (type, direction, kind of the other end) with more than
// $maxDegree members are not listed but counted in `hubs` (collapsed), as are the relationships of
// every other entity of the answer with more than $maxDegree (a hub).
// Entity-to-entity traversals follow only the relationship types between entities
// ({{ENTITY_RELATIONSHIPS}}: RELATIONS in src/seed/model.ts): on a busy node Neo4j then reads only
// those, never the thousands of MENTIONS and ABOUT from articles and quotes that end there.
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
    MATCH (c)-[r:{{ENTITY_RELATIONSHIPS}}]-(n:Entity)
    WHERE n <> c AND ($types IS NULL OR type(r) IN $types) AND NOT n.id IN $exclude
      AND ($labels IS NULL OR any(l IN labels(n) WHERE l IN $labels))
      AND NOT type(r) + '/' + CASE WHEN startNode(r) = c THEN 'OUT' ELSE 'IN' END + '/' + [l IN labels(n) WHERE l IN ['Person', 'Country', 'Place', 'Summit', 'Talks', 'Organization', 'Topic']][0] IN big
    RETURN n, {from: startNode(r).id, to: endNode(r).id, type: type(r), quote: null} AS e
    UNION ALL
    WITH c WHERE $quotes
    MATCH (c)-[s:SAID|ABOUT]-(q:Quote)-[t:SAID|ABOUT]-(n:Entity)
    WHERE type(s) <> type(t) AND n <> c AND NOT n.id IN $exclude
      AND ($labels IS NULL OR any(l IN labels(n) WHERE l IN $labels))
    RETURN n, CASE type(s) WHEN 'SAID' THEN {from: c.id, to: n.id, type: 'SAID_ABOUT', quote: q.id}
      ELSE {from: n.id, to: c.id, type: 'SAID_ABOUT', quote: q.id} END AS e
  }
  WITH n, collect(e) AS rels
  RETURN {node: n, rels: rels} ORDER BY toLower(n.name), n.id
  LIMIT $limit
} AS around
WITH c, big, around[..($limit - 1)] AS kept, [k IN around[..($limit - 1)] | k.node] AS others, size(around) > $limit - 1 AS truncated
WITH c, big, kept, others, truncated, CASE WHEN c IS NULL THEN [] ELSE [c] + others END AS all
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
  CALL (kept, others) {
    UNWIND kept AS k
    UNWIND k.rels AS e
    RETURN e
    UNION ALL
    UNWIND others AS x
    MATCH (x)-[r:{{ENTITY_RELATIONSHIPS}}]->(y:Entity)
    WHERE y IN others AND ($types IS NULL OR type(r) IN $types)
    RETURN {from: x.id, to: y.id, type: type(r), quote: null} AS e
    UNION ALL
    UNWIND others AS x
    WITH x WHERE $quotes
    MATCH (x)-[:SAID]->(q:Quote)-[:ABOUT]->(y:Entity)
    WHERE y IN others
    RETURN {from: x.id, to: y.id, type: 'SAID_ABOUT', quote: q.id} AS e
  }
  RETURN e ORDER BY e.from, e.type, e.to, e.quote
} AS edges
