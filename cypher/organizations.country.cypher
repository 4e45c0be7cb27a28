// The country each organization is BASED_IN: directly, or via a place LOCATED_IN it; nearest first.
UNWIND $ids AS id
MATCH (o:Organization {id: id})
RETURN id, COLLECT {
  MATCH path = (o)-[:BASED_IN]->(:Entity)-[:LOCATED_IN*0..5]->(c:Country)
  RETURN c ORDER BY length(path), c.name
  LIMIT 1
}[0] AS item
