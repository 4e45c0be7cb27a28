// Summits of each country, oldest first: held in it (HELD_IN a place LOCATED_IN it, through
// enclosing places), or attended by a person who LEADS it and was in office on the summit's date.
// Open or unknown term ends and undated summits count as in office. UNION keeps each summit once.
// parent: the node itself for the ids in $carry, else null (look-ahead, src/graphql/lookahead.ts).
// With $light (a request asking only light fields, src/graphql/projection.ts) it returns light
// projections of the entity nodes, {.id, .name} and the kind's small typed properties, instead of whole nodes.
UNWIND $ids AS id
MATCH (c:Country {id: id})
RETURN id, CASE WHEN NOT id IN $carry THEN null WHEN $light THEN c {.id, .name, .isoCode} ELSE c END AS parent, COLLECT {
  CALL (c) {
    MATCH (s:Summit)-[:HELD_IN]->(:Place)-[:LOCATED_IN*1..5]->(c)
    RETURN s
    UNION
    MATCH (c)<-[r:LEADS]-(:Person)-[:ATTENDED]->(s:Summit)
    WHERE (r.since IS NULL OR s.date IS NULL OR r.since <= s.date)
      AND (r.until IS NULL OR s.date IS NULL OR s.date <= r.until)
    RETURN s
  }
  RETURN CASE WHEN $light THEN s {.id, .name, date: toString(s.date)} ELSE s END ORDER BY s.date IS NULL, s.date, s.id
} AS items
