// Benchmark floor (npm run bench): a shortest entity-only path of at most 4 hops.
// Entity-to-entity traversals name the relationship types between entities (RELATIONS in
// src/seed/model.ts; a unit test keeps the list equal): on a busy node Neo4j then reads only those,
// never the thousands of MENTIONS and ABOUT from articles and quotes that end there.
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = SHORTEST 1 (a)(()-[:LEADS|ATTENDED|HELD_IN|LOCATED_IN|MEMBER_OF|AFFILIATED_WITH|BASED_IN|PART_OF|DISCUSSED|MET]-(:Entity)){1,4}(b)
RETURN [n IN nodes(p) | n {.id, .name}] AS nodes, [r IN relationships(p) | type(r)] AS relations
