// Shortest paths of at most {{MAX_HOPS}} relationships between entities $from and $to, and whether
// each end exists. A template: a quantified path's bound cannot be a parameter, and a wider bound
// filtered afterwards would search that far for ends that are not connected, so the registry makes
// one query per bound (graph.path-1 .. graph.path-12, QUERY_TEMPLATES in src/db/query-names.ts).
// The caller handles $from = $to (a zero-length path; the shortest-path search refuses equal ends).
// Three branches, one runs (by the parameters):
// - $k = 1 and not $quotes (Query.path, paths(first: 1)): SHORTEST 1 through entities only;
// - $k > 1 and not $quotes: SHORTEST 10 (SHORTEST takes no parameter in Neo4j 5.26), cut to $k later;
// - $quotes: also through quotes, where person -SAID-> quote -ABOUT-> entity is one link (a quote
//   between two ABOUTs, two subjects of one quote, is no link: the path predicate inside the
//   parenthesized pattern prunes during the search, where a WHERE after it would filter after
//   selection). The caller asks for twice the links in relationships and the paths are cut to
//   $maxLinks links here.
// Filters, each null or empty for none: $types (relationship types followed), $labels (kinds of the
// intermediate entities), $exclude (ids never stepped through), $maxDegree (an intermediate entity
// with more entity relationships than this is a hub and is not stepped through).
// Entity-to-entity traversals follow only the relationship types between entities
// ({{ENTITY_RELATIONSHIPS}}: RELATIONS in src/seed/model.ts): on a busy node Neo4j then reads only
// those, never the thousands of MENTIONS and ABOUT from articles that end there.
// With $light (a request asking only light fields, src/graphql/projection.ts) it returns light
// projections of the entity nodes, {.id, .name} and every kind's small typed properties, instead of
// whole nodes; with $names, {.id, .name} alone. Quote nodes come as {.id} with quote: true.
OPTIONAL MATCH (a:Entity {id: $from})
OPTIONAL MATCH (b:Entity {id: $to})
RETURN a IS NOT NULL AS fromFound, b IS NOT NULL AS toFound, COLLECT {
  CALL (a, b) {
    WITH a, b WHERE $k = 1 AND NOT $quotes
    MATCH p = SHORTEST 1 (a)(()-[r:{{ENTITY_RELATIONSHIPS}} WHERE $types IS NULL OR type(r) IN $types]-(y:Entity WHERE y = b OR (NOT y.id IN $exclude AND ($labels IS NULL OR any(l IN labels(y) WHERE l IN $labels)) AND ($maxDegree IS NULL OR COUNT { (y)-[:{{ENTITY_RELATIONSHIPS}}]-() } <= $maxDegree)))){1,{{MAX_HOPS}}}(b)
    RETURN p
    UNION ALL
    WITH a, b WHERE $k > 1 AND NOT $quotes
    MATCH p = SHORTEST 10 (a)(()-[r:{{ENTITY_RELATIONSHIPS}} WHERE $types IS NULL OR type(r) IN $types]-(y:Entity WHERE y = b OR (NOT y.id IN $exclude AND ($labels IS NULL OR any(l IN labels(y) WHERE l IN $labels)) AND ($maxDegree IS NULL OR COUNT { (y)-[:{{ENTITY_RELATIONSHIPS}}]-() } <= $maxDegree)))){1,{{MAX_HOPS}}}(b)
    RETURN p
    UNION ALL
    WITH a, b WHERE $quotes
    MATCH p = SHORTEST 10 ((a)(()-[r:{{ENTITY_RELATIONSHIPS}}|SAID|ABOUT WHERE $types IS NULL OR type(r) IN $types OR type(r) IN ['SAID', 'ABOUT']]-(y WHERE y = b OR y:Quote OR (y:Entity AND NOT y.id IN $exclude AND ($labels IS NULL OR any(l IN labels(y) WHERE l IN $labels)) AND ($maxDegree IS NULL OR COUNT { (y)-[:{{ENTITY_RELATIONSHIPS}}]-() } <= $maxDegree)))){1,{{MAX_HOPS}}}(b)
      WHERE all(i IN range(1, size(r) - 1) WHERE NOT y[i - 1]:Quote OR type(r[i - 1]) <> type(r[i])))
    RETURN p
  }
  WITH p, length(p) - size([x IN nodes(p) WHERE x:Quote]) AS links
  WHERE links <= $maxLinks
  RETURN {
    links: links,
    nodes: [x IN nodes(p) | CASE WHEN x:Quote THEN {id: x.id, quote: true} WHEN $names THEN x {.id, .name} WHEN $light THEN x {.id, .name, date: toString(x.date), .isoCode, .placeType, .orgType, .startYear, .endYear} ELSE x END],
    steps: [i IN range(0, length(p) - 1) |
      {type: type(relationships(p)[i]), out: startNode(relationships(p)[i]) = nodes(p)[i]}]
  } ORDER BY links, length(p)
}[..$limit] AS paths
