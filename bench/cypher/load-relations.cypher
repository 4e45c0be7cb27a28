// Loading baseline (npm run bench): relation rows (already merged across files), plain MERGE.
UNWIND $rows AS row
MATCH (a:Entity {id: row.from}) USING INDEX a:Entity(id)
MATCH (b:Entity {id: row.to}) USING INDEX b:Entity(id)
MERGE (a)-[r:$(row.type) {key: row.key}]->(b)
SET r += row.props, r.sources = row.sources, r.evidence = row.evidence
