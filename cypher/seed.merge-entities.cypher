// Upserts entity nodes by id, with each defining source's claim (the aliases and labels it gives)
// on a DEFINES relationship from its Source node.
// Fields: set on creation; later only by rows with overwrite = true (reviewed files) and setProps
// (a load writes an entity's merged fields once). A reviewed row *replaces* the fields (a field it no
// longer states goes) unless another reviewed source, not in this row, defines the entity too: then
// they are set over the others' (the files should agree). Aliases are united and labels added; a
// reload takes back what the source no longer claims (sources.refresh-entities).
// A node that has only its id right after the MERGE is new.
// Returns how many rows changed an existing node (creations come from the counters).
// replan=skip: the plan made on an empty graph stays good (index hints, static types), and
// replanning this query as the graph grows costs more than the batches it would speed up.
CYPHER replan=skip
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
WITH n, row, size(keys(n)) = 1 AS isNew, labels(n) AS labelsBefore, coalesce(n.aliases, []) AS aliasesBefore
WITH n, row, isNew, labelsBefore, aliasesBefore, coalesce(row.setProps, true) AND (isNew OR coalesce(row.overwrite, true)) AS mayWrite
WITH n, row, isNew, labelsBefore, aliasesBefore, mayWrite,
     mayWrite AND NOT isNew AND NOT EXISTS {
       MATCH (other:Source)-[:DEFINES]->(n)
       WHERE other.kind = 'reviewed' AND NOT other.id IN [c IN row.claims | c.source]
     } AS replace
WITH n, row, isNew, labelsBefore, aliasesBefore, mayWrite, replace,
     reduce(acc = aliasesBefore, a IN row.aliases | CASE WHEN a IN acc THEN acc ELSE acc + a END) AS aliasesAfter,
     mayWrite AND (
       any(k IN keys(row.props) WHERE NOT coalesce(n[k] = row.props[k], false))
       OR (replace AND any(k IN keys(n) WHERE NOT k IN ['id', 'aliases'] AND NOT k IN keys(row.props)))
     ) AS propsChange,
     any(l IN row.labels WHERE NOT l IN labelsBefore) AS labelsChange
SET n:$(row.labels)
FOREACH (_ IN CASE WHEN propsChange AND replace THEN [1] ELSE [] END | SET n = row.props, n.id = row.id)
FOREACH (_ IN CASE WHEN propsChange AND NOT replace THEN [1] ELSE [] END | SET n += row.props)
SET n.aliases = aliasesAfter
WITH n, row, isNew, propsChange, labelsChange, aliasesBefore, aliasesAfter
CALL (n, row) {
  UNWIND row.claims AS claim
  MATCH (s:Source {id: claim.source}) USING INDEX s:Source(id)
  MERGE (s)-[d:DEFINES]->(n)
  SET d.aliases = claim.aliases, d.labels = claim.labels
}
RETURN count(*) AS rows,
       sum(CASE WHEN NOT isNew AND (propsChange OR labelsChange OR size(aliasesAfter) > size(aliasesBefore)) THEN 1 ELSE 0 END) AS updated
