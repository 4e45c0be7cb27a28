// Member countries of each talks (MEMBER_OF) with the years they joined and left, by country name.
UNWIND $ids AS id
MATCH (t:Talks {id: id})
RETURN id, COLLECT {
  MATCH (c:Country)-[m:MEMBER_OF]->(t)
  RETURN {country: c, joined: m.joined, left: m.left} ORDER BY toLower(c.name), c.id
} AS items
