// A country's entity lists, one column each, for the ids in $want.<column> (else empty): one query
// however many of them a request asks (entityListsLoader, src/data/entities.ts). Each subquery
// starts with that test (`WHERE id IN $want.<column>` on its first MATCH, or `WITH p WHERE ...`
// before a CALL), which Neo4j checks before expanding anything: an unasked column costs no reads.
// - leaders: people who LEAD or LED the country, each once (a person may hold several terms, one
//   LEADS per term): current leaders first, then by when their last term ended, then by latest start.
// - summits: oldest first: held in it (HELD_IN a place LOCATED_IN it, through enclosing places), or
//   attended by a person who LEADS it and was in office on the summit's date. Open or unknown term
//   ends and undated summits count as in office (a comparison with null is null, so coalesce
//   makes it true). UNION keeps each summit once.
// - talks: talks the country is or was a MEMBER_OF, oldest first.
// parent: the node itself for the ids in $carry, else null (look-ahead, src/graphql/lookahead.ts).
// With $light (a request asking only light fields, src/graphql/projection.ts) it returns light
// projections of the entity nodes, {.id, .name} and the kind's small typed properties, instead of whole nodes.
UNWIND $ids AS id
MATCH (c:Country {id: id})
RETURN id, CASE WHEN NOT id IN $carry THEN null WHEN $light THEN c {.id, .name, .isoCode} ELSE c END AS parent, COLLECT {
  MATCH (p:Person)-[r:LEADS]->(c)
  WHERE id IN $want.leaders
  WITH p, max(CASE WHEN r.until IS NULL THEN date('9999-12-31') ELSE r.until END) AS lastDay, max(r.since) AS lastStart
  RETURN CASE WHEN $light THEN p {.id, .name} ELSE p END ORDER BY lastDay DESC, lastStart DESC, toLower(p.name), p.id
} AS leaders, COLLECT {
  WITH c WHERE id IN $want.summits
  CALL (c) {
    MATCH (s:Summit)-[:HELD_IN]->(:Place)-[:LOCATED_IN*1..5]->(c)
    RETURN s
    UNION
    MATCH (c)<-[r:LEADS]-(:Person)-[:ATTENDED]->(s:Summit)
    WHERE coalesce(r.since <= s.date, true) AND coalesce(s.date <= r.until, true)
    RETURN s
  }
  RETURN CASE WHEN $light THEN s {.id, .name, date: toString(s.date)} ELSE s END ORDER BY s.date IS NULL, s.date, s.id
} AS summits, COLLECT {
  MATCH (c)-[:MEMBER_OF]->(t:Talks)
  WHERE id IN $want.talks
  RETURN CASE WHEN $light THEN t {.id, .name, .startYear, .endYear} ELSE t END ORDER BY t.startYear IS NULL, t.startYear, t.name
} AS talks
