// Every entity of the graph, whole, by id: the nodes of `npm run export` without --query.
MATCH (e:Entity)
RETURN e AS node
ORDER BY e.id
