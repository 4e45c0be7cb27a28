// A shortest path between entities $from and $to through Entity nodes only (no articles or
// quotes), at most $maxHops long. The hop bound of a quantified path cannot be a parameter, so the
// pattern allows 6 (the API's maximum) and length(p) <= $maxHops filters: a path within the limit
// exists exactly when the shortest one is within it. Also reports whether each end exists.
// The caller handles $from = $to itself (a zero-length path).
OPTIONAL MATCH (a:Entity {id: $from})
OPTIONAL MATCH (b:Entity {id: $to})
RETURN a IS NOT NULL AS fromFound, b IS NOT NULL AS toFound, COLLECT {
  MATCH p = SHORTEST 1 (a)(()-[]-(:Entity)){1,6}(b)
  WHERE length(p) <= $maxHops
  RETURN {
    nodes: nodes(p),
    steps: [i IN range(0, length(p) - 1) |
      {type: type(relationships(p)[i]), out: startNode(relationships(p)[i]) = nodes(p)[i]}]
  }
}[0] AS path
