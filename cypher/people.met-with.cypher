// People each person met: co-attendees of any summit plus MET in either direction. UNION makes
// each person appear once; the person themself is excluded. By name.
// parent: the node itself for the ids in $carry, else null (look-ahead, src/graphql/lookahead.ts).
UNWIND $ids AS id
MATCH (p:Person {id: id})
RETURN id, CASE WHEN id IN $carry THEN p END AS parent, COLLECT {
  CALL (p) {
    MATCH (p)-[:ATTENDED]->(:Summit)<-[:ATTENDED]-(o:Person)
    RETURN o
    UNION
    MATCH (p)-[:MET]-(o:Person)
    RETURN o
  }
  WITH p, o WHERE o <> p
  RETURN o ORDER BY toLower(o.name), o.id
} AS items
