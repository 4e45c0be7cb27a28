// The labels and aliases of those of $ids already in the graph: the ingest skips rewriting an
// entity that would gain nothing (its relationships and mentions are still written).
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n.id AS id, labels(n) AS labels, coalesce(n.aliases, []) AS aliases
