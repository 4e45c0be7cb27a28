// Loading baseline (npm run bench): entity rows of every file at once, plain MERGE, no change counting.
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n:$(row.labels)
SET n += row.props, n.aliases = row.aliases
