// Each person's meetings, for the ids in $ids: who they met, when, where and at which summit, and
// what states it. Two sources, oldest first (undated last), then by the other person's name:
// - MET relationships (either direction), with their own `date`, `place` (a PLACE id) and `summit`
//   (a SUMMIT id) as the seed files state them; a MET with a summit but no place takes the summit's
//   venue. basis 'MET'.
// - two people who ATTENDED the same summit (the reference summits state attendance, not bilateral
//   meetings), dated by the summit and placed at its venue; skipped where a MET already names that
//   summit. basis 'SUMMIT'.
// $with (null = anyone) keeps the meetings with that person; at most $first per person.
// The venue is the summit's first HELD_IN place by name, as summits.place picks it.
UNWIND $ids AS id
MATCH (p:Person {id: id})
RETURN id, COLLECT {
  CALL (p) {
    MATCH (p)-[m:MET]-(o:Person)
    WHERE o <> p AND ($with IS NULL OR o.id = $with)
    OPTIONAL MATCH (s:Summit {id: m.summit})
    OPTIONAL MATCH (pl:Place {id: m.place})
    RETURN o, m.date AS date, s AS summit,
      coalesce(pl, COLLECT { MATCH (s)-[:HELD_IN]->(x:Place) RETURN x ORDER BY x.name LIMIT 1 }[0]) AS place,
      'MET' AS basis, coalesce(m.evidence, []) AS evidence, coalesce(m.sources, []) AS sources
    UNION ALL
    MATCH (p)-[a:ATTENDED]->(s:Summit)<-[b:ATTENDED]-(o:Person)
    WHERE o <> p AND ($with IS NULL OR o.id = $with)
      AND NOT EXISTS { (p)-[m:MET]-(o) WHERE m.summit = s.id }
    RETURN o, s.date AS date, s AS summit,
      COLLECT { MATCH (s)-[:HELD_IN]->(x:Place) RETURN x ORDER BY x.name LIMIT 1 }[0] AS place,
      'SUMMIT' AS basis, coalesce(a.evidence, []) + coalesce(b.evidence, []) AS evidence,
      coalesce(a.sources, []) + [x IN coalesce(b.sources, []) WHERE NOT x IN coalesce(a.sources, [])] AS sources
  }
  RETURN {person: o, date: date, summit: summit, place: place, basis: basis, evidence: evidence, sources: sources}
  ORDER BY date IS NULL, date, toLower(o.name), o.id, basis
  LIMIT $first
} AS items
