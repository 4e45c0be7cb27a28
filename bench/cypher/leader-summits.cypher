// Benchmark floor (npm run bench): a person's summits (oldest first) and everyone they met
// (co-attendees and MET either way, each once, by name).
MATCH (p:Person {id: $id})
RETURN p.id AS id, p.name AS name,
  COLLECT { MATCH (p)-[:ATTENDED]->(s:Summit) RETURN s {.id, .name, .date} ORDER BY s.date, s.id } AS summits,
  COLLECT {
    CALL (p) {
      MATCH (p)-[:ATTENDED]->(:Summit)<-[:ATTENDED]-(o:Person) RETURN o
      UNION
      MATCH (p)-[:MET]-(o:Person) RETURN o
    }
    WITH o WHERE o <> p
    RETURN o {.id, .name} ORDER BY o.name, o.id
  } AS metWith
