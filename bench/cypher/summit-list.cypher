// Benchmark floor (npm run bench): the newest $limit summits with participants and country, plus
// the total, in one hand-written query.
CALL () { MATCH (s:Summit) RETURN count(s) AS total }
MATCH (s:Summit)
WITH total, s ORDER BY s.date IS NULL, s.date DESC, s.id
LIMIT $limit
RETURN total, collect({
  id: s.id, name: s.name, date: s.date,
  participants: COLLECT { MATCH (p:Person)-[:ATTENDED]->(s) RETURN p {.id, .name} ORDER BY p.name, p.id },
  country: COLLECT { MATCH (s)-[:HELD_IN]->(:Place)-[:LOCATED_IN*1..5]->(c:Country) RETURN c {.id, .name} LIMIT 1 }[0]
}) AS items
