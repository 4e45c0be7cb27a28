// A shortest path of at most {{MAX_HOPS}} hops between entities $from and $to, through Entity nodes
// only (no articles or quotes). A template: a quantified path's bound cannot be a parameter, and a
// wider bound filtered afterwards would search that far for ends that are not connected, so the
// registry makes one query per allowed maxHops (graph.path-1 .. graph.path-6, QUERY_TEMPLATES in
// src/db/query-names.ts). Also reports whether each end exists. The caller handles $from = $to (a
// zero-length path; the shortest-path search refuses equal ends).
// Entity-to-entity traversals follow only the relationship types between entities
// ({{ENTITY_RELATIONSHIPS}}: RELATIONS in src/seed/model.ts): on a busy node Neo4j then reads only
// those, never the thousands of MENTIONS and ABOUT from articles and quotes that end there.
// With $light (a request asking only light fields, src/graphql/projection.ts) it returns light
// projections of the entity nodes, {.id, .name} and every kind's small typed properties, instead of
// whole nodes; with $names, {.id, .name} alone.
OPTIONAL MATCH (a:Entity {id: $from})
OPTIONAL MATCH (b:Entity {id: $to})
RETURN a IS NOT NULL AS fromFound, b IS NOT NULL AS toFound, COLLECT {
  MATCH p = SHORTEST 1 (a)(()-[:{{ENTITY_RELATIONSHIPS}}]-(:Entity)){1,{{MAX_HOPS}}}(b)
  RETURN {
    nodes: [x IN nodes(p) | CASE WHEN $names THEN x {.id, .name} WHEN $light THEN x {.id, .name, date: toString(x.date), .isoCode, .placeType, .orgType, .startYear, .endYear} ELSE x END],
    steps: [i IN range(0, length(p) - 1) |
      {type: type(relationships(p)[i]), out: startNode(relationships(p)[i]) = nodes(p)[i]}]
  }
}[0] AS path
