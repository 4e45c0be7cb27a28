// Loading baseline (npm run bench): relation rows (already merged across files), plain MERGE.
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
MERGE (a)-[r:$(row.type) {key: row.key}]->(b)
SET r += row.props, r.sources = row.sources, r.evidence = row.evidence
