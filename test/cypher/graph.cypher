// Tests only: every node with its labels and properties, and every relationship with its ends,
// type and properties: the whole graph, to compare two ways of loading the same files.
CALL () {
  MATCH (n)
  RETURN collect({id: n.id, labels: labels(n), props: properties(n)}) AS nodes
}
CALL () {
  MATCH (a)-[r]->(b)
  RETURN collect({from: a.id, type: type(r), to: b.id, props: properties(r)}) AS relationships
}
RETURN nodes, relationships
