// Benchmark (npm run bench): how many nodes and relationships the graph holds (count store, cheap).
CALL () { MATCH (n) RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN nodes, relationships
