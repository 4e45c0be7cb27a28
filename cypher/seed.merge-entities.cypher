// Upserts entity nodes by id. Scalar fields are set on creation, and overwritten later only by rows
// with overwrite = true (reviewed files); aliases are united and labels added either way.
// Returns how many rows created a node and how many changed an existing one.
UNWIND $rows AS row
OPTIONAL MATCH (old:Entity {id: row.id})
WITH row, old IS NULL AS isNew,
     CASE WHEN old IS NULL THEN null ELSE properties(old) END AS before,
     CASE WHEN old IS NULL THEN [] ELSE labels(old) END AS labelsBefore
MERGE (n:Entity {id: row.id})
SET n:$(row.labels)
SET n += CASE WHEN isNew OR coalesce(row.overwrite, true) THEN row.props ELSE {} END
SET n.aliases = reduce(acc = coalesce(n.aliases, []), a IN row.aliases | CASE WHEN a IN acc THEN acc ELSE acc + a END)
RETURN sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS created,
       sum(CASE WHEN NOT isNew AND (before <> properties(n) OR size(labelsBefore) <> size(labels(n))) THEN 1 ELSE 0 END) AS updated
