// The ingest's variant of seed.merge-entities: extracted rows never overwrite fields, and the ingest
// does not report updates, so there is nothing to compare: fields on creation only, labels added,
// aliases united.
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
ON CREATE SET n += row.props
SET n:$(row.labels)
SET n.aliases = reduce(acc = coalesce(n.aliases, []), a IN row.aliases | CASE WHEN a IN acc THEN acc ELSE acc + a END)
RETURN count(*) AS rows, 0 AS updated
