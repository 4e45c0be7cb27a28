// Brings entities whose sources changed (a reload, a retraction) in line with what their remaining
// sources say: aliases and person labels ($personLabels) only those some DEFINES still claims; an
// entity that nothing holds any more (no source defines it, no relationship names it) is deleted.
// One that no source defines but another source's relationships still name is kept as it is, and
// reported. Returns each id's outcome.
UNWIND $ids AS id
MATCH (n:Entity {id: id}) USING INDEX n:Entity(id)
WITH n, id, COLLECT { MATCH (:Source)-[d:DEFINES]->(n) RETURN d } AS claims
WITH n, id, size(claims) = 0 AS undefined, NOT EXISTS { (n)--() } AS orphan,
     reduce(acc = [], d IN claims | acc + coalesce(d.aliases, [])) AS claimedAliases,
     reduce(acc = [], d IN claims | acc + coalesce(d.labels, [])) AS claimedLabels
WITH n, id, undefined, orphan,
     [a IN coalesce(n.aliases, []) WHERE a IN claimedAliases] AS aliases,
     [l IN $personLabels WHERE l IN labels(n) AND NOT l IN claimedLabels] AS dropLabels
FOREACH (_ IN CASE WHEN NOT orphan AND NOT undefined THEN [1] ELSE [] END |
  SET n.aliases = aliases
  REMOVE n:$(dropLabels)
)
WITH n, id, undefined, orphan
CALL (n, orphan) {
  WITH n WHERE orphan
  DELETE n
}
RETURN id, orphan AS removed, undefined AND NOT orphan AS undefined
