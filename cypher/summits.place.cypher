// Where each summit was HELD_IN.
UNWIND $ids AS id
MATCH (s:Summit {id: id})
RETURN id, COLLECT {
  MATCH (s)-[:HELD_IN]->(pl:Place)
  RETURN pl ORDER BY pl.name
  LIMIT 1
}[0] AS item
