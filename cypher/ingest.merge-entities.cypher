// The ingest's variant of seed.merge-entities: extracted rows never overwrite fields, and the ingest
// does not report updates, so there is nothing to compare: fields on creation only, labels added,
// aliases united.
// replan=skip: the plan made on an empty graph stays good (index hints, static types), and
// replanning this query as the graph grows costs more than the batches it would speed up.
CYPHER replan=skip
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
ON CREATE SET n += row.props
SET n:$(row.labels)
SET n.aliases = reduce(acc = coalesce(n.aliases, []), a IN row.aliases | CASE WHEN a IN acc THEN acc ELSE acc + a END)
RETURN count(*) AS rows, 0 AS updated
