// Every relationship between two entities (the facts: {{ENTITY_RELATIONSHIPS}}, not MENTIONS,
// SAID or ABOUT), with its properties, for `npm run export` without --query. Provenance lists
// (sources, evidence) and the merge key stay out: src/data/export.ts drops them.
MATCH (a:Entity)-[r:{{ENTITY_RELATIONSHIPS}}]->(b:Entity)
RETURN a.id AS source, b.id AS target, type(r) AS type, properties(r) AS properties
ORDER BY source, type, target
