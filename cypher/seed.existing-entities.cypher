// Which of $ids are already in the graph, and their kind label (Person, Country, ...).
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n.id AS id, [l IN labels(n) WHERE l IN $kindLabels][0] AS label
