// Tests only: the relationships of one type leaving one node, with their properties.
MATCH (a {id: $from})-[r]->(b)
WHERE type(r) = $type
RETURN b.id AS to, properties(r) AS props
ORDER BY to
