// The entities each article MENTIONS, by kind (EntityKind order) then name.
UNWIND $ids AS id
MATCH (a:Article {id: id})
RETURN id, COLLECT {
  MATCH (a)-[:MENTIONS]->(e:Entity)
  RETURN e ORDER BY
    CASE WHEN e:Person THEN 0 WHEN e:Country THEN 1 WHEN e:Place THEN 2 WHEN e:Summit THEN 3
         WHEN e:Talks THEN 4 WHEN e:Organization THEN 5 ELSE 6 END,
    toLower(e.name), e.id
} AS items
