// Upserts entity nodes by id. Scalar fields are set on creation, and overwritten later only by rows
// with overwrite = true (reviewed files); aliases are united and labels added either way.
// A node that has only its id right after the MERGE is new.
// Returns how many rows changed an existing node (creations come from the counters).
// replan=skip: the plan made on an empty graph stays good (index hints, static types), and
// replanning this query as the graph grows costs more than the batches it would speed up.
CYPHER replan=skip
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
WITH n, row, size(keys(n)) = 1 AS isNew, labels(n) AS labelsBefore, coalesce(n.aliases, []) AS aliasesBefore
WITH n, row, isNew, aliasesBefore,
     reduce(acc = aliasesBefore, a IN row.aliases | CASE WHEN a IN acc THEN acc ELSE acc + a END) AS aliasesAfter,
     (isNew OR coalesce(row.overwrite, true)) AND any(k IN keys(row.props) WHERE NOT coalesce(n[k] = row.props[k], false)) AS propsChange,
     any(l IN row.labels WHERE NOT l IN labelsBefore) AS labelsChange
SET n:$(row.labels)
SET n += CASE WHEN propsChange THEN row.props ELSE {} END
SET n.aliases = aliasesAfter
RETURN count(*) AS rows,
       sum(CASE WHEN NOT isNew AND (propsChange OR labelsChange OR size(aliasesAfter) > size(aliasesBefore)) THEN 1 ELSE 0 END) AS updated
