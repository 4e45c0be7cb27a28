// Benchmark floor (npm run bench): a shortest entity-only path of at most 4 hops.
// It follows the relationship types between entities ({{ENTITY_RELATIONSHIPS}}, RELATIONS in
// src/seed/model.ts), as our queries do.
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = SHORTEST 1 (a)(()-[:{{ENTITY_RELATIONSHIPS}}]-(:Entity)){1,4}(b)
RETURN [n IN nodes(p) | n {.id, .name}] AS nodes, [r IN relationships(p) | type(r)] AS relations
