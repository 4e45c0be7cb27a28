// For each article row: deletes its MENTIONS of entities not in row.mentions, and its quotes not in
// row.quotes (with their SAID and ABOUT). A reload passes what the file states now; a retraction
// passes nothing and row.retract, which deletes the article itself too (with its PUBLISHED_BY and
// WRITTEN_BY), before the entities it touched are refreshed. Returns the ids of the quotes deleted
// and how many mentions went.
UNWIND $rows AS row
MATCH (art:Article {id: row.article}) USING INDEX art:Article(id)
CALL (art, row) {
  OPTIONAL MATCH (art)-[m:MENTIONS]->(e:Entity)
  WHERE NOT e.id IN row.mentions
  DELETE m
  RETURN count(m) AS mentionsRemoved
}
CALL (art, row) {
  OPTIONAL MATCH (q:Quote)-[:FROM]->(art)
  WHERE NOT q.id IN row.quotes
  WITH q, q.id AS id
  DETACH DELETE q
  RETURN collect(id) AS quotesRemoved
}
CALL (art, row) {
  WITH art WHERE row.retract
  DETACH DELETE art
}
RETURN row.article AS article, mentionsRemoved, quotesRemoved
