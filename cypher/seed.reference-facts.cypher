// Facts the reference checks (src/seed/reference-checks.ts) read from the graph for entities a load
// names but does not state them for: the LEADS terms of $persons, the countries each of $places lies
// in (through LOCATED_IN chains), the date, endDate and hostCountry of $summits, and which of
// $countries are Country nodes. One row.
CALL {
  UNWIND $persons AS id
  MATCH (:Person {id: id})-[l:LEADS]->(c:Country)
  RETURN collect({person: id, country: c.id, title: l.title, since: l.since, until: l.until}) AS terms
}
CALL {
  UNWIND $places AS id
  MATCH (pl:Place {id: id})
  RETURN collect({place: id, countries: COLLECT {
    MATCH (pl)-[:LOCATED_IN*1..6]->(c:Country)
    RETURN DISTINCT c.id
  }}) AS placed
}
CALL {
  UNWIND $summits AS id
  MATCH (s:Summit {id: id})
  RETURN collect({id: id, date: s.date, endDate: s.endDate, hostCountry: s.hostCountry}) AS summits
}
CALL {
  UNWIND $countries AS id
  MATCH (c:Country {id: id})
  RETURN collect(c.id) AS countries
}
RETURN terms, placed, summits, countries
