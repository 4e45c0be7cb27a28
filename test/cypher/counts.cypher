// Tests only: how many nodes and relationships the graph holds, and per label.
CALL () { MATCH (n) RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
CALL () { MATCH (n) UNWIND labels(n) AS label WITH label, count(*) AS c ORDER BY label RETURN collect([label, c]) AS perLabel }
RETURN nodes, relationships, perLabel
