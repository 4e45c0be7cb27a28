// Upserts entity nodes by id. Scalar fields are overwritten, aliases are united, labels are added.
// Returns how many rows created a node and how many changed an existing one.
UNWIND $rows AS row
OPTIONAL MATCH (old:Entity {id: row.id})
WITH row, old IS NULL AS isNew,
     CASE WHEN old IS NULL THEN null ELSE properties(old) END AS before,
     CASE WHEN old IS NULL THEN [] ELSE labels(old) END AS labelsBefore
MERGE (n:Entity {id: row.id})
SET n:$(row.labels)
SET n += row.props
SET n.aliases = reduce(acc = coalesce(n.aliases, []), a IN row.aliases | CASE WHEN a IN acc THEN acc ELSE acc + a END)
RETURN sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS created,
       sum(CASE WHEN NOT isNew AND (before <> properties(n) OR size(labelsBefore) <> size(labels(n))) THEN 1 ELSE 0 END) AS updated
